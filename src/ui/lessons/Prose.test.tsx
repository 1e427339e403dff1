import { act } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import { glossaryStore } from '../../state/glossary'
import { getByRole, render, type Rendered } from '../test-support'
import { Prose } from './Prose'

let view: Rendered | undefined
afterEach(() => {
  view?.unmount()
  glossaryStore.setState({ open: false, term: null })
})

function show(text: string): HTMLElement {
  view = render(<Prose text={text} />)
  return view.container
}

describe('Prose', () => {
  it('renders a paragraph per blank-line-separated block', () => {
    const root = show('First one.\n\nSecond one.')
    expect([...root.children].map((p) => [p.tagName, p.textContent])).toEqual([
      ['P', 'First one.'],
      ['P', 'Second one.'],
    ])
  })

  it('renders strong and code as elements', () => {
    const root = show('Add **t1** with `TodoAdded`.')
    expect(root.querySelector('strong')?.textContent).toBe('t1')
    expect(root.querySelector('code')?.textContent).toBe('TodoAdded')
    expect(root.textContent).toBe('Add t1 with TodoAdded.')
  })

  it('never turns lesson text into markup', () => {
    const root = show('<img src=x onerror="alert(1)"> and <b>bold</b>')
    expect(root.querySelector('img, b')).toBeNull()
    expect(root.textContent).toBe('<img src=x onerror="alert(1)"> and <b>bold</b>')
  })

  it('makes a glossary link a button named after its entry, showing the words', () => {
    const root = show('Its [[checkpoint]] and a [[read mode|strong read]], [[Stale reads]].')
    const checkpoint = getByRole(root, 'button', 'Glossary: checkpoint')
    expect(checkpoint.textContent).toBe('checkpoint')
    expect(getByRole(root, 'button', 'Glossary: read mode (strong read)').textContent).toBe(
      'strong read',
    )
    expect(getByRole(root, 'button', 'Glossary: stale read (Stale reads)').textContent).toBe(
      'Stale reads',
    )
  })

  it('opens the glossary at the entry of the link pressed', () => {
    const root = show('The [[in flight|copies on the way]] arrive.')
    act(() => getByRole(root, 'button', /^Glossary: in-flight/).click())
    expect(glossaryStore.getState()).toMatchObject({ open: true, term: 'in-flight' })
  })

  it('shows a link to a term the glossary lacks as plain text', () => {
    const root = show('A [[blockchain|chain of blocks]] here.')
    expect(root.querySelector('button')).toBeNull()
    expect(root.textContent).toBe('A chain of blocks here.')
  })
})
