/**
 * The dedupe set of the idempotent and order-tolerant handlers. Positions are global and gap-free,
 * so everything up to a watermark is summed up by one number and only the positions that arrived
 * ahead of a gap are kept: the memory follows the reordering window, not the history.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { simulate } from '../index'
import { deliveriesTo, scenario } from '../testing'
import { DedupeWindow } from './dedupe'

/** Adds positions in the order given; returns what `add` said and the size after each. */
function feed(window: DedupeWindow, positions: readonly number[]) {
  return positions.map((p) => ({
    p,
    fresh: window.add(p),
    size: window.size,
    wm: window.watermark,
  }))
}

describe('the dedupe window', () => {
  it('keeps only the positions that arrived ahead of a gap, and folds them in when it fills', () => {
    const w = new DedupeWindow()
    expect(feed(w, [2, 3, 5, 1, 4])).toEqual([
      { p: 2, fresh: true, size: 1, wm: 0 },
      { p: 3, fresh: true, size: 2, wm: 0 },
      { p: 5, fresh: true, size: 3, wm: 0 },
      { p: 1, fresh: true, size: 1, wm: 3 },
      { p: 4, fresh: true, size: 0, wm: 5 },
    ])
  })

  it('says a copy is a duplicate whether its position is below the watermark or above it', () => {
    const w = new DedupeWindow()
    feed(w, [1, 2, 4])
    expect([w.add(1), w.add(2), w.add(4), w.add(3), w.add(3)]).toEqual([
      false,
      false,
      false,
      true,
      false,
    ])
  })

  it('never holds more positions than the reordering window, however long the history', () => {
    // Each position p is handed over at p + jitter with jitter in [0, w): a position can only
    // overtake the w - 1 before it, so at most w - 1 positions wait above the lowest missing one.
    const arrivals = fc.integer({ min: 1, max: 8 }).chain((w) =>
      fc.tuple(
        fc.constant(w),
        fc.array(fc.double({ min: 0, max: w, maxExcluded: true, noNaN: true }), {
          minLength: 1,
          maxLength: 300,
        }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
      ),
    )
    fc.assert(
      fc.property(arrivals, ([w, jitter, duplicateShare]) => {
        const order = jitter
          .map((j, i) => ({ p: i + 1, t: i + 1 + j }))
          .sort((a, b) => a.t - b.t)
          .map((a) => a.p)
        // Duplicates: some positions arrive again at the end, after everything else.
        const again = order.slice(0, Math.floor(order.length * duplicateShare))
        const window = new DedupeWindow()
        const steps = feed(window, [...order, ...again])
        expect(Math.max(...steps.map((s) => s.size))).toBeLessThanOrEqual(w - 1)
        expect(steps.filter((s) => s.fresh)).toHaveLength(order.length)
        expect(window.size).toBe(0)
        expect(window.watermark).toBe(order.length)
      }),
      { numRuns: 200, seed: 7 },
    )
  })

  it('forgets the oldest gap rather than grow past its capacity when an event never comes', () => {
    // Odd positions never arrive: without a bound the set would grow with the history.
    const w = new DedupeWindow(3)
    const steps = feed(w, [2, 4, 6, 8, 10, 12])
    expect(Math.max(...steps.map((s) => s.size))).toBe(3)
    expect(w.peak).toBe(3)
    // Each overflow gives up the lowest gap: 1, then 3, then 5. 8, 10 and 12 are still held.
    expect(steps.at(-1)).toEqual({ p: 12, fresh: true, size: 3, wm: 6 })
    // The price: a forgotten position counts as seen, so a late first copy of it is skipped.
    expect(w.has(1)).toBe(true)
    expect(w.add(5)).toBe(false)
    expect(w.has(7)).toBe(false)
  })

  it('stays as small as the reordering window in a long run of an idempotent projection', () => {
    const latency = 40 // ms: copies sent further apart than this cannot overtake each other
    const result = simulate(
      scenario({
        seed: 3,
        domain: 'bank', // amounts commute: an idempotent handler ends right in any order
        until: 10_000,
        workload: { rate: 200, count: 2000, keys: 20, mix: { Deposit: 1 } },
        projections: [
          {
            id: 'p',
            handler: 'idempotent',
            link: { latency: { dist: 'uniform', min: 0, max: latency }, duplicate: 0.2 },
          },
        ],
      }),
      { trace: true },
    )
    const sent = deliveriesTo(result, 'p').filter((d) => d.kind === 'first')
    // The most events appended within one latency span: a bound on how many can overtake.
    let window = 0
    for (let i = 0, j = 0; i < sent.length; i++) {
      while ((sent[j]?.sentAt ?? Infinity) <= (sent[i]?.sentAt ?? 0) - latency) j++
      window = Math.max(window, i - j + 1)
    }
    const p = result.projections.p
    expect(result.events.length).toBeGreaterThan(1500)
    expect(p?.stats.outOfOrder).toBeGreaterThan(0)
    expect(p?.consistent).toBe(true)
    expect(p?.memory.peakEntries).toBeLessThanOrEqual(window)
    expect(window).toBeLessThan(30)
  })
})
