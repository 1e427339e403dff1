import { area, format, scaleLinear } from 'd3'
import type { Distribution } from '../core'
import {
  componentQuantile,
  components,
  density,
  edgesOf,
  pointMasses,
  pointOf,
  quantile,
} from './distribution-maths'

/**
 * The shape of a latency distribution as SVG marks: the density's area, spikes for point masses
 * (a constant delay has no density), and p50/p99 markers, in a plot of the given size. Pixels are
 * plot coordinates (0,0 top left); the caller adds margins and axis labels.
 */
export interface DistributionCurve {
  /** The right end of the x axis in ms; the left end is 0. Covers at least 99% of the mass... */
  xMax: number
  /** ...unless the tail is so heavy that p99 is off the chart: then this is true. */
  clipped: boolean
  /** SVG path of the continuous density, or null when all mass sits on points. */
  area: string | null
  /** Point masses: a narrow bar whose height is the share of the mass (all of it = full height). */
  spikes: { ms: number; weight: number; x: number; path: string }[]
  /** p50 and p99; `x` is null when the marker lies beyond `xMax`. */
  markers: { name: 'p50' | 'p99'; ms: number; x: number | null }[]
  /** "lognormal, median 40 ms, p99 ≈ 210 ms" */
  description: string
}

/** The x axis stops at most this many medians out, so a heavy tail does not squash the body. */
export const HEAVY_TAIL_CAP = 20
const SPIKE_WIDTH = 4 // px
const GRID = 240 // evenly spaced samples of the density, plus denser ones where the mass is

export function distributionCurve(
  dist: Distribution,
  size: { width: number; height: number },
): DistributionCurve {
  const { width, height } = size
  const p50 = quantile(dist, 0.5)
  const p99 = quantile(dist, 0.99)
  const cap = Math.max(quantile(dist, 0.9), HEAVY_TAIL_CAP * p50)
  const clipped = p99 > cap
  const xMax = niceCeil(Math.max(clipped ? cap : p99 * 1.1, 1))
  const x = scaleLinear().domain([0, xMax]).range([0, width])

  const points = sampleDensity(dist, xMax)
  const peak = Math.max(0, ...points.map(([, y]) => y))
  const y = scaleLinear()
    .domain([0, peak || 1])
    .range([height, 0])
  const path =
    peak > 0
      ? area<[number, number]>()
          .x(([ms]) => x(ms))
          .y0(height)
          .y1(([, d]) => y(d))
          .digits(1)(points)
      : null

  const spikes = pointMasses(dist)
    .filter((m) => m.at <= xMax)
    .map((m) => {
      const cx = x(m.at)
      const left = Math.max(0, Math.min(width - SPIKE_WIDTH, cx - SPIKE_WIDTH / 2))
      const top = height * (1 - m.weight)
      return {
        ms: m.at,
        weight: m.weight,
        x: cx,
        path: `M${left},${height}V${top}h${SPIKE_WIDTH}V${height}Z`,
      }
    })

  const markers = [
    { name: 'p50' as const, ms: p50 },
    { name: 'p99' as const, ms: p99 },
  ].map((m) => ({ ...m, x: m.ms <= xMax ? x(m.ms) : null }))

  return { xMax, clipped, area: path, spikes, markers, description: describe(dist, p50, p99) }
}

/**
 * Where to evaluate the density: an even grid, a denser one over each part's central 99.8%
 * (a narrow peak far from 0 would fall between even samples), and both sides of every jump.
 */
function sampleDensity(dist: Distribution, xMax: number): [number, number][] {
  const xs = range(0, xMax, GRID)
  const eps = xMax * 1e-6
  for (const c of components(dist)) {
    if (pointOf(c.dist) !== null) continue
    const lo = componentQuantile(c, 0.001)
    const hi = Math.min(xMax, componentQuantile(c, 0.999))
    if (hi > lo) xs.push(...range(lo, hi, GRID / 2))
    for (const e of edgesOf(c.dist)) xs.push(e + c.shift - eps, e + c.shift + eps)
  }
  const inside = [...new Set(xs.filter((v) => v >= 0 && v <= xMax))].sort((a, b) => a - b)
  return inside.map((v) => [v, density(dist, v)])
}

function range(lo: number, hi: number, n: number): number[] {
  return Array.from({ length: n + 1 }, (_, i) => lo + ((hi - lo) * i) / n)
}

/** The next "round" number at or above v: 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 7, 8 times 10^k. */
export function niceCeil(v: number): number {
  const power = Math.pow(10, Math.floor(Math.log10(v)))
  const step = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 7, 8, 10].find((s) => s * power >= v * (1 - 1e-12))
  return (step ?? 10) * power
}

const exact = format('.3~r')
const rough = format('.2~r')

/** "40 ms", "1.2 s"; `approx` keeps two significant digits for estimates like p99. */
export function formatDelay(ms: number, approx = false): string {
  const f = approx ? rough : exact
  return ms >= 1000 ? `${f(ms / 1000)} s` : `${f(ms)} ms`
}

/** A short description for people: the kind, its defining parameters, then p50/p99. */
export function describe(dist: Distribution, p50: number, p99: number): string {
  const offset = dist.offset ? `, offset ${formatDelay(dist.offset)}` : ''
  const masses = pointMasses(dist)
  const only = masses.length === 1 ? masses[0] : undefined
  if (only && only.weight === 1) {
    const always = offset ? `, always ${formatDelay(only.at)}` : ''
    return `${kind(dist)}${offset}${always}`
  }
  const saysMedian = dist.dist === 'lognormal' && !offset
  const median = saysMedian ? '' : `, median ≈ ${formatDelay(p50, true)}`
  return `${kind(dist)}${offset}${median}, p99 ≈ ${formatDelay(p99, true)}`
}

function kind(d: Distribution): string {
  switch (d.dist) {
    case 'constant':
      return `constant ${formatDelay(d.value)}`
    case 'uniform':
      return `uniform ${formatDelay(d.min)} to ${formatDelay(d.max)}`
    case 'normal':
      return `normal, mean ${formatDelay(d.mean)}, sd ${formatDelay(d.sd)}`
    case 'exponential':
      return `exponential, mean ${formatDelay(d.mean)}`
    case 'lognormal':
      return `lognormal, median ${formatDelay(d.median)}`
    case 'pareto':
      return `Pareto, scale ${formatDelay(d.scale)}, shape ${exact(d.shape)}`
    case 'mixture': {
      const total = d.parts.reduce((s, p) => s + p.weight, 0)
      const parts = d.parts.map((p) => `${Math.round((100 * p.weight) / total)}% ${p.dist}`)
      return `mixture of ${parts.join(', ')}`
    }
  }
}
