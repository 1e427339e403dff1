/**
 * The engine against queueing theory: each test states a distribution derived from the model's
 * definition and checks the run's measures against it.
 *
 * Tolerances. Kolmogorov-Smirnov: the statistic D of n iid draws from the stated CDF exceeds
 * 1.63/sqrt(n) with probability 0.01 (the asymptotic critical value, accurate for n in the
 * thousands). Means and quantiles: the estimator's standard error is computed from the stated
 * distribution and the test allows 4 of them (two-sided p ~ 6e-5). Runs are seeded, so each test
 * is one fixed draw; the thresholds say how unlikely a correct engine is to fail it.
 */
import { describe, expect, it } from 'vitest'
import { simulate, type Result } from '../index'
import { deliveriesTo, firstApplied, scenario } from '../testing'

/** sup |F_n - F| over a sample, against a continuous CDF. */
function ksStatistic(sample: readonly number[], cdf: (x: number) => number): number {
  const sorted = [...sample].sort((a, b) => a - b)
  const n = sorted.length
  let d = 0
  sorted.forEach((x, i) => {
    const f = cdf(x)
    d = Math.max(d, (i + 1) / n - f, f - i / n)
  })
  return d
}

const ksCritical = (n: number) => 1.63 / Math.sqrt(n) // alpha = 0.01

/** Time from append to first application, per position, from the trace. */
function visibilityTimes(result: Result, projection: string): number[] {
  const first = firstApplied(result, projection)
  return result.events.map((e) => {
    const at = first.get(e.position)
    if (at === undefined) throw new Error(`position ${e.position} was never applied`)
    return at - e.at
  })
}

/**
 * A single key receiving renames as a Poisson process: one event per command, each at its own
 * random instant (a workload over several keys would add creations at the same instant).
 */
const poissonRenames = (count: number, rate: number) => ({
  until: Math.ceil((count / rate) * 1000 * 1.5),
  workload: { rate, count, keys: 1, mix: { RenameTodo: 1 } },
})

describe('push delivery with exponential latency', () => {
  const n = 2000
  const mean = 50
  const result = simulate(
    scenario({
      seed: 11,
      ...poissonRenames(n, 100),
      projections: [
        {
          id: 'p',
          // At most once and no faults: each event crosses the link exactly once, so its
          // visibility time is exactly one latency draw.
          delivery: { mode: 'push', guarantee: 'at-most-once' },
          link: { latency: { dist: 'exponential', mean } },
        },
      ],
    }),
    { trace: true },
  )
  const times = visibilityTimes(result, 'p')

  it('makes every event visible', () => {
    expect(result.events).toHaveLength(n)
    expect(times).toHaveLength(n)
  })

  it('has visibility times distributed as 1 - e^(-t/m)', () => {
    expect(ksStatistic(times, (t) => 1 - Math.exp(-t / mean))).toBeLessThan(ksCritical(n))
  })

  it('reports mean and percentiles that match the exponential distribution', () => {
    // The sample mean has standard error m/sqrt(n). The q-quantile -m ln(1-q) has standard error
    // sqrt(q(1-q)) / (f(x_q) sqrt(n)) = m sqrt(q/(1-q)) / sqrt(n): m/sqrt(n) for the median and
    // 3m/sqrt(n) for p90.
    const v = result.projections.p?.visibility
    const se = mean / Math.sqrt(n)
    expect(Math.abs((v?.mean ?? NaN) - mean)).toBeLessThan(4 * se)
    expect(Math.abs((v?.p50 ?? NaN) - mean * Math.LN2)).toBeLessThan(4 * se)
    expect(Math.abs((v?.p90 ?? NaN) - mean * Math.LN10)).toBeLessThan(4 * 3 * se)
  })
})

describe('pull delivery with a poll interval and constant latency', () => {
  const n = 2000
  const interval = 500
  const latency = 20
  const result = simulate(
    scenario({
      seed: 12,
      ...poissonRenames(n, 20),
      projections: [
        {
          id: 'p',
          delivery: { mode: 'pull', interval, batch: 1000 },
          link: { latency: { dist: 'constant', value: latency } },
        },
      ],
    }),
    { trace: true },
  )
  const times = visibilityTimes(result, 'p')

  it('has visibility times uniform on [L, I + L)', () => {
    // An event waits for the next request to reach the store (uniform over one interval, since
    // Poisson command times have a uniform phase), then for the answer's trip back (L).
    expect(Math.min(...times)).toBeGreaterThanOrEqual(latency)
    expect(Math.max(...times)).toBeLessThanOrEqual(interval + latency)
    const uniform = (t: number) => Math.min(1, Math.max(0, (t - latency) / interval))
    expect(ksStatistic(times, uniform)).toBeLessThan(ksCritical(n))
  })

  it('reports a mean visibility of I/2 + L', () => {
    // Uniform on an interval of width I: standard deviation I/sqrt(12).
    const se = interval / Math.sqrt(12) / Math.sqrt(n)
    const mean = result.projections.p?.visibility?.mean ?? NaN
    expect(Math.abs(mean - (interval / 2 + latency))).toBeLessThan(4 * se)
  })
})

describe('at-least-once push over a lossy link', () => {
  /**
   * Publisher sends of each position (first copy and redeliveries, not network duplicates) up to
   * and including the first copy that arrived. With the ack timeout far above the round trip, a
   * copy is resent only if it or its ack was lost, so before the first arrival every resend
   * follows a lost copy: the count is geometric with success probability 1 - p.
   */
  function sendsUntilArrival(result: Result): number[] {
    const counts = new Map<number, { sends: number; arrived: boolean }>()
    for (const d of deliveriesTo(result, 'p')) {
      if (d.kind === 'duplicate') continue
      const c = counts.get(d.position) ?? { sends: 0, arrived: false }
      if (!c.arrived) {
        c.sends++
        c.arrived = d.outcome !== 'dropped'
      }
      counts.set(d.position, c)
    }
    return [...counts.values()].map((c) => {
      if (!c.arrived) throw new Error('a position never arrived')
      return c.sends
    })
  }

  it.each([0.2, 0.5])('needs 1/(1-p) sends per event on average at loss p = %s', (p) => {
    const n = 2000
    const result = simulate(
      scenario({
        seed: 13,
        ...poissonRenames(n, 100),
        projections: [
          {
            id: 'p',
            delivery: { mode: 'push', guarantee: 'at-least-once', ackTimeout: 100 },
            link: { latency: { dist: 'constant', value: 10 }, loss: p },
          },
        ],
      }),
      { trace: true },
    )
    const sends = sendsUntilArrival(result)
    expect(sends).toHaveLength(n)
    // Geometric on {1, 2, ...}: mean 1/(1-p), variance p/(1-p)^2.
    const mean = sends.reduce((s, x) => s + x, 0) / n
    const se = Math.sqrt(p) / (1 - p) / Math.sqrt(n)
    expect(Math.abs(mean - 1 / (1 - p))).toBeLessThan(4 * se)
    // And the share delivered at the first try is 1 - p, a binomial proportion.
    const firstTry = sends.filter((s) => s === 1).length / n
    expect(Math.abs(firstTry - (1 - p))).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n))
    // Every event got through (the naive handler may still end stale: a late redelivery of an
    // older rename overwrites a newer one).
    expect(result.projections.p?.checkpoint).toBe(n)
  })
})
