/**
 * Moving back and forth in time must be invisible: wherever a Timeline is seeked to, the
 * simulation is in exactly the state a fresh run stopped there would be in.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildResult, Simulation, Timeline, type Scenario } from '../index'
import { scenario } from '../testing'

/**
 * Loss, duplicates, reordering, both kinds of delivery and guarantee, both kinds of fault, and
 * reads. The partition that never heals makes the run end at the bound, not when quiet.
 */
function busy(seed: number): Scenario {
  return scenario({
    seed,
    domain: 'bank',
    until: 3000,
    settle: 5000,
    workload: { rate: 40, count: 100, keys: 4, mix: { Deposit: 3, Withdraw: 2 } },
    projections: [
      {
        id: 'push',
        delivery: { mode: 'push', guarantee: 'at-least-once', ackTimeout: 120 },
        link: {
          latency: { dist: 'exponential', mean: 30 },
          loss: 0.15,
          duplicate: 0.1,
          reorder: { p: 0.1, extra: { dist: 'uniform', min: 0, max: 100 } },
        },
      },
      {
        id: 'pull',
        delivery: { mode: 'pull', interval: 150, batch: 5 },
        link: { latency: { dist: 'uniform', min: 5, max: 40 }, loss: 0.1, duplicate: 0.1 },
      },
      {
        // Buffers early copies and fetches gaps, so its pipeline counts move back and forth too.
        id: 'ordered',
        handler: 'ordered',
        gapTimeout: 100,
        delivery: { mode: 'push', guarantee: 'at-least-once', ackTimeout: 120 },
        link: {
          latency: { dist: 'exponential', mean: 30 },
          loss: 0.15,
          reorder: { p: 0.2, extra: { dist: 'uniform', min: 0, max: 150 } },
        },
      },
      {
        id: 'once',
        delivery: { mode: 'push', guarantee: 'at-most-once' },
        link: { latency: { dist: 'exponential', mean: 30 }, loss: 0.3 },
      },
    ],
    faults: [
      { type: 'partition', projection: 'push', from: 800, to: 1400 },
      { type: 'crash', projection: 'pull', at: 1800, restartAt: 2200 },
      { type: 'partition', projection: 'once', from: 2500 },
    ],
    reads: [
      { at: 500, projection: 'push', key: 'a1' },
      { at: 1000, projection: 'pull', key: 'a2' },
      { at: 2000, projection: 'push', key: 'a3' },
    ],
  })
}

/** Everything observable about a simulation, as text, so that equality is byte equality. */
const observe = (sim: Simulation) => JSON.stringify(buildResult(sim, { trace: true }))

function freshAt(s: Scenario, time: number): string {
  const sim = new Simulation(s)
  sim.runUntil({ time })
  return observe(sim)
}

function freshAfterSteps(s: Scenario, steps: number): string {
  const sim = new Simulation(s)
  for (let i = 0; i < steps && sim.step(); i++);
  return observe(sim)
}

function timeline(s: Scenario, every = 23): Timeline {
  return new Timeline(new Simulation(s, { timeTravel: true }), { every })
}

// Generous: each property runs many whole simulations, and a busy machine runs them slowly.
describe('Timeline', { timeout: 60_000 }, () => {
  it('needs a simulation made for time travel', () => {
    expect(() => new Timeline(new Simulation(busy(1)))).toThrow(/timeTravel/)
  })

  it('seeks to any time, forward or back, as if a fresh run had stopped there', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.array(fc.integer({ min: 0, max: 9000 }), { minLength: 1, maxLength: 6 }),
        (seed, times) => {
          const s = busy(seed)
          const t = timeline(s)
          for (const time of times) {
            t.seek(time)
            expect(observe(t.sim)).toBe(freshAt(s, time))
          }
        },
      ),
      { numRuns: 15 },
    )
  })

  it('seeks forward again after seeking back to before a later snapshot', () => {
    // The snapshot at step 23 is later than the state after seeking back to 0; restoring it
    // would need the events, deliveries and reads that seeking back had already discarded.
    const s = busy(0)
    const t = timeline(s)
    for (const time of [161, 0, 161]) {
      t.seek(time)
      expect(observe(t.sim)).toBe(freshAt(s, time))
    }
  })

  it('seeks to any step, forward or back, as if a fresh run had taken that many steps', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.array(fc.integer({ min: 0, max: 1500 }), { minLength: 1, maxLength: 6 }),
        (seed, steps) => {
          const s = busy(seed)
          const t = timeline(s)
          for (const n of steps) {
            t.seekStep(n)
            expect(observe(t.sim)).toBe(freshAfterSteps(s, n))
          }
        },
      ),
      { numRuns: 15 },
    )
  })

  it('mixes seeks by time, by step and by steps from here freely', () => {
    // A step back or forward from where the Timeline stands is how the UI steps; 0 re-asks for here.
    const move = fc.oneof(
      fc.record({ time: fc.integer({ min: 0, max: 18000 }).map((x) => x / 2) }),
      fc.record({ step: fc.integer({ min: 0, max: 1500 }) }),
      fc.record({ by: fc.integer({ min: -5, max: 5 }) }),
    )
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.array(move, { minLength: 1, maxLength: 8 }),
        (seed, moves) => {
          const s = busy(seed)
          const t = timeline(s)
          for (const m of moves) {
            if ('time' in m) {
              t.seek(m.time)
              expect(observe(t.sim)).toBe(freshAt(s, m.time))
            } else {
              const target = Math.max(0, 'step' in m ? m.step : t.sim.steps + m.by)
              t.seekStep(target)
              expect(observe(t.sim)).toBe(freshAfterSteps(s, target))
            }
          }
        },
      ),
      { numRuns: 20 },
    )
  })

  it('stays at a step when asked for the step it is at, after a seek by time', () => {
    // seek(1234.5) leaves the clock at 1234.5, after the last item before it; a fresh run stepped
    // as many times stands at that item's time.
    const s = busy(0)
    const t = timeline(s)
    t.seek(1234.5)
    t.seekStep(t.sim.steps)
    expect(observe(t.sim)).toBe(freshAfterSteps(s, t.sim.steps))
  })

  it('ends where an uninterrupted run ends after seeking back and running on', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 3000 }),
        (seed, back) => {
          const s = busy(seed)
          const t = timeline(s)
          t.advance()
          const end = observe(t.sim)
          t.seek(back)
          t.advance()
          expect(observe(t.sim)).toBe(end)
          expect(end).toBe(observe(new Simulation(s).run()))
        },
      ),
      { numRuns: 15 },
    )
  })

  it('keeps a snapshot every `every` steps on the way forward', () => {
    const t = timeline(busy(1), 100)
    const progress = t.advance()
    expect(progress.done).toBe(true)
    expect(t.snapshotCount).toBe(1 + Math.floor(t.sim.steps / 100))
  })
})
