import { curveMonotoneX, curveStepAfter, line, scaleLinear } from 'd3'
import { formatDelay, niceCeil } from '../distribution-curve'
import { empiricalCdf, quantileOf } from './visibility'

/** One projection's curve to lay out: its visibility times and, maybe, a theoretical CDF. */
export interface CurveInput {
  /** In any order; pooled from many runs is fine. */
  readonly times: readonly number[]
  readonly theory: ((t: number) => number) | null
}

export interface Marker {
  readonly name: 'p50' | 'p90' | 'p99'
  readonly q: number
  readonly ms: number
  /** On the curve's riser at `ms`; `x` is null when `ms` lies beyond the axis. */
  readonly x: number | null
  readonly y: number
}

export interface CurveMarks {
  /** The empirical CDF as a step path, or null with no samples. */
  readonly empirical: string | null
  readonly theory: string | null
  readonly samples: number
  /** p50, p90, p99 (nearest rank, as the run's result reports them); empty with no samples. */
  readonly markers: readonly Marker[]
}

export interface Tick {
  readonly value: number
  /** Pixel along its axis. */
  readonly at: number
  readonly label: string
}

export interface VisibilityLayout {
  readonly xMax: number
  readonly xTicks: readonly Tick[]
  readonly yTicks: readonly Tick[]
  readonly curves: readonly CurveMarks[]
}

const QUANTILES = [
  { name: 'p50', q: 0.5 },
  { name: 'p90', q: 0.9 },
  { name: 'p99', q: 0.99 },
] as const
const GRID = 400 // samples of a theoretical CDF across the axis
const pct = (p: number) => `${Math.round(p * 100)}%`

/**
 * The visibility CDFs as SVG marks in a plot of `width` x `height` (0,0 top left; the caller adds
 * margins and axis titles). x is ms after the write, from 0 to `xMax` (by default a round number
 * past the largest p99, so one slow outlier does not squash the rest); y is P(read sees it).
 */
export function visibilityLayout(
  curves: readonly CurveInput[],
  size: { width: number; height: number; xMax?: number },
): VisibilityLayout {
  const { width, height } = size
  const sorted = curves.map((c) => [...c.times].sort((a, b) => a - b))
  const xMax = size.xMax ?? defaultXMax(curves, sorted)
  const x = scaleLinear().domain([0, xMax]).range([0, width])
  const y = scaleLinear().domain([0, 1]).range([height, 0])
  const step = line<{ t: number; p: number }>()
    .x((d) => x(d.t))
    .y((d) => y(d.p))
    .curve(curveStepAfter)
    .digits(2)
  const ts = Array.from({ length: GRID + 1 }, (_, k) => (xMax * k) / GRID)
  const smooth = (cdf: (t: number) => number) =>
    line<number>()
      .x((t) => x(t))
      .y((t) => y(cdf(t)))
      .curve(curveMonotoneX)
      .digits(2)(ts)

  const marks = curves.map((c, i): CurveMarks => {
    const s = sorted[i] ?? []
    return {
      empirical: s.length === 0 ? null : step(stepPoints(s, xMax)),
      theory: c.theory ? smooth(c.theory) : null,
      samples: s.length,
      markers:
        s.length === 0
          ? []
          : QUANTILES.map(({ name, q }) => {
              const ms = quantileOf(s, q)
              return { name, q, ms, x: ms <= xMax ? x(ms) : null, y: y(q) }
            }),
    }
  })
  return {
    xMax,
    xTicks: x.ticks(5).map((v) => ({ value: v, at: x(v), label: v === 0 ? '0' : formatDelay(v) })),
    yTicks: [0, 0.25, 0.5, 0.75, 1].map((v) => ({ value: v, at: y(v), label: pct(v) })),
    curves: marks,
  }
}

/** (0, 0), the corners up to xMax, and the level reached carried on to xMax. */
function stepPoints(sorted: readonly number[], xMax: number): { t: number; p: number }[] {
  const corners = empiricalCdf(sorted).filter((d) => d.t <= xMax)
  const last = corners[corners.length - 1]?.p ?? 0
  return [{ t: 0, p: 0 }, ...corners, { t: xMax, p: last }]
}

function defaultXMax(curves: readonly CurveInput[], sorted: readonly number[][]): number {
  const ends = sorted.filter((s) => s.length > 0).map((s) => quantileOf(s, 0.99))
  for (const c of curves) if (c.theory && ends.length === 0) ends.push(theoryQuantile(c.theory))
  return niceCeil(Math.max(1, ...ends.map((e) => e * 1.1)))
}

/** Where a CDF reaches 0.99, by doubling then bisection (capped at 1e7 ms). */
function theoryQuantile(cdf: (t: number) => number): number {
  let hi = 1
  while (cdf(hi) < 0.99 && hi < 1e7) hi *= 2
  let lo = 0
  for (let i = 0; i < 50; i++) {
    const mid = (lo + hi) / 2
    if (cdf(mid) >= 0.99) hi = mid
    else lo = mid
  }
  return hi
}
