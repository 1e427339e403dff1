import { act } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import { glossary } from '../../scenarios/glossary'
import { createGlossaryStore, type GlossaryStore } from '../../state/glossary'
import { changeValue, getByRole, press, render, type Rendered } from '../test-support'
import { GlossaryPanel } from './GlossaryPanel'

let view: Rendered | undefined
afterEach(() => view?.unmount())

function mount(): { store: GlossaryStore; opener: HTMLElement } {
  const store = createGlossaryStore()
  view = render(
    <>
      <button type="button">Opener</button>
      <GlossaryPanel store={store} />
    </>,
  )
  const opener = getByRole(document.body, 'button', 'Opener')
  act(() => opener.focus())
  return { store, opener }
}

const panel = () => document.querySelector<HTMLElement>('aside.glossary-panel')
const terms = () => [...document.querySelectorAll('aside dt')].map((dt) => dt.textContent)

describe('GlossaryPanel', () => {
  it('is absent until opened, then lists every term alphabetically under its heading', () => {
    const { store } = mount()
    expect(panel()).toBeNull()
    act(() => store.getState().openGlossary())
    const heading = document.getElementById(panel()?.getAttribute('aria-labelledby') ?? '')
    expect(heading?.textContent).toBe('Glossary')
    expect(terms()).toEqual(glossary.map((e) => e.term))
    expect(document.activeElement).toBe(getByRole(document.body, 'searchbox', 'Filter terms'))
  })

  it('opened at a term (or an alias, in the plural), focuses and highlights its entry', () => {
    const { store } = mount()
    act(() => store.getState().openGlossary('Stale reads'))
    const focused = document.activeElement
    expect(focused?.tagName).toBe('DT')
    expect(focused?.textContent).toBe('stale read')
    expect(document.querySelectorAll('.glossary-entry.current')).toHaveLength(1)
    expect(document.querySelector('.glossary-entry.current dt')).toBe(focused)
  })

  it('filters by term and alias, and says how many match', () => {
    const { store } = mount()
    act(() => store.getState().openGlossary())
    const filter = getByRole<HTMLInputElement>(document.body, 'searchbox', 'Filter terms')
    changeValue(filter, 'in flight')
    expect(terms()).toEqual(['in-flight'])
    expect(document.querySelector('[role="status"]')?.textContent).toBe(
      `1 of ${glossary.length} terms`,
    )
    changeValue(filter, 'zzz')
    expect(terms()).toEqual([])
    expect(document.querySelector('[role="status"]')?.textContent).toBe('No term matches "zzz".')
  })

  it('follows a "see" link to its entry, clearing a filter that hides it', () => {
    const { store } = mount()
    act(() => store.getState().openGlossary())
    changeValue(getByRole<HTMLInputElement>(document.body, 'searchbox', 'Filter terms'), 'lag')
    const entry = document.querySelector<HTMLElement>('[data-term="lag"]') ?? document.body
    act(() => getByRole(entry, 'button', 'checkpoint').click())
    expect(terms()).toHaveLength(glossary.length)
    expect(document.activeElement?.textContent).toBe('checkpoint')
    expect(store.getState().term).toBe('checkpoint')
  })

  it('closes on Escape and on Close, giving focus back to the opener', () => {
    const { store, opener } = mount()
    act(() => store.getState().openGlossary('lag'))
    expect(document.activeElement).not.toBe(opener)
    const escape = press(document.activeElement ?? document.body, 'Escape')
    expect(escape.defaultPrevented).toBe(true)
    expect(panel()).toBeNull()
    expect(document.activeElement).toBe(opener)

    act(() => store.getState().openGlossary())
    act(() => getByRole(document.body, 'button', 'Close').click())
    expect(store.getState().open).toBe(false)
    expect(document.activeElement).toBe(opener)
  })
})
