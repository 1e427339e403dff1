import { describe, expect, it } from 'vitest'
import type { Distribution } from '../core'
import { cdf, density, pointMasses, quantile } from './distribution-maths'
import { normalCdf, normalQuantile } from './normal'

/** Trapezoid rule on a geometric grid: fine near 0, reaching far into heavy tails. */
function integral(d: Distribution, upTo: number): number {
  const n = 200_000
  const lo = 1e-6
  let sum = 0
  let prevX = 0
  let prevY = density(d, 0)
  for (let i = 0; i <= n; i++) {
    const x = lo * Math.pow(upTo / lo, i / n)
    const y = density(d, x)
    sum += ((x - prevX) * (y + prevY)) / 2
    prevX = x
    prevY = y
  }
  return sum
}

const continuous: [string, Distribution][] = [
  ['uniform', { dist: 'uniform', min: 20, max: 60 }],
  ['normal far from 0', { dist: 'normal', mean: 50, sd: 10 }],
  ['normal truncated at 0', { dist: 'normal', mean: 5, sd: 20 }],
  ['exponential', { dist: 'exponential', mean: 40 }],
  ['lognormal', { dist: 'lognormal', median: 40, sigma: 0.7 }],
  ['wide lognormal', { dist: 'lognormal', median: 40, sigma: 2 }],
  ['Pareto', { dist: 'pareto', scale: 10, shape: 2.5 }],
  ['heavy Pareto', { dist: 'pareto', scale: 10, shape: 0.8 }],
  ['shifted exponential', { dist: 'exponential', mean: 40, offset: 100 }],
  [
    'mixture with unnormalised weights',
    {
      dist: 'mixture',
      parts: [
        { dist: 'lognormal', median: 20, sigma: 0.5, weight: 3 },
        { dist: 'uniform', min: 200, max: 400, weight: 1, offset: 50 },
      ],
    },
  ],
]

describe('density', () => {
  it.each(continuous)('of a %s integrates to 1 over [0, ∞)', (_, d) => {
    const far = quantile(d, 1 - 1e-7)
    expect(integral(d, far)).toBeCloseTo(1, 3)
  })

  it('is 0 below the offset and shifts with it', () => {
    const d: Distribution = { dist: 'exponential', mean: 40, offset: 100 }
    expect(density(d, 99)).toBe(0)
    expect(density(d, 100)).toBeCloseTo(1 / 40, 12)
    expect(density(d, 140)).toBeCloseTo(density({ dist: 'exponential', mean: 40 }, 40), 12)
  })

  it('of a truncated normal is the normal rescaled by the mass kept above 0', () => {
    const d: Distribution = { dist: 'normal', mean: 0, sd: 10 }
    expect(density(d, -1)).toBe(0)
    // Half the mass is cut off, so the density doubles.
    expect(density(d, 0)).toBeCloseTo((2 * 1) / (10 * Math.sqrt(2 * Math.PI)), 6)
  })
})

describe('a constant', () => {
  it('has no density, one point mass, and a step CDF', () => {
    const d: Distribution = { dist: 'constant', value: 40, offset: 10 }
    expect(density(d, 50)).toBe(0)
    expect(pointMasses(d)).toEqual([{ at: 50, weight: 1 }])
    expect(cdf(d, 49.9)).toBe(0)
    expect(cdf(d, 50)).toBe(1)
    expect(quantile(d, 0.5)).toBe(50)
    expect(quantile(d, 0.99)).toBe(50)
  })

  it.each<[string, Distribution, number]>([
    ['a zero-width uniform', { dist: 'uniform', min: 30, max: 30 }, 30],
    ['a normal with sd 0', { dist: 'normal', mean: 25, sd: 0 }, 25],
    ['a lognormal with sigma 0', { dist: 'lognormal', median: 12, sigma: 0 }, 12],
  ])('is what %s degenerates to', (_, d, at) => {
    expect(pointMasses(d)).toEqual([{ at, weight: 1 }])
    expect(density(d, at)).toBe(0)
    expect(quantile(d, 0.99)).toBe(at)
  })
})

describe('quantile', () => {
  it('of an exponential: the median is mean·ln 2', () => {
    expect(quantile({ dist: 'exponential', mean: 40 }, 0.5)).toBeCloseTo(40 * Math.LN2, 9)
  })

  it('of a uniform is linear between min and max', () => {
    const d: Distribution = { dist: 'uniform', min: 20, max: 60 }
    expect(quantile(d, 0.5)).toBe(40)
    expect(quantile(d, 0.99)).toBeCloseTo(59.6, 9)
  })

  it('of a lognormal: the median is the median parameter, p99 is median·e^(2.326σ)', () => {
    const d: Distribution = { dist: 'lognormal', median: 40, sigma: 0.7 }
    expect(quantile(d, 0.5)).toBeCloseTo(40, 9)
    expect(quantile(d, 0.99)).toBeCloseTo(40 * Math.exp(0.7 * 2.3263478740408408), 4)
  })

  it('of a Pareto: the median is scale·2^(1/shape)', () => {
    expect(quantile({ dist: 'pareto', scale: 10, shape: 2 }, 0.5)).toBeCloseTo(10 * Math.SQRT2, 9)
  })

  it('adds the offset', () => {
    expect(quantile({ dist: 'uniform', min: 0, max: 10, offset: 5 }, 0.5)).toBe(10)
  })

  it.each(continuous)('inverts the CDF of a %s', (_, d) => {
    for (const p of [0.01, 0.25, 0.5, 0.9, 0.99]) expect(cdf(d, quantile(d, p))).toBeCloseTo(p, 6)
  })

  it('of a mixture normalises the weights', () => {
    // 3:1 of two uniforms that do not overlap: 75% of the mass is below 10.
    const d: Distribution = {
      dist: 'mixture',
      parts: [
        { dist: 'uniform', min: 0, max: 10, weight: 300 },
        { dist: 'uniform', min: 100, max: 110, weight: 100 },
      ],
    }
    expect(cdf(d, 10)).toBeCloseTo(0.75, 12)
    expect(quantile(d, 0.5)).toBeCloseTo(20 / 3, 6)
    expect(quantile(d, 0.875)).toBeCloseTo(105, 6)
  })

  it('of a mixture with a constant part jumps over the point mass', () => {
    const d: Distribution = {
      dist: 'mixture',
      offset: 10,
      parts: [
        { dist: 'constant', value: 5, weight: 1 },
        { dist: 'uniform', min: 100, max: 200, weight: 1 },
      ],
    }
    expect(pointMasses(d)).toEqual([{ at: 15, weight: 0.5 }])
    expect(quantile(d, 0.25)).toBeCloseTo(15, 6)
    expect(quantile(d, 0.75)).toBeCloseTo(160, 6)
  })
})

describe('the standard normal', () => {
  it('has its textbook quantiles', () => {
    expect(normalQuantile(0.5)).toBeCloseTo(0, 9)
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5)
    expect(normalQuantile(0.01)).toBeCloseTo(-2.326348, 5)
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6)
  })
})
