/**
 * The write side against a real app store (in memory, the engine behind it): the form offers the
 * domain's commands with their fields, issues them through `act`, shows what validation refused
 * next to the field, and lists what the write model decided.
 */
import { act } from 'react'
import { useStore } from 'zustand'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ScenarioInput } from '../../core'
import type * as StoreModule from '../../state/store'
import type { AppState, AppStore } from '../../state/store'
import { profile, until } from '../../state/test-support'
import {
  accessibleName,
  allByRole,
  changeValue,
  getByRole,
  render,
  type Rendered,
} from '../test-support'
import { WriteSide } from './WriteSide'

const current = vi.hoisted(() => ({ store: null as AppStore | null }))
vi.mock('../../state/store', async (importOriginal) => {
  const actual = await importOriginal<typeof StoreModule>()
  return {
    ...actual,
    useApp: <T,>(selector: (s: AppState) => T): T =>
      useStore(current.store ?? actual.appStore, selector),
  }
})

const bank: ScenarioInput = {
  format: 'eventually.scenario/v1',
  name: 'A bank',
  seed: 7,
  domain: 'bank',
  until: 2000,
  commands: [{ at: 500, type: 'OpenAccount', data: { id: 'a1', owner: 'Ada' } }],
  projections: [
    {
      id: 'balances',
      handler: 'idempotent',
      delivery: { mode: 'push', guarantee: 'at-least-once', ackTimeout: 300 },
      link: { latency: { dist: 'constant', value: 50 } },
    },
  ],
}

let view: Rendered | undefined
let store: AppStore
beforeEach(async () => {
  // In memory (no init): nothing is saved, so no IndexedDB work runs behind the test's back.
  store = profile().tab()
  current.store = store
  store.getState().loadScenario(bank)
  await act(() => store.getState().startScenario())
})
afterEach(() => {
  view?.unmount()
  view = undefined
  current.store = null
})

const show = () => (view = render(<WriteSide />)).container
const click = (el: Element) => act(() => (el as HTMLElement).click())
/** The control a label names (the shared helpers know no implicit textbox or combobox). */
function labelled<T extends HTMLElement>(root: ParentNode, name: string): T {
  const labels = [...root.querySelectorAll('label')].filter((l) => l.textContent === name)
  expect(labels, `one label "${name}"`).toHaveLength(1)
  return document.getElementById(labels[0]?.htmlFor ?? '') as T
}
const input = (root: ParentNode, name: string) => labelled<HTMLInputElement>(root, name)
const select = (root: ParentNode) => labelled<HTMLSelectElement>(root, 'Command')
const fieldNames = (root: HTMLElement) =>
  [...root.querySelectorAll('.data-fields input')].map(accessibleName)

function choose(select: HTMLSelectElement, value: string) {
  act(() => {
    select.value = value
    select.dispatchEvent(new Event('change', { bubbles: true }))
  })
}

function issue(root: HTMLElement, type: string, values: Record<string, string>) {
  choose(select(root), type)
  for (const [name, value] of Object.entries(values))
    changeValue(root.querySelector<HTMLInputElement>(`.data-fields input[id$="-${name}"]`)!, value)
  click(getByRole(root, 'button', `Issue ${type}`))
}

describe('WriteSide', () => {
  it('offers each command of the domain with a labelled field per data field', () => {
    const root = show()
    const commands = select(root)
    expect([...commands.options].map((o) => o.value)).toEqual([
      'OpenAccount',
      'Deposit',
      'Withdraw',
    ])
    expect(fieldNames(root)).toEqual(['id', 'owner'])
    choose(commands, 'Deposit')
    expect(fieldNames(root)).toEqual(['id', 'amount'])
    expect(root.querySelector<HTMLInputElement>('.data-fields input[id$="-amount"]')?.type).toBe(
      'number',
    )
    expect(input(root, 'Client').value).toBe('you')
    expect(getByRole(root, 'button', 'Issue Deposit')).toBeTruthy()
    expect(root.textContent).toContain('Takes effect at 0.00 s')
  })

  it('shows what validation refused next to the field, and issues nothing', () => {
    const root = show()
    issue(root, 'Deposit', { id: 'not an id!', amount: '0' })
    const id = root.querySelector<HTMLInputElement>('.data-fields input[id$="-id"]')!
    const amount = root.querySelector<HTMLInputElement>('.data-fields input[id$="-amount"]')!
    for (const [field, message] of [
      [id, 'id may hold only letters, digits and _ . : -'],
      [amount, 'amount must be at least 1'],
    ] as const) {
      expect(field.getAttribute('aria-invalid')).toBe('true')
      const described = field.getAttribute('aria-describedby') ?? ''
      expect(document.getElementById(described)?.textContent).toBe(message)
    }
    expect(document.activeElement).toBe(id)
    expect(getByRole(root, 'status', /Deposit/).textContent).toBe(
      'Deposit was not issued: 2 problems to fix.',
    )
    expect(store.getState().frame?.interventions).toEqual([])
    expect(root.textContent).toContain('Nothing issued by hand yet')
  })

  it('refuses a number box without a number before asking the store', () => {
    const root = show()
    issue(root, 'Withdraw', { id: 'a1', amount: '' })
    const amount = root.querySelector('.data-fields input[id$="-amount"]')!
    expect(amount.getAttribute('aria-invalid')).toBe('true')
    expect(root.textContent).toContain('amount must be a number')
  })

  it('checks the client against the same rules as a shared link', () => {
    const root = show()
    changeValue(input(root, 'Client'), 'a client')
    issue(root, 'OpenAccount', { id: 'a2', owner: 'Bo' })
    expect(input(root, 'Client').getAttribute('aria-invalid')).toBe('true')
    expect(root.textContent).toContain('Client may hold only letters, digits, _ and -')
  })

  it('lists what the write model decided, newest first, and announces it', () => {
    const root = show()
    issue(root, 'OpenAccount', { id: 'a2', owner: 'Bo' })
    expect(getByRole(root, 'status', /OpenAccount/).textContent).toBe(
      'OpenAccount accepted: event #1.',
    )
    issue(root, 'Withdraw', { id: 'a2', amount: '5' })
    expect(getByRole(root, 'status', /Withdraw/).textContent).toBe(
      'Withdraw rejected: insufficient funds.',
    )
    const items = [...root.querySelectorAll('[data-testid="issued-command"]')]
    expect(items.map((i) => i.querySelector('.outcome')?.textContent)).toEqual([
      'rejected: insufficient funds',
      'accepted: event #1',
    ])
    expect(items[1]?.textContent).toContain('OpenAccount by you')
    expect(items[1]?.textContent).toContain('{"id":"a2","owner":"Bo"}')
    const recent = [...root.querySelectorAll('[data-testid="recent-event"]')]
    expect(recent).toHaveLength(1)
    expect(recent[0]?.textContent).toContain('account/a2')
    expect(recent[0]?.textContent).toContain('by hand')
  })

  it('greys a command issued later than the time shown', async () => {
    const root = show()
    // Seeking ahead computes on in ticks: wait until the frame shows the time sought.
    await act(async () => {
      store.getState().seek(1000)
      await until(store, (s) => s.frame?.now === 1000 && s.run.kind === 'open')
    })
    issue(root, 'Deposit', { id: 'a1', amount: '10' })
    expect(root.textContent).toContain('accepted: event #2')
    act(() => store.getState().seek(200))
    const item = root.querySelector('[data-testid="issued-command"]')
    expect(item?.getAttribute('data-outcome')).toBe('later')
    expect(item?.textContent).toContain('later in this run')
    expect(root.textContent).toContain('earlier than what was computed')
  })

  it('says why there is no event store browser for a run in memory, and shows an empty store', () => {
    const root = show()
    expect(root.textContent).toContain('No events yet: issue a command or press Play.')
    expect(root.querySelector('[data-testid="store-browser-off"]')?.textContent).toContain(
      'this run is not saved',
    )
    expect(allByRole(root, 'region').map(accessibleName)).not.toContain('Event store')
  })
})
