import type { Rng } from './random'
import type { Distribution } from './scenario/distribution'

type Simple = Exclude<Distribution, { dist: 'mixture' }>

/** Draws one delay in ms. Every distribution is non-negative; `offset` shifts it. */
export function sample(d: Distribution, rng: Rng): number {
  const base = d.dist === 'mixture' ? sampleMixture(d.parts, rng) : sampleSimple(d, rng)
  return base + (d.offset ?? 0)
}

function sampleMixture(parts: readonly (Simple & { weight: number })[], rng: Rng): number {
  let total = 0
  for (const p of parts) total += p.weight
  let u = rng.next() * total
  for (const p of parts) {
    u -= p.weight
    if (u < 0) return sample(p, rng)
  }
  return sample(parts[parts.length - 1] as Simple, rng)
}

function sampleSimple(d: Simple, rng: Rng): number {
  switch (d.dist) {
    case 'constant':
      return d.value
    case 'uniform':
      return d.min + rng.next() * (d.max - d.min)
    case 'normal':
      return truncatedNormal(d.mean, d.sd, rng)
    case 'exponential':
      return -d.mean * Math.log(1 - rng.next())
    case 'lognormal':
      return d.median * Math.exp(d.sigma * gaussian(rng))
    case 'pareto':
      return d.scale / Math.pow(1 - rng.next(), 1 / d.shape)
  }
}

/** A standard normal draw (Box-Muller, one of the pair). */
function gaussian(rng: Rng): number {
  const u1 = 1 - rng.next()
  const u2 = rng.next()
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2)
}

/**
 * Normal truncated at 0 by rejection, so the shape above 0 is kept (clamping would pile mass on
 * 0). When almost all mass is below 0 the loop gives up after a bounded number of tries.
 */
function truncatedNormal(mean: number, sd: number, rng: Rng): number {
  for (let i = 0; i < 64; i++) {
    const x = mean + sd * gaussian(rng)
    if (x >= 0) return x
  }
  return 0
}

/** The mean of a distribution where it has one in closed form (used by tests and the UI). */
export function meanOf(d: Distribution): number {
  const off = d.offset ?? 0
  switch (d.dist) {
    case 'constant':
      return d.value + off
    case 'uniform':
      return (d.min + d.max) / 2 + off
    case 'normal':
      return d.mean + off // before truncation
    case 'exponential':
      return d.mean + off
    case 'lognormal':
      return d.median * Math.exp((d.sigma * d.sigma) / 2) + off
    case 'pareto':
      return (d.shape > 1 ? (d.shape * d.scale) / (d.shape - 1) : Infinity) + off
    case 'mixture': {
      const total = d.parts.reduce((s, p) => s + p.weight, 0)
      return d.parts.reduce((s, p) => s + (p.weight / total) * meanOf(p), 0) + off
    }
  }
}
