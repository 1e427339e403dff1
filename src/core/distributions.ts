import type { Rng } from './random'
import type { Distribution } from './scenario/distribution'

type Simple = Exclude<Distribution, { dist: 'mixture' }>

/** Draws one delay in ms. Every distribution is non-negative; `offset` shifts it. */
export function sample(d: Distribution, rng: Rng): number {
  return sampler(d).draw(rng)
}

/**
 * A distribution made ready to draw from, one small class per kind. The engine makes one per link
 * and draws millions of delays from it: each call site then sees a single class and V8 inlines the
 * whole draw there, whereas a draw through a switch on `dist` was too big to inline, and a double
 * returned from a call that is not inlined is boxed into a fresh heap number (about a sixth of
 * what a 100k-event run allocated). The draws are the same numbers `sample` always gave.
 */
export interface Sampler {
  draw(rng: Rng): number
}

export function sampler(d: Distribution): Sampler {
  const offset = d.offset ?? 0
  return d.dist === 'mixture' ? new Mixture(d.parts, offset) : simple(d, offset)
}

function simple(d: Simple, offset: number): Sampler {
  switch (d.dist) {
    case 'constant':
      return new Constant(d.value + offset)
    case 'uniform':
      return new Uniform(d.min, d.max - d.min, offset)
    case 'normal':
      return new TruncatedNormal(d.mean, d.sd, offset)
    case 'exponential':
      return new Exponential(d.mean, offset)
    case 'lognormal':
      return new Lognormal(d.median, d.sigma, offset)
    case 'pareto':
      return new Pareto(d.scale, 1 / d.shape, offset)
  }
}

class Constant implements Sampler {
  constructor(private readonly value: number) {}
  draw(): number {
    return this.value
  }
}

class Uniform implements Sampler {
  constructor(
    private readonly min: number,
    private readonly width: number,
    private readonly offset: number,
  ) {}
  draw(rng: Rng): number {
    return this.min + rng.next() * this.width + this.offset
  }
}

class TruncatedNormal implements Sampler {
  constructor(
    private readonly mean: number,
    private readonly sd: number,
    private readonly offset: number,
  ) {}
  draw(rng: Rng): number {
    return truncatedNormal(this.mean, this.sd, rng) + this.offset
  }
}

class Exponential implements Sampler {
  constructor(
    private readonly mean: number,
    private readonly offset: number,
  ) {}
  draw(rng: Rng): number {
    return -this.mean * Math.log(1 - rng.next()) + this.offset
  }
}

class Lognormal implements Sampler {
  constructor(
    private readonly median: number,
    private readonly sigma: number,
    private readonly offset: number,
  ) {}
  draw(rng: Rng): number {
    return this.median * Math.exp(this.sigma * gaussian(rng)) + this.offset
  }
}

class Pareto implements Sampler {
  constructor(
    private readonly scale: number,
    /** 1 / shape */
    private readonly power: number,
    private readonly offset: number,
  ) {}
  draw(rng: Rng): number {
    return this.scale / Math.pow(1 - rng.next(), this.power) + this.offset
  }
}

/** Picks a part by weight with one draw, then draws from that part. */
class Mixture implements Sampler {
  private readonly weights: readonly number[]
  private readonly parts: readonly Sampler[]
  private readonly total: number

  constructor(
    parts: readonly (Simple & { weight: number })[],
    private readonly offset: number,
  ) {
    this.weights = parts.map((p) => p.weight)
    this.parts = parts.map((p) => simple(p, p.offset ?? 0))
    this.total = this.weights.reduce((s, w) => s + w, 0)
  }

  draw(rng: Rng): number {
    const parts = this.parts
    let u = rng.next() * this.total
    for (let i = 0; i < parts.length; i++) {
      u -= this.weights[i] as number
      if (u < 0) return (parts[i] as Sampler).draw(rng) + this.offset
    }
    return (parts[parts.length - 1] as Sampler).draw(rng) + this.offset
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
