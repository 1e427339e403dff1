import type { Distribution } from '../core'
import { normalCdf, normalPdf, normalQuantile } from './normal'

/**
 * Closed-form density, CDF and quantiles of the scenario format's latency distributions, the same
 * ones `core/distributions.ts` samples from: normal is truncated at 0 (the sampler rejects negative
 * draws), `offset` shifts the whole distribution, and a mixture's weights need not sum to 1.
 */

type Simple = Exclude<Distribution, { dist: 'mixture' }>

/** One simple distribution of a (possibly one-part) mixture: normalised weight, total shift. */
export interface Component {
  weight: number
  dist: Simple
  shift: number
}

export function components(d: Distribution): Component[] {
  const offset = d.offset ?? 0
  if (d.dist !== 'mixture') return [{ weight: 1, dist: d, shift: offset }]
  const total = d.parts.reduce((s, p) => s + p.weight, 0)
  return d.parts.map((p) => ({
    weight: p.weight / total,
    dist: p,
    shift: offset + (p.offset ?? 0),
  }))
}

/**
 * Where a component puts all its mass on one point, if it does: a constant, and the degenerate
 * cases of the others (zero width, zero spread). Such mass has no density; it is drawn as a spike.
 */
export function pointOf(d: Simple): number | null {
  switch (d.dist) {
    case 'constant':
      return d.value
    case 'uniform':
      return d.max === d.min ? d.min : null
    case 'normal':
      return d.sd === 0 ? d.mean : null
    case 'lognormal':
      return d.sigma === 0 ? d.median : null
    default:
      return null
  }
}

/** The point masses of a distribution, after offsets, with their share of the mass. */
export function pointMasses(d: Distribution): { at: number; weight: number }[] {
  return components(d).flatMap((c) => {
    const at = pointOf(c.dist)
    return at === null ? [] : [{ at: at + c.shift, weight: c.weight }]
  })
}

/** The density at x of the continuous part (point masses excluded), in 1/ms. */
export function density(d: Distribution, x: number): number {
  return components(d).reduce((s, c) => s + c.weight * simplePdf(c.dist, x - c.shift), 0)
}

/** P(delay <= x), point masses included. */
export function cdf(d: Distribution, x: number): number {
  return components(d).reduce((s, c) => s + c.weight * simpleCdf(c.dist, x - c.shift), 0)
}

/** The smallest x with P(delay <= x) >= p, for p in (0, 1). */
export function quantile(d: Distribution, p: number): number {
  const parts = components(d)
  const only = parts.length === 1 ? parts[0] : undefined
  if (only) return simpleQuantile(only.dist, p) + only.shift
  // A mixture's quantile lies between its parts' quantiles at the same p: bisect in there.
  const each = parts.map((c) => componentQuantile(c, p))
  let lo = Math.min(...each)
  let hi = Math.max(...each)
  for (let i = 0; i < 200 && hi - lo > 1e-9 * Math.max(1, hi); i++) {
    const mid = (lo + hi) / 2
    if (cdf(d, mid) >= p) hi = mid
    else lo = mid
  }
  return hi
}

/** A component's own quantile, shift included. */
export function componentQuantile(c: Component, p: number): number {
  return simpleQuantile(c.dist, p) + c.shift
}

/** Where a component's density jumps (before its shift): the curve needs a vertical edge there. */
export function edgesOf(d: Simple): number[] {
  switch (d.dist) {
    case 'uniform':
      return [d.min, d.max]
    case 'normal':
    case 'exponential':
      return [0]
    case 'pareto':
      return [d.scale]
    default:
      return []
  }
}

function simplePdf(d: Simple, x: number): number {
  if (pointOf(d) !== null) return 0
  switch (d.dist) {
    case 'constant':
      return 0
    case 'uniform':
      return x >= d.min && x <= d.max ? 1 / (d.max - d.min) : 0
    case 'normal':
      return x < 0 ? 0 : normalPdf((x - d.mean) / d.sd) / (d.sd * keptByTruncation(d))
    case 'exponential':
      return x < 0 ? 0 : Math.exp(-x / d.mean) / d.mean
    case 'lognormal':
      return x <= 0 ? 0 : normalPdf(Math.log(x / d.median) / d.sigma) / (x * d.sigma)
    case 'pareto':
      return x < d.scale ? 0 : (d.shape / x) * Math.pow(d.scale / x, d.shape)
  }
}

function simpleCdf(d: Simple, x: number): number {
  const at = pointOf(d)
  if (at !== null) return x >= at ? 1 : 0
  switch (d.dist) {
    case 'constant':
      return x >= d.value ? 1 : 0
    case 'uniform':
      return Math.min(1, Math.max(0, (x - d.min) / (d.max - d.min)))
    case 'normal': {
      if (x < 0) return 0
      const below = normalCdf(-d.mean / d.sd)
      return (normalCdf((x - d.mean) / d.sd) - below) / (1 - below)
    }
    case 'exponential':
      return x < 0 ? 0 : 1 - Math.exp(-x / d.mean)
    case 'lognormal':
      return x <= 0 ? 0 : normalCdf(Math.log(x / d.median) / d.sigma)
    case 'pareto':
      return x < d.scale ? 0 : 1 - Math.pow(d.scale / x, d.shape)
  }
}

function simpleQuantile(d: Simple, p: number): number {
  const at = pointOf(d)
  if (at !== null) return at
  switch (d.dist) {
    case 'constant':
      return d.value
    case 'uniform':
      return d.min + p * (d.max - d.min)
    case 'normal': {
      const below = normalCdf(-d.mean / d.sd)
      return Math.max(0, d.mean + d.sd * normalQuantile(below + p * (1 - below)))
    }
    case 'exponential':
      return -d.mean * Math.log(1 - p)
    case 'lognormal':
      return d.median * Math.exp(d.sigma * normalQuantile(p))
    case 'pareto':
      return d.scale * Math.pow(1 - p, -1 / d.shape)
  }
}

/** The share of a normal's mass at or above 0 (the schema keeps mean >= 0, so at least half). */
function keptByTruncation(d: { mean: number; sd: number }): number {
  return 1 - normalCdf(-d.mean / d.sd)
}
