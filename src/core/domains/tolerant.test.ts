/**
 * The order-tolerant patterns field by field: two events e1 and e2 of one stream, delivered in
 * order (`e1 e2`) or reversed (`e2 e1`), and the row each order leaves. A pattern is right when
 * both orders leave the row the in-order logic gives.
 */
import { describe, expect, it } from 'vitest'
import type { Scalar } from '../events'
import { create, max, min, newest, once, type Effect } from './effects'
import { applyEffects, emptyTolerantRow, visibleRow, type NewestBy, type Stamp } from './tolerant'

/** Applies each event's effects in the order delivered and returns what a query sees. */
function deliver(
  events: readonly { readonly stamp: Stamp; readonly effects: readonly Effect[] }[],
  order: string,
  newestBy: NewestBy = 'version',
) {
  let row = emptyTolerantRow
  for (const e of order.split(' ')) {
    const event = events[Number(e.slice(1)) - 1]
    if (event) row = applyEffects(row, [create, ...event.effects], event.stamp, newestBy)
  }
  return visibleRow(row, {})
}

const at = (version: number, time: number): Stamp => ({ version, at: time })
const pair = (
  op: (field: string, value: Scalar) => Effect,
  first: Scalar,
  second: Scalar,
  times: readonly [number, number] = [0, 10],
) => [
  { stamp: at(1, times[0]), effects: [op('f', first)] },
  { stamp: at(2, times[1]), effects: [op('f', second)] },
]

describe('a field kept by its pattern ends the same whichever event arrives first', () => {
  it.each([
    [
      'newest by version keeps the second value',
      pair(newest, 'John Doe', 'John S. Doe'),
      'John S. Doe',
    ],
    ['set once keeps the first value', pair(once, 'Wrocław', 'Kraków'), 'Wrocław'],
    ['set once skips an empty first value for the real one', pair(once, '', 'Wrocław'), 'Wrocław'],
    ['set once treats null as empty too', pair(once, null, 'Wrocław'), 'Wrocław'],
    ['set once keeps an empty value while no real one has come', pair(once, '', ''), ''],
    ['minimum keeps the smaller value', pair(min, 20190205, 20190201), 20190201],
    ['maximum keeps the larger value', pair(max, 20190201, 20190205), 20190205],
    ['maximum ignores a value that is not a number', pair(max, 7, null), 7],
  ] as const)('%s', (_, events, value) => {
    for (const order of ['e1 e2', 'e2 e1']) expect(deliver(events, order)).toEqual({ f: value })
  })
})

describe('newest by timestamp', () => {
  it.each([
    ['e1 e2', 'version', 'John S. Doe'],
    ['e2 e1', 'version', 'John S. Doe'],
    ['e1 e2', 'timestamp', 'John S. Doe'],
    ['e2 e1', 'timestamp', 'John S. Doe'],
  ] as const)('keeps the later change delivered %s when newer means by %s', (order, by, name) => {
    expect(deliver(pair(newest, 'John Doe', 'John S. Doe'), order, by)).toEqual({ f: name })
  })

  it('lets the later timestamp win over the higher version when the two disagree', () => {
    // Timestamps set by different clocks can disagree with the stream's order; by timestamp,
    // the event stamped later wins whatever its version.
    const events = pair(newest, 'stamped later', 'stamped earlier', [50, 10])
    for (const order of ['e1 e2', 'e2 e1']) {
      expect(deliver(events, order, 'timestamp')).toEqual({ f: 'stamped later' })
      expect(deliver(events, order, 'version')).toEqual({ f: 'stamped earlier' })
    }
  })

  it('breaks a tie of timestamps by version, so arrival order cannot decide it', () => {
    const events = pair(newest, 'John Doe', 'John S. Doe', [10, 10])
    for (const order of ['e1 e2', 'e2 e1'])
      expect(deliver(events, order, 'timestamp')).toEqual({ f: 'John S. Doe' })
  })
})
