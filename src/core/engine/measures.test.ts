/**
 * The numbers a run reports (counts, lag, visibility, convergence), checked against hand
 * computations on scripted runs and against the trace they summarise on random ones.
 */
import { describe, expect, it } from 'vitest'
import { buildResult, Simulation, simulate, type Result, type Scenario } from '../index'
import { deliveriesTo, scenario, threeTodosScripted } from '../testing'

const add = (at: number, id: string) => ({ at, type: 'AddTodo', data: { id, title: id } })

describe('measures of a scripted run', () => {
  // e1, e2, e3 appended at 0, 10, 20 and first applied at 100, 50, 200.
  const result = simulate(
    threeTodosScripted([
      { position: 1, at: 100 },
      { position: 2, at: 50 },
      { position: 3, at: 200 },
    ]),
    { trace: true },
  )
  const p = result.projections.p

  it('summarises visibility times with the mean and nearest-rank percentiles', () => {
    // Visibility times 100, 40, 180; sorted 40, 100, 180. Nearest rank of q is ceil(q n).
    expect(p?.visibility).toEqual({ mean: 106.667, p50: 100, p90: 180, p99: 180, max: 180 })
  })

  it('records how far behind the projection is, in events and in time', () => {
    expect(p?.series).toEqual({
      t: [0, 10, 20, 50, 100, 200],
      behind: [1, 2, 3, 2, 1, 0],
      oldestAt: [0, 0, 0, 0, 20, null],
      divergent: [1, 2, 3, 2, 1, 0],
      // A naive handler never buffers or fetches a gap.
      buffered: [0, 0, 0, 0, 0, 0],
      fetching: [0, 0, 0, 0, 0, 0],
    })
    // Three events are out at 20. e1 is the oldest missing until 100 (lag 100), then e3 until
    // 200 (lag 180).
    expect(p?.lag).toEqual({ maxEvents: 3, maxMs: 180 })
  })

  it('converges when the last missing row arrives', () => {
    expect(p?.consistent).toBe(true)
    expect(p?.convergedAt).toBe(200)
  })
})

describe('convergence time', () => {
  it('is the last time divergence went to zero, not the first', () => {
    const result = simulate(
      scenario({
        commands: [add(0, 't1'), { at: 100, type: 'RenameTodo', data: { id: 't1', title: 'b' } }],
        projections: [
          {
            id: 'p',
            link: {
              script: [
                { position: 1, at: 10 },
                { position: 2, at: 150 },
              ],
            },
          },
        ],
      }),
      { trace: true },
    )
    expect(result.projections.p?.series?.divergent).toEqual([1, 0, 1, 0])
    expect(result.projections.p?.convergedAt).toBe(150)
  })

  it('is zero for a projection that never differed from the truth', () => {
    const result = simulate(scenario({ commands: [] }))
    expect(result.projections.p?.convergedAt).toBe(0)
    expect(result.projections.p?.visibility).toBeNull()
  })
})

/** A run with every kind of copy: lost, duplicated, redelivered, reordered, cut off. */
function noisy(mode: 'push' | 'pull'): Scenario {
  return scenario({
    seed: 41,
    until: 3000,
    workload: { rate: 50, count: 120, keys: 6, mix: { RenameTodo: 3, CompleteTodo: 1 } },
    projections: [
      {
        id: 'p',
        delivery:
          mode === 'push'
            ? { mode, guarantee: 'at-least-once', ackTimeout: 150 }
            : { mode, interval: 100, batch: 4 },
        link: {
          latency: { dist: 'exponential', mean: 40 },
          loss: 0.2,
          duplicate: 0.2,
          reorder: { p: 0.2, extra: { dist: 'uniform', min: 0, max: 100 } },
        },
      },
    ],
    faults: [
      { type: 'partition', projection: 'p', from: 800, to: 1200 },
      { type: 'crash', projection: 'p', at: 1800, restartAt: 2100 },
    ],
  })
}

function resultAt(s: Scenario, time: number): Result {
  const sim = new Simulation(s)
  sim.runUntil({ time })
  return buildResult(sim, { trace: true })
}

describe.each(['push', 'pull'] as const)('the counts of a %s projection', (mode) => {
  // Stopping halfway through the flight of a copy leaves at least that copy on the wire.
  const full = resultAt(noisy(mode), Infinity)
  const arrived = deliveriesTo(full, 'p').filter((d) => d.arrivedAt !== null)
  const midFlight = [10, 60].map((i) => {
    const d = arrived[i]
    return d ? (d.sentAt + (d.arrivedAt ?? NaN)) / 2 : NaN
  })

  it.each([...midFlight, Infinity])('add up with the trace at time %s', (time) => {
    const result = resultAt(noisy(mode), time)
    const copies = deliveriesTo(result, 'p')
    const count = (ok: (d: (typeof copies)[number]) => boolean) => copies.filter(ok).length
    const stats = result.projections.p?.stats
    const inFlight = count((d) => d.outcome === 'in-flight')
    const made = count((d) => d.kind === 'duplicate')
    // Every copy sent by the publisher or made by the network is delivered, dropped or on its way.
    expect((stats?.sent ?? NaN) + made).toBe(
      (stats?.delivered ?? NaN) + (stats?.dropped ?? NaN) + inFlight,
    )
    expect(stats?.sent).toBe(count((d) => d.kind !== 'duplicate'))
    expect(stats?.redelivered).toBe(count((d) => d.kind === 'redelivery'))
    expect(stats?.delivered).toBe(count((d) => d.outcome === 'applied' || d.outcome === 'skipped'))
    expect(stats?.dropped).toBe(count((d) => d.outcome === 'dropped'))
    expect(stats?.applied).toBe(count((d) => d.outcome === 'applied'))
    const arrivedPositions = new Set(
      copies.filter((d) => d.arrivedAt !== null && d.outcome !== 'dropped').map((d) => d.position),
    )
    expect(stats?.duplicates).toBe((stats?.delivered ?? NaN) - arrivedPositions.size)
    // Premises: the run has all of the above, and stopping early leaves copies on the wire.
    expect(made).toBeGreaterThan(0)
    expect(stats?.dropped).toBeGreaterThan(0)
    if (time !== Infinity) expect(inFlight).toBeGreaterThan(0)
    else expect(inFlight).toBe(0)
  })

  it('has a convergence time at the last return of divergence to zero', () => {
    const p = resultAt(noisy(mode), Infinity).projections.p
    const divergent = p?.series?.divergent ?? []
    const t = p?.series?.t ?? []
    let last: number | null = divergent.at(-1) === 0 ? 0 : null
    for (let i = 1; i < divergent.length; i++)
      if (divergent[i] === 0 && (divergent[i - 1] ?? 0) > 0) last = t[i] ?? NaN
    expect(p?.convergedAt).toBe(last)
    expect(p?.lag.maxEvents).toBe(Math.max(...(p?.series?.behind ?? [])))
  })
})
