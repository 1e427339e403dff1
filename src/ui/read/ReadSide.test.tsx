import { act } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useStore } from 'zustand'
import { readAfterWrite } from '../../scenarios'
import type * as StoreModule from '../../state/store'
import type { AppState, AppStore } from '../../state/store'
import { profile, until } from '../../state/test-support'
import { changeValue, getByRole, render, type Rendered } from '../test-support'
import { ReadSide } from './ReadSide'

// The column reads the app store through `useApp`; here it reads a store over a fake database.
let store: AppStore
vi.mock('../../state/store', async (original) => ({
  ...(await original<typeof StoreModule>()),
  useApp: <T,>(selector: (s: AppState) => T) => useStore(store, selector),
}))

let view: Rendered | undefined
beforeEach(async () => {
  store = profile().tab()
  await store.getState().init()
  store.getState().loadScenario(readAfterWrite)
  await store.getState().startScenario()
  await until(store, (s) => s.frame !== null)
})
afterEach(() => view?.unmount())

const click = (el: HTMLElement) => act(() => el.click())
const select = (el: HTMLSelectElement, value: string) =>
  act(() => {
    el.value = value
    el.dispatchEvent(new Event('change', { bubbles: true }))
  })
/** The control a visible label names, as a learner finds it. */
function byLabel<T extends HTMLElement>(root: HTMLElement, name: string): T {
  const labels = [...root.querySelectorAll('label')].filter((l) => l.textContent === name)
  const control = labels.length === 1 ? document.getElementById(labels[0]?.htmlFor ?? '') : null
  if (!control) throw new Error(`no single control labelled ${name}`)
  return control as T
}
const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim()

/** Steps the run until `done`, the way a learner presses "Step forward". */
async function stepUntil(done: (s: AppState) => boolean) {
  for (let i = 0; i < 200 && !done(store.getState()); i++)
    await act(async () => {
      store.getState().stepForward()
      await Promise.resolve()
    })
  expect(done(store.getState())).toBe(true)
}

describe('ReadSide', () => {
  it('shows one panel per projection of the run', () => {
    const root = (view = render(<ReadSide />)).container
    expect(getByRole(root, 'region', 'push-reader')).toBeTruthy()
    expect(getByRole(root, 'region', 'pull-reader')).toBeTruthy()
    expect(text(root.querySelector('.queries-empty'))).toMatch(/^No queries yet/)
  })

  it('sends a query to act with the chosen projection, key and mode, and shows its answer', async () => {
    await stepUntil((s) => (s.frame?.head ?? 0) > 0)
    const root = (view = render(<ReadSide />)).container
    select(byLabel(root, 'Projection'), 'pull-reader')
    changeValue(byLabel(root, 'Key'), 't1')
    const mode = byLabel<HTMLSelectElement>(root, 'Read mode')
    select(mode, 'strong')
    expect(mode.getAttribute('aria-describedby')).toBe(root.querySelector('.mode-words')?.id)
    expect(text(root.querySelector('.mode-words'))).toMatch(/^Asks the store/)
    click(getByRole(root, 'button', 'Read'))
    const asked = store.getState().frame?.interventions.at(-1)?.intervention
    expect(asked).toMatchObject({
      type: 'read',
      read: { projection: 'pull-reader', key: 't1', mode: 'strong' },
      outcome: { kind: 'asked' },
    })
    const query = root.querySelector('[data-testid="query"]')
    expect(text(query)).toContain('strong read of t1 on pull-reader')
    expect(text(query)).toContain('waiting for an answer…')

    await stepUntil((s) => s.frame?.interventions.at(-1)?.answer != null)
    const answered = text(root.querySelector('[data-testid="query"]'))
    expect(answered).toMatch(/value ?title: buy milk, completed: false/)
    expect(answered).toMatch(/✓ fresh/)
    expect(answered).toMatch(/cost ?2 messages/)
    expect(text(root.querySelector('[data-testid="newest-answer"]'))).toMatch(
      /^Answer to the strong read of t1 on pull-reader: .*fresh, after .* ms, 2 messages\.$/,
    )
  })

  it('shows the problems act finds, by field, and asks nothing', () => {
    const root = (view = render(<ReadSide />)).container
    const before = store.getState().frame?.interventions.length
    click(getByRole(root, 'button', 'Read'))
    expect(text(root.querySelector('[role="alert"]'))).toBe('Key: must not be empty')
    expect(byLabel(root, 'Key').getAttribute('aria-invalid')).toBe('true')
    select(byLabel(root, 'Read mode'), 'bounded')
    changeValue(byLabel(root, 'Key'), 't1')
    click(getByRole(root, 'button', 'Read'))
    expect(text(root.querySelector('[role="alert"]'))).toBe(
      'Read mode: a bounded read needs maxLag or maxAge',
    )
    expect(byLabel(root, 'Key').getAttribute('aria-invalid')).toBeNull()
    expect(store.getState().frame?.interventions.length).toBe(before)
    changeValue(byLabel(root, 'Max lag (events)'), '0')
    click(getByRole(root, 'button', 'Read'))
    expect(text(root.querySelector('[role="alert"]'))).toBe('')
    expect(store.getState().frame?.interventions.at(-1)?.intervention).toMatchObject({
      read: { mode: 'bounded', maxLag: 0 },
    })
  })
})
