import { act } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { comparisonById } from '../../scenarios'
import type * as StoreModule from '../../state/store'
import type { AppState } from '../../state/store'
import { allByRole, getByRole, render, type Rendered } from '../test-support'
import { CompareView } from './CompareView'

// The view reads two actions of the app store; here they are spies.
const state = { loadScenario: vi.fn(), startScenario: vi.fn(), picked: null }
vi.mock('../../state/store', async (original) => ({
  ...(await original<typeof StoreModule>()),
  useApp: <T,>(selector: (s: AppState) => T) => selector(state as unknown as AppState),
}))

let view: Rendered | undefined
beforeEach(() => {
  // jsdom lays nothing out: the diagrams measure a width of 0 and draw at their smallest.
  vi.stubGlobal(
    'ResizeObserver',
    class {
      observe() {}
      disconnect() {}
    },
  )
  state.loadScenario.mockClear()
  state.startScenario.mockClear()
})
afterEach(() => {
  view?.unmount()
  vi.unstubAllGlobals()
  window.location.hash = ''
})

describe('the comparison view', () => {
  it('names the comparison, asks its question and marks the better value in words', () => {
    view = render(<CompareView id="push-pull" />)
    const c = comparisonById('push-pull')
    const root = view.container
    expect(root.querySelector('h2')?.textContent).toBe(`Side by side: ${c?.title}`)
    expect(root.textContent).toContain(c?.question)
    const table = getByRole(root, 'table', /^What each run measured/)
    const heads = [...table.querySelectorAll('thead th')].map((th) => th.textContent)
    expect(heads).toEqual(['Measure', ...(c?.variants.map((v) => v.label) ?? [])])
    const stale = table.querySelector('[data-testid="measure-stale-reads"]')
    expect(stale?.querySelectorAll('td')[0]?.textContent).toMatch(/✓ better$/)
    expect(stale?.querySelectorAll('td')[1]?.textContent).not.toContain('better')
    const diagrams = allByRole(root, 'img').map((el) => el.getAttribute('aria-label') ?? '')
    expect(diagrams).toHaveLength(c?.variants.length ?? -1)
    c?.variants.forEach((v, i) =>
      expect(diagrams[i]?.startsWith(`Space-time diagram of ${v.label}: `)).toBe(true),
    )
  })

  it('marks the current comparison in the picker', () => {
    view = render(<CompareView id="handlers" />)
    const nav = view.container.querySelector('nav[aria-label="Comparisons"]')
    const current = nav?.querySelector('[aria-current="page"]')
    expect(current?.textContent).toBe(comparisonById('handlers')?.title)
    expect(current?.getAttribute('href')).toBe('#compare=handlers')
  })

  it('says an unknown comparison is unknown and links to every one there is', () => {
    view = render(<CompareView id="<b>nope</b>" />)
    const alert = getByRole(view.container, 'alert', /There is no comparison/)
    expect(alert.textContent).toContain('“<b>nope</b>”')
    expect(view.container.querySelector('table')).toBeNull()
    const links = view.container.querySelectorAll('.compare-unknown a')
    expect([...links].map((a) => a.getAttribute('href'))).toEqual([
      '#compare=push-pull',
      '#compare=handlers',
      '#compare=read-modes',
    ])
  })

  it('opens a variant in the playground: loads its scenario, goes there and opens its run', () => {
    window.location.hash = '#compare=push-pull'
    view = render(<CompareView id="push-pull" />)
    const pull = comparisonById('push-pull')?.variants[1]
    const button = getByRole(view.container, 'button', `Open ${pull?.label} in the playground`)
    act(() => button.click())
    expect(state.loadScenario).toHaveBeenCalledWith(pull?.scenario)
    expect(state.startScenario).toHaveBeenCalledOnce()
    expect(window.location.hash).toBe('')
  })
})
