import { describe, expect, it } from 'vitest'
import type { TraceDelivery, TraceView } from '../../core'
// The engine runs here to check the view against it.
import { buildResult, Simulation, traceView, type ProjectionSpec } from '../../core'
import { scenario } from '../../core/testing'
import { theoreticalCdf } from './theory'
import { empiricalCdf, ksDistance, quantileOf, shareWithin, visibilityTimes } from './visibility'

/** A view with the given appends (position i+1 at `at[i]`) and copies; everything else empty. */
function view(at: readonly number[], deliveries: readonly Partial<TraceDelivery>[]): TraceView {
  return {
    now: 10_000,
    scenario: scenario(),
    interventions: [],
    projections: ['p', 'q'],
    events: at.map((t, i) => ({
      position: i + 1,
      stream: 's',
      key: 's',
      data: {},
      type: 'T',
      at: t,
    })),
    deliveries: deliveries.map((d, send) => ({
      send,
      position: 1,
      projection: 0,
      sentAt: 0,
      arrivedAt: null,
      lostAt: null,
      kind: 'first',
      outcome: 'in-flight',
      reason: null,
      appliedAt: null,
      outOfOrder: false,
      ...d,
    })),
    polls: [],
    reads: [],
    windows: [],
    anomalies: [],
    rejected: [],
    series: [],
    convergedAt: [null, null],
  }
}

describe('visibilityTimes', () => {
  it('takes the arrival of an applied copy, minus the append', () => {
    const v = view(
      [100, 200],
      [
        { position: 1, arrivedAt: 130, outcome: 'applied' },
        { position: 2, arrivedAt: 250, outcome: 'applied' },
      ],
    )
    expect(visibilityTimes(v, 0)).toEqual([30, 50])
  })

  it('takes a buffered copy when it was applied, not when it arrived', () => {
    const v = view(
      [0, 10],
      [
        { position: 2, arrivedAt: 20, outcome: 'buffered', appliedAt: 90 },
        { position: 1, arrivedAt: 90, outcome: 'applied' },
      ],
    )
    expect(visibilityTimes(v, 0)).toEqual([80, 90])
  })

  it('counts a repaired copy at its arrival and ignores skipped, dropped and in-flight ones', () => {
    const v = view(
      [0, 0, 0, 0],
      [
        { position: 1, arrivedAt: 40, outcome: 'repaired' },
        { position: 2, arrivedAt: 5, outcome: 'skipped' },
        { position: 2, arrivedAt: null, lostAt: 7, outcome: 'dropped', reason: 'loss' },
        { position: 3, outcome: 'in-flight' },
        { position: 4, arrivedAt: 60, outcome: 'applied' },
      ],
    )
    expect(visibilityTimes(v, 0)).toEqual([40, 60])
  })

  it('keeps the earliest application of a position whatever the order of its copies', () => {
    const v = view(
      [0],
      [
        { position: 1, arrivedAt: 70, outcome: 'applied' },
        { position: 1, kind: 'redelivery', arrivedAt: 45, outcome: 'applied' },
        { position: 1, kind: 'duplicate', arrivedAt: 20, outcome: 'skipped' },
      ],
    )
    expect(visibilityTimes(v, 0)).toEqual([45])
  })

  it('reads only the copies sent to the projection asked for', () => {
    const v = view(
      [0],
      [
        { position: 1, projection: 1, arrivedAt: 5, outcome: 'applied' },
        { position: 1, projection: 0, arrivedAt: 9, outcome: 'applied' },
      ],
    )
    expect(visibilityTimes(v, 0)).toEqual([9])
    expect(visibilityTimes(v, 1)).toEqual([5])
  })
})

describe('empiricalCdf', () => {
  it('puts one corner per distinct time at the share of the sample up to it', () => {
    expect(empiricalCdf([30, 10, 20, 20])).toEqual([
      { t: 10, p: 0.25 },
      { t: 20, p: 0.75 },
      { t: 30, p: 1 },
    ])
    expect(empiricalCdf([])).toEqual([])
  })

  it('of samples pooled from several runs is the CDF of their union', () => {
    expect(empiricalCdf([...[10, 30], ...[20, 40]])).toEqual([
      { t: 10, p: 0.25 },
      { t: 20, p: 0.5 },
      { t: 30, p: 0.75 },
      { t: 40, p: 1 },
    ])
  })
})

describe('quantileOf and ksDistance', () => {
  it('take the nearest rank, as the run summary does', () => {
    const s = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
    expect([quantileOf(s, 0.5), quantileOf(s, 0.9), quantileOf(s, 0.99)]).toEqual([5, 9, 10])
    expect(quantileOf([], 0.5)).toBeNaN()
  })

  it('measures the largest gap on either side of each step', () => {
    // Uniform on [0, 1) against the sample {0.5}: F_n jumps from 0 to 1 where F = 0.5.
    expect(ksDistance([0.5], (t) => t)).toBe(0.5)
    expect(ksDistance([0.25, 0.5, 0.75, 1], (t) => t)).toBe(0.25)
  })
})

/** Renames of one key as a Poisson process (each event at its own random instant). */
const poisson = (count: number, rate: number) => ({
  until: Math.ceil((count / rate) * 1000 * 1.5),
  workload: { rate, count, keys: 1, mix: { RenameTodo: 1 } },
})

function run(projections: ProjectionSpec[] | Parameters<typeof scenario>[0]) {
  const s = scenario(Array.isArray(projections) ? { projections } : projections)
  const sim = new Simulation(s)
  sim.run()
  return { s, sim, view: traceView(sim) }
}

const round = (x: number) => Math.round(x * 1000) / 1000

describe('against the engine', () => {
  it.each([
    ['an ordered handler on a lossy, reordering push link', 'ordered'],
    ['a naive handler with duplicates and redeliveries', 'naive'],
  ] as const)('matches the run result for %s', (_name, handler) => {
    const {
      s,
      sim,
      view: v,
    } = run({
      seed: 5,
      ...poisson(400, 50),
      projections: [
        {
          id: 'p',
          handler,
          delivery: { mode: 'push', guarantee: 'at-least-once', ackTimeout: 150 },
          link: {
            latency: { dist: 'exponential', mean: 40 },
            loss: 0.1,
            duplicate: 0.1,
            reorder: { p: 0.2, extra: { dist: 'uniform', min: 0, max: 300 } },
          },
        },
      ],
    })
    expect(s.projections).toHaveLength(1)
    const times = visibilityTimes(v, 0)
    const engine = buildResult(sim).projections.p?.visibility
    expect(times).toHaveLength(400)
    expect(engine).toBeDefined()
    expect({
      p50: round(quantileOf(times, 0.5)),
      p90: round(quantileOf(times, 0.9)),
      p99: round(quantileOf(times, 0.99)),
      max: round(times[times.length - 1] ?? NaN),
    }).toEqual({ p50: engine?.p50, p90: engine?.p90, p99: engine?.p99, max: engine?.max })
    // The ordered handler really buffered copies, so `appliedAt` was exercised.
    if (handler === 'ordered') expect(v.deliveries.some((d) => d.outcome === 'buffered')).toBe(true)
  })

  it('matches the run result for read repair', () => {
    const { sim, view: v } = run({
      seed: 8,
      ...poisson(300, 50),
      projections: [
        {
          id: 'p',
          handler: 'idempotent',
          delivery: { mode: 'pull', interval: 400, batch: 1000 },
          link: { latency: { dist: 'constant', value: 20 } },
        },
      ],
      reads: Array.from({ length: 40 }, (_, i) => ({
        at: 100 + i * 150,
        projection: 'p',
        key: 't1',
        mode: 'read-repair' as const,
      })),
    })
    expect(v.deliveries.some((d) => d.outcome === 'repaired')).toBe(true)
    const times = visibilityTimes(v, 0)
    const engine = buildResult(sim).projections.p?.visibility
    expect(round(quantileOf(times, 0.5))).toBe(engine?.p50)
    expect(round(quantileOf(times, 0.9))).toBe(engine?.p90)
    expect(round(times[times.length - 1] ?? NaN)).toBe(engine?.max)
  })
})

/**
 * Theory. The seeded run is one fixed draw; 1.36/sqrt(n) is the KS critical value at alpha 0.05,
 * so a correct formula fails one seed in twenty at most, and a wrong one is caught: each test
 * also shows the nearest wrong law failing the same bound.
 */
describe('theory against runs', () => {
  const n = 3000
  const critical = 1.36 / Math.sqrt(n)

  function timesAndTheory(spec: ProjectionSpec, seed: number, rate: number) {
    const { s, view: v } = run({ seed, ...poisson(n, rate), projections: [spec] })
    const theory = theoreticalCdf(s.projections[0] as ProjectionSpec)
    if (!theory) throw new Error('no theory for this spec')
    return { times: visibilityTimes(v, 0), theory }
  }

  it('at-most-once push over exponential latency is 1 - e^(-t/m)', () => {
    const { times, theory } = timesAndTheory(
      {
        id: 'p',
        delivery: { mode: 'push', guarantee: 'at-most-once' },
        link: { latency: { dist: 'exponential', mean: 50 } },
      } as ProjectionSpec,
      21,
      100,
    )
    expect(times).toHaveLength(n)
    expect(theory.label).toBe('theory (exponential push)')
    expect(ksDistance(times, (t) => 1 - Math.exp(-t / 50))).toBeLessThan(critical)
    expect(ksDistance(times, theory.cdf)).toBeLessThan(critical)
    expect(ksDistance(times, (t) => 1 - Math.exp(-t / 60))).toBeGreaterThan(critical)
  })

  it('at-least-once push with a short ack timeout follows the racing-copies law', () => {
    // Timeout 40 ms against a mean of 50: most events get a second copy that may arrive first.
    const { times, theory } = timesAndTheory(
      {
        id: 'p',
        delivery: { mode: 'push', guarantee: 'at-least-once', ackTimeout: 40 },
        link: { latency: { dist: 'exponential', mean: 50 } },
      } as ProjectionSpec,
      22,
      100,
    )
    expect(ksDistance(times, theory.cdf)).toBeLessThan(critical)
    expect(ksDistance(times, (t) => 1 - Math.exp(-t / 50))).toBeGreaterThan(critical)
  })

  it('pull with constant latency is uniform on [L, I + L)', () => {
    const { times, theory } = timesAndTheory(
      {
        id: 'p',
        delivery: { mode: 'pull', interval: 500, batch: 1000 },
        link: { latency: { dist: 'constant', value: 20 } },
      } as ProjectionSpec,
      23,
      20,
    )
    expect(theory.exact).toBe(true)
    expect(Math.min(...times)).toBeGreaterThanOrEqual(20)
    expect(Math.max(...times)).toBeLessThanOrEqual(520)
    expect(ksDistance(times, theory.cdf)).toBeLessThan(critical)
    // Uniform from 2L, the tempting answer, is measurably wrong.
    expect(ksDistance(times, (t) => Math.min(1, Math.max(0, (t - 40) / 500)))).toBeGreaterThan(
      critical,
    )
  })
})

describe('shareWithin', () => {
  it('is the share of times at or below a delay', () => {
    const sorted = [10, 20, 20, 30, 50]
    expect(shareWithin(sorted, 5)).toBe(0)
    expect(shareWithin(sorted, 20)).toBe(0.6)
    expect(shareWithin(sorted, 49.9)).toBe(0.8)
    expect(shareWithin(sorted, 50)).toBe(1)
    expect(shareWithin([], 50)).toBe(0)
  })
})
