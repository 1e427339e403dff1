/**
 * The measures of a comparison are the engine's own numbers: each is checked against what
 * `simulate` reports for the same scenario, never against a number written here.
 */
import { describe, expect, it } from 'vitest'
import { ANOMALY_TYPES, simulate, type Result } from '../core'
import { comparisons, load } from '../scenarios'
import { comparisonMeasures, measureComparison } from './compare'

const count = (r: Result, type: string) => r.anomalies.filter((a) => a.type === type).length

describe.each(comparisons.map((c) => [c.id, c] as const))('measuring %s', (_, c) => {
  const measured = measureComparison(c)

  it.each(c.variants.map((v, i) => [v.label, i] as const))(
    'reports for %s what simulate reports',
    (_, i) => {
      const v = measured.variants[i]
      const input = c.variants[i]
      if (!v || !input) throw new Error('a variant went missing')
      const r = simulate(load(input.scenario), { trace: true })
      expect(v.label).toBe(input.label)
      expect(v.events).toBe(r.events.length)
      expect(v.anomalyCount).toBe(r.anomalies.length)
      for (const type of ANOMALY_TYPES) expect(v.anomalies[type] ?? 0).toBe(count(r, type))
      expect(v.reads).toBe(r.reads.length)
      expect(v.staleReads).toBe(r.reads.filter((x) => !x.fresh).length)
      const waits = r.reads.map((x) => x.latency)
      expect(v.readLatency).toEqual(
        waits.length === 0
          ? null
          : {
              mean: expect.closeTo(waits.reduce((a, b) => a + b, 0) / waits.length, 6) as number,
              max: Math.max(...waits),
            },
      )
      expect(v.readCost).toBe(r.reads.reduce((sum, x) => sum + x.cost, 0))
      expect(v.copies).toBe(r.deliveries?.length)
      expect(v.projections.map((p) => p.id)).toEqual(Object.keys(r.projections))
      for (const p of v.projections) {
        const want = r.projections[p.id]
        expect(p.convergedAt).toBe(want?.convergedAt)
        expect(p.visibility).toEqual(
          want?.visibility ? { mean: want.visibility.mean, max: want.visibility.max } : null,
        )
        const local = Object.fromEntries(
          p.rows.flatMap((row) => (row.local ? [[row.key, row.local]] : [])),
        )
        const truth = Object.fromEntries(
          p.rows.flatMap((row) => (row.truth ? [[row.key, row.truth]] : [])),
        )
        expect(local).toEqual(want?.state)
        expect(truth).toEqual(r.truth)
        expect(p.rows.some((row) => row.differs)).toBe(!want?.consistent)
      }
    },
  )

  it('draws every variant up to its end, on one time axis that holds them all', () => {
    for (const v of measured.variants) expect(v.view.now).toBeLessThanOrEqual(measured.end)
    expect(measured.variants.some((v) => v.view.now === measured.end)).toBe(true)
  })
})

describe('what the comparisons show', () => {
  const byLabel = (id: string) =>
    new Map(comparisonMeasures(id)?.variants.map((v) => [v.label, v]) ?? [])

  it('push: fewer stale reads and earlier convergence than pull, for no polls', () => {
    const v = byLabel('push-pull')
    const push = v.get('push')
    const pull = v.get('pull every 500 ms')
    expect(push?.staleReads).toBeLessThan(pull?.staleReads ?? 0)
    expect(push?.projections[0]?.convergedAt).toBeLessThan(pull?.projections[0]?.convergedAt ?? 0)
    expect(push?.polls).toBe(0)
    expect(pull?.polls).toBeGreaterThan(0)
  })

  it('handlers: only the naive one ends wrong; the ordered one sees events later', () => {
    const v = byLabel('handlers')
    expect(v.get('naive')?.projections[0]?.convergedAt).toBeNull()
    for (const label of ['order-tolerant', 'ordered']) {
      expect(v.get(label)?.anomalyCount).toBe(0)
      expect(v.get(label)?.projections[0]?.convergedAt).not.toBeNull()
    }
    expect(v.get('ordered')?.projections[0]?.visibility?.mean).toBeGreaterThan(
      v.get('order-tolerant')?.projections[0]?.visibility?.mean ?? Infinity,
    )
  })

  it('read modes: strong reads are never stale but cost messages; read-your-writes waits', () => {
    const v = byLabel('read-modes')
    expect(v.get('eventual')?.staleReads).toBe(v.get('eventual')?.reads)
    expect(v.get('strong')?.staleReads).toBe(0)
    expect(v.get('strong')?.readCost).toBeGreaterThan(0)
    expect(v.get('read-your-writes')?.readCost).toBe(0)
    expect(v.get('read-your-writes')?.readLatency?.max).toBeGreaterThan(
      v.get('strong')?.readLatency?.max ?? Infinity,
    )
  })

  it('measures a comparison once per page, and nothing for an unknown id', () => {
    expect(comparisonMeasures('handlers')).toBe(comparisonMeasures('handlers'))
    expect(comparisonMeasures('no-such-comparison')).toBeUndefined()
  })
})
