import { curveLinear, curveStepAfter, line, scaleLinear } from 'd3'
import type { SimTime, TraceView } from '../../core'

/**
 * One projection's lag and divergence over simulated time, as marks: three series as SVG paths,
 * the inconsistency windows to shade, the convergence instant, and how fast it is catching up.
 * Everything stops at `view.now`: the run has not happened past it.
 *
 * Two coordinate spaces meet here: simulated time in ms (`SimTime`) and plot pixels (`Px`, 0,0 at
 * the top left of a panel). `timeToX` is the one place time becomes x.
 */

/** A length or position in plot pixels. Branded apart from `SimTime` so the two do not mix. */
export type Px = number & { readonly __brand?: 'px' }

export interface LagFrame {
  /** The stretch of simulated time across the width (the caller's zoom). */
  readonly t0: SimTime
  readonly t1: SimTime
  readonly width: Px
  /** Heights of the two panels: lag (events and ms, two y scales) above, divergent rows below. */
  readonly lagHeight: Px
  readonly rowsHeight: Px
}

/** A step function (or, for the lag in ms, a polyline) in data space, and its path in pixels. */
export interface LagSeries {
  /** [ms, value] corners over the drawn stretch. */
  readonly points: readonly (readonly [SimTime, number])[]
  /** SVG path in its panel's pixels; '' when nothing of the run is in the frame. */
  readonly path: string
  /** The largest value up to now (the whole run so far, not only the frame). */
  readonly max: number
  /** The top of the y scale: `max`, or 1 when it is 0 so the scale is not degenerate. */
  readonly yMax: number
}

/** A maximal stretch with divergent rows; `to` is null while it lasts. */
export interface InconsistencyWindow {
  readonly from: SimTime
  readonly to: SimTime | null
  /** Its part inside the frame in pixels, or null when none of it is. */
  readonly band: { readonly x0: Px; readonly x1: Px } | null
}

export type Trend = 'catching up' | 'falling behind' | 'steady'

export interface CatchUp {
  /** Events and ms behind, and rows differing, at `now`. */
  readonly behind: number
  readonly lagMs: number
  readonly divergent: number
  /** The recent stretch the drain rate is measured over, in ms (0 at the very start). */
  readonly window: number
  /** Net events drained per second over that stretch (negative: the backlog grew). */
  readonly ratePerSecond: number
  readonly trend: Trend
  /** Estimated ms until behind reaches 0 at that rate; null when not behind or not draining. */
  readonly etaMs: number | null
}

export interface LagLayout {
  readonly now: SimTime
  /** The drawn stretch of time: the frame cut at `now`; `to < from` when none of it has run. */
  readonly from: SimTime
  readonly to: SimTime
  readonly events: LagSeries
  readonly ms: LagSeries
  readonly divergent: LagSeries
  readonly windows: readonly InconsistencyWindow[]
  /** When divergence last returned to 0 for good (0 if it never diverged), null if it has not. */
  readonly converged: { readonly at: SimTime; readonly x: Px | null } | null
  readonly catchUp: CatchUp
}

/**
 * The drain rate is measured over the last tenth of the run, at most the last second: short
 * enough that the trend turns as soon as a healed partition starts to drain, long enough to span
 * several applications.
 */
export const RECENT_MS = 1000
export const RECENT_SHARE = 0.1

export function timeToX(frame: Pick<LagFrame, 't0' | 't1' | 'width'>): (t: SimTime) => Px {
  const x = scaleLinear().domain([frame.t0, frame.t1]).range([0, frame.width])
  // Hundredths of a pixel: finer than any screen, and the same digits as the paths.
  return (t) => Math.round(x(t) * 100) / 100
}

export function lagLayout(view: TraceView, projection: number, frame: LagFrame): LagLayout {
  const s = view.series[projection]
  const now = view.now
  const samples = s ? upTo(s, now) : EMPTY
  const from = frame.t0
  const to = Math.min(frame.t1, now)
  const x = timeToX(frame)

  const events = stepPoints(samples, samples.behind, from, to)
  const divergent = stepPoints(samples, samples.divergent, from, to)
  const ms = rampPoints(samples, from, to)
  const maxEvents = largest(samples.behind)
  const maxMs = maxLagMs(samples, now)
  const maxRows = largest(samples.divergent)

  const series = (
    points: [SimTime, number][],
    max: number,
    height: Px,
    step: boolean,
  ): LagSeries => {
    const yMax = max || 1
    const y = scaleLinear().domain([0, yMax]).range([height, 0])
    const drawn = points.length > DENSE_PER_PX * frame.width ? decimate(points, x) : points
    const path =
      drawn.length < 2
        ? ''
        : (line<[SimTime, number]>()
            .x(([t]) => x(t))
            .y(([, v]) => y(v))
            .curve(step ? curveStepAfter : curveLinear)
            .digits(2)(drawn) ?? '')
    return { points, path, max, yMax }
  }

  const at = view.convergedAt[projection] ?? null
  return {
    now,
    from,
    to,
    events: series(events, maxEvents, frame.lagHeight, true),
    ms: series(ms, maxMs, frame.lagHeight, false),
    divergent: series(divergent, maxRows, frame.rowsHeight, true),
    windows: inconsistencyWindows(samples).map((w) => {
      const a = Math.max(w.from, from)
      const b = Math.min(w.to ?? now, to)
      return { ...w, band: b > a ? { x0: x(a), x1: x(b) } : null }
    }),
    converged: at === null ? null : { at, x: at >= frame.t0 && at <= frame.t1 ? x(at) : null },
    catchUp: catchUp(samples, now),
  }
}

/** A projection's measures at one instant (up to the trace's end), for the chart's probe. */
export function lagAt(
  view: TraceView,
  projection: number,
  time: SimTime,
): { readonly at: SimTime; readonly events: number; readonly ms: number; readonly rows: number } {
  const s = view.series[projection]
  const at = Math.min(time, view.now)
  if (!s) return { at, events: 0, ms: 0, rows: 0 }
  return {
    at,
    events: valueAt(s, s.behind, at),
    ms: lagMsAt(s, at),
    rows: valueAt(s, s.divergent, at),
  }
}

/** Beyond this many corners per pixel of width on average, a path keeps 4 per pixel column. */
const DENSE_PER_PX = 4

/**
 * A busy run changes its lag thousands of times a second: more corners than pixels. Within each
 * pixel column only the first, lowest, highest and last corners can be told apart on screen, so
 * only they are kept, in time order; the drawn envelope is the same.
 */
export function decimate(
  points: readonly [SimTime, number][],
  x: (t: SimTime) => Px,
): [SimTime, number][] {
  const out: [SimTime, number][] = []
  let i = 0
  while (i < points.length) {
    const column = Math.floor(x((points[i] as [SimTime, number])[0]))
    let j = i
    let lo = i
    let hi = i
    while (j < points.length && Math.floor(x((points[j] as [SimTime, number])[0])) === column) {
      if ((points[j] as [SimTime, number])[1] < (points[lo] as [SimTime, number])[1]) lo = j
      if ((points[j] as [SimTime, number])[1] > (points[hi] as [SimTime, number])[1]) hi = j
      j++
    }
    for (const k of [...new Set([i, lo, hi, j - 1])].sort((a, b) => a - b))
      out.push(points[k] as [SimTime, number])
    i = j
  }
  return out
}

/** The columns of a series record that the chart reads, cut at an instant. */
interface Samples {
  readonly t: readonly SimTime[]
  readonly behind: readonly number[]
  readonly oldestAt: readonly (SimTime | null)[]
  readonly divergent: readonly number[]
}

const EMPTY: Samples = { t: [], behind: [], oldestAt: [], divergent: [] }

function upTo(s: Samples, now: SimTime): Samples {
  const n = indexAt(s, now) + 1
  return {
    t: s.t.slice(0, n),
    behind: s.behind.slice(0, n),
    oldestAt: s.oldestAt.slice(0, n),
    divergent: s.divergent.slice(0, n),
  }
}

/** The sample in force at `time` (the last at or before it), or -1 before the first. */
function indexAt(s: Samples, time: SimTime): number {
  let lo = 0
  let hi = s.t.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((s.t[mid] as number) <= time) lo = mid + 1
    else hi = mid
  }
  return lo - 1
}

/** Before the first sample nothing was appended: every measure is 0. */
function valueAt(s: Samples, column: readonly number[], time: SimTime): number {
  const i = indexAt(s, time)
  return i < 0 ? 0 : (column[i] as number)
}

function lagMsAt(s: Samples, time: SimTime): number {
  const oldest = s.oldestAt[indexAt(s, time)] ?? null
  return oldest === null ? 0 : time - oldest
}

/** The corners of a step function over [from, to], one per change of value. */
function stepPoints(
  s: Samples,
  column: readonly number[],
  from: SimTime,
  to: SimTime,
): [SimTime, number][] {
  if (to <= from) return []
  const points: [SimTime, number][] = [[from, valueAt(s, column, from)]]
  for (let i = indexAt(s, from) + 1; i < s.t.length && (s.t[i] as number) <= to; i++) {
    const v = column[i] as number
    if (v !== points[points.length - 1]?.[1]) points.push([s.t[i] as number, v])
  }
  const last = points[points.length - 1] as [SimTime, number]
  if (last[0] < to) points.push([to, last[1]])
  return points
}

/**
 * The lag in ms, t - oldestAt, is not a step function: it rises with slope 1 while the oldest
 * unapplied event stays the same, and drops when it is applied. So each change of `oldestAt`
 * gives two corners at one instant: the top of the ramp, then where it drops to.
 */
function rampPoints(s: Samples, from: SimTime, to: SimTime): [SimTime, number][] {
  if (to <= from) return []
  const points: [SimTime, number][] = [[from, lagMsAt(s, from)]]
  let oldest = s.oldestAt[indexAt(s, from)] ?? null
  for (let i = indexAt(s, from) + 1; i < s.t.length && (s.t[i] as number) <= to; i++) {
    const next = s.oldestAt[i] ?? null
    if (next === oldest) continue
    const t = s.t[i] as number
    corner(points, t, oldest === null ? 0 : t - oldest)
    corner(points, t, next === null ? 0 : t - next)
    oldest = next
  }
  corner(points, to, lagMsAt(s, to))
  return points
}

/** Adds a corner unless it is the last one again (a new oldest from nothing behind is at 0). */
function corner(points: [SimTime, number][], t: SimTime, v: number): void {
  const last = points[points.length - 1]
  if (!last || last[0] !== t || last[1] !== v) points.push([t, v])
}

// Not Math.max(...column): a long run has more samples than a call may take arguments.
function largest(column: readonly number[]): number {
  return column.reduce((max, v) => Math.max(max, v), 0)
}

/** The peak of t - oldestAt: just before each change of the oldest unapplied event, or at now. */
function maxLagMs(s: Samples, now: SimTime): number {
  let max = 0
  s.t.forEach((_, i) => {
    const oldest = s.oldestAt[i] ?? null
    if (oldest !== null) max = Math.max(max, (s.t[i + 1] ?? now) - oldest)
  })
  return max
}

function inconsistencyWindows(s: Samples): { from: SimTime; to: SimTime | null }[] {
  const out: { from: SimTime; to: SimTime | null }[] = []
  let open: SimTime | null = null
  s.t.forEach((t, i) => {
    const differs = (s.divergent[i] as number) > 0
    if (differs && open === null) open = t
    else if (!differs && open !== null) {
      out.push({ from: open, to: t })
      open = null
    }
  })
  if (open !== null) out.push({ from: open, to: null })
  return out
}

/**
 * The net drain rate over the recent window (applications minus appends, as the change of
 * `behind`), and the time to reach 0 if it holds. A backlog that grows or holds is not catching
 * up, whatever its size.
 */
function catchUp(s: Samples, now: SimTime): CatchUp {
  const window = Math.min(RECENT_MS, RECENT_SHARE * now)
  const behind = valueAt(s, s.behind, now)
  const drained = valueAt(s, s.behind, now - window) - behind
  const rate = window > 0 ? drained / window : 0
  return {
    behind,
    lagMs: lagMsAt(s, now),
    divergent: valueAt(s, s.divergent, now),
    window,
    ratePerSecond: rate * 1000,
    trend: drained > 0 ? 'catching up' : drained < 0 ? 'falling behind' : 'steady',
    etaMs: behind > 0 && rate > 0 ? behind / rate : null,
  }
}
