/**
 * Rebuilding a read model from the store: deliveries stop, the rows start over, every stored event
 * is folded in order with the (maybe new) handler, and live delivery resumes.
 */
import { describe, expect, it } from 'vitest'
import { buildResult, Simulation, Timeline, type Scenario } from '../index'
import { scenario } from '../testing'
import { REBUILD_BASE_MS, REBUILD_MS_PER_EVENT } from './rebuild'

/** Deposits over a link that duplicates a lot: a naive handler counts some of them twice. */
function doubling(seed = 1): Scenario {
  return scenario({
    seed,
    domain: 'bank',
    until: 2000,
    settle: 5000,
    commands: [{ at: 0, type: 'OpenAccount', data: { id: 'a', owner: 'Ada' } }],
    workload: { rate: 20, count: 30, keys: 1, mix: { Deposit: 1 }, start: 10 },
    projections: [
      {
        id: 'ledger',
        delivery: { mode: 'push', guarantee: 'at-least-once', ackTimeout: 100 },
        link: { latency: { dist: 'exponential', mean: 20 }, duplicate: 0.5 },
      },
    ],
  })
}

describe('a rebuild', () => {
  it('starts over from the store with the new handler and ends equal to the truth', () => {
    const s = doubling()
    const sim = new Simulation(s)
    sim.runUntil({ time: 1200 })
    const p = sim.projections[0]
    expect(p?.rows.some((row, id) => row !== sim.truthRows[id])).toBe(true)
    const head = sim.head()
    expect(sim.intervene({ type: 'rebuild', projection: 'ledger', handler: 'idempotent' })).toEqual(
      {
        kind: 'applied',
      },
    )
    expect(p?.spec.handler).toBe('idempotent')
    expect(p?.checkpoint).toBe(0)
    expect(p?.rows.filter(Boolean)).toEqual([])
    const end = 1200 + REBUILD_BASE_MS + REBUILD_MS_PER_EVENT * head
    expect(p?.rebuilding).toEqual({ from: 1200, to: end })
    expect(sim.intervene({ type: 'rebuild', projection: 'ledger' })).toMatchObject({
      kind: 'no-op',
    })
    sim.runUntil({ time: end })
    expect(p?.rebuilding).toBeNull()
    expect(p?.checkpoint).toBe(sim.head())
    sim.run()
    const result = buildResult(sim, { trace: true })
    expect(result.projections.ledger?.consistent).toBe(true)
    const during = result.deliveries?.filter(
      (d) => d.arrivedAt !== null && d.arrivedAt >= 1200 && d.arrivedAt < end,
    )
    for (const d of during ?? []) expect(d).toMatchObject({ outcome: 'dropped', reason: 'rebuild' })
  })

  it('with the same naive handler is right at its end, and wrong again after new duplicates', () => {
    const sim = new Simulation(doubling(3))
    sim.runUntil({ time: 800 })
    sim.intervene({ type: 'rebuild', projection: 'ledger' })
    const p = sim.projections[0]
    const end = p?.rebuilding?.to ?? 0
    sim.runUntil({ time: end })
    expect(p?.rows[0]).toEqual(sim.truthRows[0])
    sim.run()
    expect(buildResult(sim).projections.ledger?.consistent).toBe(false)
  })

  it('waits for a crashed projection to restart', () => {
    const sim = new Simulation(doubling())
    sim.runUntil({ time: 500 })
    sim.intervene({ type: 'crash', projection: 'ledger' })
    expect(sim.intervene({ type: 'rebuild', projection: 'ledger' })).toEqual({
      kind: 'no-op',
      reason: 'ledger is down: restart it first',
    })
  })

  it('is undone exactly by going back in time, old handler included', () => {
    const s = doubling(5)
    const t = new Timeline(new Simulation(s, { timeTravel: true }), { every: 10 })
    t.seek(900)
    t.act({ type: 'rebuild', projection: 'ledger', handler: 'ordered' })
    t.advance()
    const after = JSON.stringify(buildResult(t.sim, { trace: true }))
    t.seek(400)
    expect(t.sim.projections[0]?.handler.name).toBe('naive')
    const fresh = new Simulation(s, { interventions: t.sim.interventions })
    fresh.runUntil({ time: 400 })
    expect(JSON.stringify(buildResult(t.sim, { trace: true }))).toBe(
      JSON.stringify(buildResult(fresh, { trace: true })),
    )
    t.advance()
    expect(JSON.stringify(buildResult(t.sim, { trace: true }))).toBe(after)
  })
})
