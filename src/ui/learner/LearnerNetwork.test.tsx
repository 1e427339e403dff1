import { act } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import { outOfOrder } from '../../scenarios'
import type { AppStore } from '../../state/store'
import { profile } from '../../state/test-support'
import { accessibleName, allByRole, getByRole, render, type Rendered } from '../test-support'
import { LearnerNetwork } from './LearnerNetwork'

let view: Rendered | undefined
afterEach(() => view?.unmount())

async function lesson(): Promise<{ store: AppStore; root: HTMLElement }> {
  const store = profile().tab()
  store.getState().loadScenario(outOfOrder)
  await store.getState().startScenario()
  view = render(<LearnerNetwork store={store} />)
  return { store, root: view.container }
}

const click = (el: Element) => act(() => (el as HTMLElement).click())

/** Steps the run until the held message `name` is listed. */
function stepUntil(store: AppStore, root: HTMLElement, name: RegExp): HTMLElement {
  for (let i = 0; i < 20; i++) {
    const found = allByRole(root, 'button').filter((b) => name.test(accessibleName(b)))
    if (found.length === 1) return found[0] as HTMLElement
    act(() => store.getState().stepForward())
  }
  throw new Error(`no button ${String(name)}`)
}

const rowOf = (store: AppStore, projection: string, key: string) =>
  store
    .getState()
    .frame?.projections.find((p) => p.id === projection)
    ?.rows.find((r) => r.key === key)?.local

const arrived = (root: HTMLElement, projection: string) =>
  [...root.querySelectorAll(`[data-testid="arrivals-${projection}"] li`)].map((li) =>
    li.textContent?.replace(/\s+/g, ' '),
  )

describe('LearnerNetwork', () => {
  it('is a toggle that makes the learner the network, with an empty wire to start', async () => {
    const { store, root } = await lesson()
    const toggle = getByRole(root, 'button', 'You are the network')
    expect(toggle.getAttribute('aria-pressed')).toBe('false')
    expect(root.textContent).not.toContain('Nothing on the wire')
    click(toggle)
    expect(toggle.getAttribute('aria-pressed')).toBe('true')
    expect(store.getState().frame?.holding).toBe(true)
    expect(root.textContent).toContain('Nothing on the wire: issue a command or press Play/Step')
    click(toggle)
    expect(toggle.getAttribute('aria-pressed')).toBe('false')
  })

  it('lists the held messages, and delivering e2 before e1 leaves the naive row wrong', async () => {
    const { store, root } = await lesson()
    click(getByRole(root, 'button', 'You are the network'))
    stepUntil(store, root, /^Deliver message \d+ \(#2 NameChanged to naive\)$/)
    const table = getByRole(root, 'table', /messages? waiting for you/)
    expect(table.querySelector('thead')?.textContent).toBe('IdToEvent(s)Sent at waiting')
    expect(getByRole(root, 'button', 'Deliver message 1 (#1 NameChanged to naive)')).toBeTruthy()

    for (const projection of ['naive', 'ordered'])
      for (const position of [2, 1])
        click(
          getByRole(
            root,
            'button',
            new RegExp(`^Deliver message \\d+ \\(#${position} NameChanged to ${projection}\\)$`),
          ),
        )
    expect(arrived(root, 'naive')).toEqual(['#2 NameChanged applied', '#1 NameChanged applied'])
    expect(arrived(root, 'ordered')).toEqual(['#2 NameChanged buffered', '#1 NameChanged applied'])
    expect(rowOf(store, 'naive', 'user/u1')).toEqual({ name: 'Anna' })
    expect(rowOf(store, 'ordered', 'user/u1')).toEqual({ name: 'Annie' })
    expect(getByRole(root, 'status', /^Delivered message \d+\.$/)).toBeTruthy()
  })

  it('duplicates a message (it stays listed) and drops one (it goes)', async () => {
    const { store, root } = await lesson()
    click(getByRole(root, 'button', 'You are the network'))
    const duplicate = stepUntil(store, root, /^Duplicate message \d+ \(#1 NameChanged to naive\)$/)
    click(duplicate)
    expect(arrived(root, 'naive')).toEqual(['#1 NameChanged applied'])
    expect(getByRole(root, 'status', /still waiting/)).toBeTruthy()
    const deliver = getByRole(root, 'button', /^Deliver message \d+ \(#1 NameChanged to naive\)$/)
    click(deliver)
    expect(arrived(root, 'naive')).toEqual(['#1 NameChanged applied', '#1 NameChanged applied'])
    expect(store.getState().frame?.projections[0]?.duplicates).toBe(1)

    click(getByRole(root, 'button', /^Drop message \d+ \(#1 NameChanged to idempotent\)$/))
    const names = allByRole(root, 'button').map(accessibleName)
    expect(names.some((n) => /#1 NameChanged to idempotent/.test(n))).toBe(false)
    expect(store.getState().frame?.projections[1]?.dropped).toBe(1)
  })

  it('keeps every control a native button reachable by keyboard, and the list scrollable', async () => {
    const { store, root } = await lesson()
    click(getByRole(root, 'button', 'You are the network'))
    stepUntil(store, root, /^Deliver message 1 /)
    for (const button of allByRole(root, 'button')) {
      expect(button.tagName).toBe('BUTTON')
      expect(button.getAttribute('tabindex')).toBeNull()
    }
    const region = getByRole(root, 'region', 'Messages waiting for you')
    expect(region.tabIndex).toBe(0)
  })
})
