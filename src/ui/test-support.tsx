/**
 * A small stand-in for testing-library (not installed): render into a container under `act`
 * (src/viz/test-render.tsx), and find elements by role and accessible name as a screen reader
 * would.
 */
import { act } from 'react'

export { render, type Rendered } from '../viz/test-render'

const IMPLICIT: Record<string, string> = {
  button: 'button',
  slider: 'input[type="range"]',
  dialog: 'dialog',
  table: 'table',
  group: 'fieldset',
  region: 'section[aria-label], section[aria-labelledby]',
  article: 'article',
  textbox: 'input[type="text"], textarea',
  searchbox: 'input[type="search"]',
  combobox: 'select',
}

/** The accessible name, for the ways these components name things. */
export function accessibleName(el: Element): string {
  const label = el.getAttribute('aria-label')
  if (label) return label
  const by = el.getAttribute('aria-labelledby')
  if (by)
    return by
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ')
  if (el.id) {
    const forIt = [...document.querySelectorAll('label')].find((l) => l.htmlFor === el.id)
    if (forIt) return forIt.textContent ?? ''
  }
  return (el.textContent ?? '').trim()
}

export function allByRole(root: ParentNode, role: string): Element[] {
  const implicit = IMPLICIT[role]
  const selector = implicit ? `[role="${role}"], ${implicit}` : `[role="${role}"]`
  return [...root.querySelectorAll(selector)]
}

export function getByRole<T extends Element = HTMLElement>(
  root: ParentNode,
  role: string,
  name: string | RegExp,
): T {
  const found = allByRole(root, role).filter((el) => {
    const n = accessibleName(el)
    return typeof name === 'string' ? n === name : name.test(n)
  })
  if (found.length !== 1) {
    const names = allByRole(root, role).map(accessibleName)
    throw new Error(
      `${found.length} ${role}s named ${String(name)}; there are: ${names.join(', ')}`,
    )
  }
  return found[0] as T
}

/** Dispatches a keydown on the target (bubbling to window) and returns the event. */
export function press(
  target: EventTarget,
  key: string,
  init: KeyboardEventInit = {},
): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init })
  act(() => {
    target.dispatchEvent(event)
  })
  return event
}

/** Sets an input's value the way a user would, so React's onChange fires. */
export function changeValue(input: HTMLInputElement, value: string): void {
  act(() => {
    // The prototype's setter, past React's own tracking of the value, as a browser sets it.
    Reflect.set(HTMLInputElement.prototype, 'value', value, input)
    input.dispatchEvent(new Event('input', { bubbles: true }))
  })
}
