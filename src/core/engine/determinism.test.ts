/**
 * Same scenario + same seed = the same trace, byte for byte; and every random choice comes from a
 * stream named after its link and purpose, so unrelated changes do not shift it.
 */
import { describe, expect, it } from 'vitest'
import { simulate, type Result, type ScenarioInput } from '../index'
import { deliveriesTo, scenario } from '../testing'

type ProjectionInput = ScenarioInput['projections'][number]

const lossy: ProjectionInput = {
  id: 'lossy',
  delivery: { mode: 'push', guarantee: 'at-least-once', ackTimeout: 150 },
  link: {
    latency: { dist: 'lognormal', median: 20, sigma: 0.8 },
    loss: 0.1,
    duplicate: 0.05,
    reorder: { p: 0.1, extra: { dist: 'uniform', min: 0, max: 200 } },
  },
}
const poller: ProjectionInput = {
  id: 'poller',
  delivery: { mode: 'pull', interval: 200, batch: 10 },
  link: { latency: { dist: 'exponential', mean: 15 }, loss: 0.1, duplicate: 0.05 },
}

/** Everything at once: a workload, two kinds of delivery, faults on both, reads. */
function busy(overrides: Partial<ScenarioInput> = {}): ScenarioInput {
  return {
    format: 'eventually.scenario/v1',
    seed: 3,
    domain: 'users',
    until: 4000,
    workload: {
      rate: 100,
      count: 300,
      keys: 8,
      mix: { RenameUser: 1, ChangeEmail: 1, ChangeAvatar: 1 },
    },
    projections: [lossy, poller],
    faults: [
      { type: 'partition', projection: 'lossy', from: 1000, to: 1500 },
      { type: 'crash', projection: 'poller', at: 2000, restartAt: 2600 },
    ],
    reads: [
      { at: 500, projection: 'lossy', key: 'u1' },
      { at: 2500, projection: 'poller', key: 'u2' },
    ],
    ...overrides,
  }
}

const run = (input: ScenarioInput): Result => simulate(scenario(input), { trace: true })

describe('determinism', () => {
  it('gives byte-identical results for the same scenario and seed', () => {
    const a = run(busy())
    const b = run(busy())
    expect(JSON.stringify(a)).toBe(JSON.stringify(b))
    expect(a.traceHash).toBe(b.traceHash)
  })

  it('gives a different trace for a different seed', () => {
    expect(run(busy({ seed: 4 })).traceHash).not.toBe(run(busy()).traceHash)
  })

  it('keeps the deliveries of a projection when another projection is added', () => {
    const before = run(busy())
    const extra: ProjectionInput = { ...lossy, id: 'extra' }
    const after = run(busy({ projections: [extra, lossy, poller] }))
    for (const id of ['lossy', 'poller']) {
      expect(deliveriesTo(after, id)).toEqual(deliveriesTo(before, id))
      expect(after.projections[id]).toEqual(before.projections[id])
    }
  })

  it('keeps every delivery when a read is added', () => {
    const before = run(busy())
    const reads = [...(busy().reads ?? []), { at: 3000, projection: 'lossy', key: 'u3' }]
    const after = run(busy({ reads }))
    expect(after.deliveries).toEqual(before.deliveries)
    expect(after.reads).toHaveLength(before.reads.length + 1)
  })
})

describe('independent streams per link and purpose', () => {
  it('keeps every poll of a pull projection when a read sends requests over the same link', () => {
    const before = run(busy())
    // Read repair always asks the store; for a key nobody wrote, the answer changes no row.
    const repair = { at: 700, projection: 'poller', key: 'nobody', mode: 'read-repair' as const }
    const [first, second] = busy().reads ?? []
    const after = run(busy({ reads: [first!, repair, second!] }))
    expect(deliveriesTo(after, 'poller')).toEqual(deliveriesTo(before, 'poller'))
    expect(after.reads.find((r) => r.key === 'nobody')).toMatchObject({
      mode: 'read-repair',
      cost: 2,
    })
  })

  it('gives each read its own draws, so adding one leaves the others as they were', () => {
    const strong = (at: number) => ({
      at,
      projection: 'poller',
      key: 'u3',
      mode: 'strong' as const,
    })
    const one = run(busy({ reads: [strong(2900)] }))
    const two = run(busy({ reads: [strong(900), strong(2900)] }))
    expect(two.reads[1]?.latency).toBe(one.reads[0]?.latency)
  })

  /** Time on the wire of each first copy that arrived (applied or skipped, not dropped). */
  function firstTrip(result: Result, id: string): Map<number, number> {
    const trips = new Map<number, number>()
    for (const d of deliveriesTo(result, id))
      if (d.kind === 'first' && d.arrivedAt !== null && d.outcome !== 'dropped')
        trips.set(d.position, d.arrivedAt - d.sentAt)
    return trips
  }

  it.each(['at-least-once', 'at-most-once'] as const)(
    'keeps the latency of first copies when the loss of their link changes (%s)',
    (guarantee) => {
      const spec = (loss: number): ProjectionInput => ({
        id: 'p',
        delivery: { mode: 'push', guarantee, ackTimeout: 100 },
        link: {
          latency: { dist: 'exponential', mean: 30 },
          loss,
          duplicate: 0.1,
          reorder: { p: 0.2, extra: { dist: 'uniform', min: 0, max: 100 } },
        },
      })
      const input = (loss: number) =>
        busy({
          projections: [spec(loss)],
          faults: [],
          reads: [],
          domain: 'todo',
          workload: { rate: 100, count: 300, keys: 5, mix: { RenameTodo: 1 } },
        })
      const clear = firstTrip(run(input(0)), 'p')
      const withLoss = firstTrip(run(input(0.3)), 'p')
      // Premise: both runs have many first copies in common, and the lossy run lost some.
      expect(withLoss.size).toBeGreaterThan(100)
      expect(withLoss.size).toBeLessThan(clear.size)
      for (const [position, trip] of withLoss) expect(trip).toBe(clear.get(position))
    },
  )

  it('keeps the other links untouched when one link changes', () => {
    const before = run(busy())
    const changed: ProjectionInput = { ...poller, link: { ...poller.link, loss: 0.5 } }
    const after = run(busy({ projections: [lossy, changed] }))
    expect(after.traceHash).not.toBe(before.traceHash)
    expect(deliveriesTo(after, 'lossy')).toEqual(deliveriesTo(before, 'lossy'))
  })
})
