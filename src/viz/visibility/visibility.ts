import type { TraceView } from '../../core'

/**
 * Visibility time: how long after its append an event is first applied by a projection, that
 * is, from when on a read of that projection sees it. The CDF of these times answers "what is the
 * probability that a read t ms after a write sees it?".
 *
 * Everything here takes plain arrays of times, so samples pooled from many runs (many seeds) feed
 * the same functions as one run's.
 */

/**
 * Each event's visibility time for one projection (by index into `view.projections`), sorted
 * ascending. Events not applied yet are left out.
 *
 * It matches the engine's `firstApplied` stamps (what `buildResult` summarises as `visibility`):
 * - an `applied` copy is applied when it arrives (every handler commits inside `receive`);
 * - a `buffered` copy is applied when the gap before it fills: its `appliedAt`;
 * - a `repaired` copy was folded into its row by read repair on arrival, and read repair stamps
 *   every position of the stream it fetched (`Projection.repair`), so it counts at `arrivedAt`;
 * - `skipped`, `dropped` and `in-flight` copies applied nothing.
 * The first application is the earliest of these over all copies of the position (the naive
 * handler applies duplicates too, and a redelivery may overtake the first copy).
 *
 * One case the trace cannot show: a rebuild folds the whole store when it ends, with no copy
 * sent, so an event first applied by a rebuild's fold is missing here though the engine counts it.
 */
export function visibilityTimes(view: TraceView, projection: number): number[] {
  const first = new Map<number, number>()
  for (const d of view.deliveries) {
    if (d.projection !== projection) continue
    const at =
      d.outcome === 'applied' || d.outcome === 'repaired'
        ? d.arrivedAt
        : d.outcome === 'buffered'
          ? d.appliedAt
          : null
    if (at === null) continue
    const seen = first.get(d.position)
    if (seen === undefined || at < seen) first.set(d.position, at)
  }
  const times: number[] = []
  for (const e of view.events) {
    const at = first.get(e.position)
    if (at !== undefined) times.push(at - e.at)
  }
  return times.sort((a, b) => a - b)
}

/** A corner of the empirical CDF: from `t` on (until the next point), P(time <= t) = `p`. */
export interface CdfPoint {
  readonly t: number
  readonly p: number
}

/**
 * The empirical CDF of a sample (in any order) as its step corners: one point per distinct time,
 * with the share of the sample at or below it. Empty for an empty sample. Drawn with a
 * step-after curve from (first t, 0) it is exactly the step function.
 */
export function empiricalCdf(times: readonly number[]): CdfPoint[] {
  const sorted = Float64Array.from(times).sort()
  const n = sorted.length
  const out: CdfPoint[] = []
  for (let i = 0; i < n; i++) {
    const t = sorted[i] as number
    // Ties collapse into one corner at the top of their riser.
    if (i + 1 < n && sorted[i + 1] === t) continue
    out.push({ t, p: (i + 1) / n })
  }
  return out
}

/**
 * The nearest-rank q-quantile of an ascending sample: the smallest time with at least a share q
 * of the sample at or below it. The same definition as `summarize` in core, so p50/p90/p99 read
 * off a curve agree with the run's result. NaN for an empty sample.
 */
export function quantileOf(sorted: readonly number[], q: number): number {
  const n = sorted.length
  if (n === 0) return NaN
  return sorted[Math.min(n - 1, Math.max(0, Math.ceil(q * n) - 1))] as number
}

/**
 * The Kolmogorov-Smirnov distance between a sample's empirical CDF and a CDF: the largest
 * vertical gap, checked on both sides of every step. For n iid draws from `cdf` it exceeds
 * 1.36/sqrt(n) with probability about 0.05 (1.63/sqrt(n): 0.01), for a continuous `cdf`.
 */
export function ksDistance(times: readonly number[], cdf: (t: number) => number): number {
  const sorted = Float64Array.from(times).sort()
  const n = sorted.length
  let d = 0
  for (let i = 0; i < n; i++) {
    const f = cdf(sorted[i] as number)
    d = Math.max(d, (i + 1) / n - f, f - i / n)
  }
  return d
}

/** The share of sorted visibility times at or below `ms`: the empirical P(a read then sees it). */
export function shareWithin(sorted: readonly number[], ms: number): number {
  if (sorted.length === 0) return 0
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((sorted[mid] as number) <= ms) lo = mid + 1
    else hi = mid
  }
  return lo / sorted.length
}
