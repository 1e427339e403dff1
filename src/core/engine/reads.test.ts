/**
 * An eventual read answers from the projection's local copy as it is at that instant, and is
 * fresh when that copy equals the truth: the fold of every event appended so far.
 */
import { describe, expect, it } from 'vitest'
import { domains, simulate, Simulation, type Row, type Scenario } from '../index'
import { scenario } from '../testing'

const keys = ['u1', 'u2', 'u3']
// Read times off the command grid (commands land on whole microseconds), so no tie decides.
const times = Array.from({ length: 40 }, (_, i) => 37.5 + i * 73.25)

const busy: Scenario = scenario({
  seed: 51,
  domain: 'users',
  until: 3000,
  workload: { rate: 30, count: 80, keys: 3, mix: { RenameUser: 1, ChangeEmail: 1 } },
  projections: [
    {
      id: 'p',
      link: { latency: { dist: 'exponential', mean: 60 }, loss: 0.2, duplicate: 0.2 },
    },
  ],
  reads: times.map((at, i) => ({ at, projection: 'p', key: keys[i % keys.length] as string })),
})

describe('eventual reads', () => {
  const result = simulate(busy)

  /** The truth of a key at a time, folded from the events the run appended. */
  function truthAt(key: string, at: number): Row | undefined {
    const domain = domains.users
    let row: Row | undefined
    for (const e of result.events)
      if (e.at <= at && domain.keyOf(e) === key) row = domain.evolve(row, e)
    return row
  }

  it('answers with the local copy as it was at the read', () => {
    // Reads are in time order: one simulation stopped at each read in turn.
    const sim = new Simulation(busy)
    for (const read of result.reads) {
      sim.runUntil({ time: read.at })
      expect(read.value).toEqual(sim.projections[0]?.rowOf(read.key) ?? null)
    }
  })

  it('is fresh exactly when the answer equals the truth at that instant', () => {
    for (const read of result.reads) {
      const truth = truthAt(read.key, read.at) ?? null
      expect(read.fresh).toBe(JSON.stringify(read.value) === JSON.stringify(truth))
    }
    // Premise: the run has both kinds of read.
    expect(result.reads.some((r) => r.fresh)).toBe(true)
    expect(result.reads.some((r) => !r.fresh)).toBe(true)
  })

  it('records who read what, how and when', () => {
    expect(result.reads.map((r) => [r.at, r.projection, r.key, r.mode, r.client])).toEqual(
      times.map((at, i) => [at, 'p', keys[i % keys.length], 'eventual', null]),
    )
  })
})
