import { describe, expect, it } from 'vitest'
import { outOfOrder } from '../scenarios'
import { profile } from './test-support'

async function lesson() {
  const store = profile().tab()
  store.getState().loadScenario(outOfOrder)
  await store.getState().startScenario()
  return store
}

describe('the frame of a learner who holds the network', () => {
  it('lists the held messages with their events, when they were sent and how long they waited', async () => {
    const store = await lesson()
    expect(store.getState().frame).toMatchObject({ holding: false, held: [], heldMore: 0 })
    expect(store.getState().act({ type: 'hold', on: true })).toEqual({
      ok: true,
      outcome: { kind: 'applied' },
    })
    store.getState().stepForward()
    store.getState().stepForward()
    const frame = store.getState().frame
    expect(frame?.holding).toBe(true)
    expect(frame?.held[0]).toEqual({
      id: 1,
      projection: 'naive',
      kind: 'push',
      copy: 'first',
      purpose: null,
      events: [{ position: 1, type: 'NameChanged' }],
      sentAt: 0,
      age: frame?.now,
    })
    expect(frame?.held.map((m) => m.events[0]?.position)).toEqual([1, 1, 1, 1, 2, 2, 2, 2])
    expect(frame?.arrivals.map((a) => [a.projection, a.copies])).toEqual([
      ['naive', []],
      ['idempotent', []],
      ['ordered', []],
      ['order-tolerant', []],
    ])
  })

  it('records what arrived, in the order the learner delivered it', async () => {
    const store = await lesson()
    store.getState().act({ type: 'hold', on: true })
    store.getState().stepForward()
    store.getState().stepForward()
    store.getState().act({ type: 'deliver', message: 5 })
    store.getState().act({ type: 'deliver', message: 1 })
    const naive = store.getState().frame?.arrivals[0]
    expect(naive?.copies.map((c) => [c.position, c.type, c.outcome])).toEqual([
      [2, 'NameChanged', 'applied'],
      [1, 'NameChanged', 'applied'],
    ])
    expect(store.getState().frame?.held.map((m) => m.id)).toEqual([2, 3, 4, 6, 7, 8])
  })

  it('refuses a message id that is not a whole non-negative number, and says why', async () => {
    const store = await lesson()
    expect(store.getState().act({ type: 'deliver', message: -1 })).toEqual({
      ok: false,
      problems: [{ path: 'message', message: 'must not be negative' }],
    })
    expect(store.getState().act({ type: 'drop', message: 7 })).toEqual({
      ok: true,
      outcome: { kind: 'no-op', reason: 'there is no message 7' },
    })
  })
})
