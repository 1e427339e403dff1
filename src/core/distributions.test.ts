/**
 * The latency samplers against their definitions. Each test derives a statistic's distribution
 * from the definition and allows a deviation a correct sampler exceeds rarely:
 * - Kolmogorov-Smirnov: D of n iid draws exceeds 1.63/sqrt(n) with probability 0.01;
 * - a sample mean: standard error sigma/sqrt(n), from the stated variance, 4 of them allowed;
 * - a sample median: standard error 1/(2 f(m) sqrt(n)), f the density at the median m, 4 allowed.
 * The draws are seeded, so each test is one fixed sample; the bounds say how unlikely a correct
 * sampler is to fail it.
 */
import { describe, expect, it } from 'vitest'
import { meanOf, sample } from './distributions'
import { Rng } from './random'
import type { Distribution } from './scenario/distribution'

const n = 20_000

function draws(d: Distribution, name: string): number[] {
  const rng = Rng.stream(7, name)
  return Array.from({ length: n }, () => sample(d, rng))
}

function ks(values: readonly number[], cdf: (x: number) => number): number {
  const sorted = [...values].sort((a, b) => a - b)
  let d = 0
  sorted.forEach((x, i) => {
    const f = cdf(x)
    d = Math.max(d, (i + 1) / sorted.length - f, f - i / sorted.length)
  })
  return d
}
const ksCritical = 1.63 / Math.sqrt(n)

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length
const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return ((s[(n >> 1) - 1] as number) + (s[n >> 1] as number)) / 2
}

/** The standard normal CDF, by Abramowitz and Stegun 7.1.26 (error below 1.5e-7). */
function phi(z: number): number {
  const x = Math.abs(z) / Math.SQRT2
  const t = 1 / (1 + 0.3275911 * x)
  const poly =
    t *
    (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
  const erf = 1 - poly * Math.exp(-x * x)
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2
}

describe('latency samplers follow their definitions', () => {
  it('draws uniform values between min and max with a flat CDF', () => {
    const xs = draws({ dist: 'uniform', min: 10, max: 30 }, 'uniform')
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(10)
    expect(Math.max(...xs)).toBeLessThanOrEqual(30)
    expect(ks(xs, (x) => (x - 10) / 20)).toBeLessThan(ksCritical)
  })

  it('draws a normal truncated at 0 by rejection: the shape above 0, renormalised', () => {
    // Mean 10, sd 10: 16% of the mass is below 0. Rejection gives F(x) = (Phi((x-10)/10) -
    // Phi(-1)) / (1 - Phi(-1)) for x >= 0; clamping would instead put 16% of draws on 0.
    const xs = draws({ dist: 'normal', mean: 10, sd: 10 }, 'normal')
    const below = phi(-1)
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0)
    expect(ks(xs, (x) => (phi((x - 10) / 10) - below) / (1 - below))).toBeLessThan(ksCritical)
  })

  it('draws a lognormal whose median is the median given', () => {
    // Density at the median m: 1 / (m sigma sqrt(2 pi)).
    const m = 30
    const sigma = 0.8
    const se = (m * sigma * Math.sqrt(2 * Math.PI)) / (2 * Math.sqrt(n))
    expect(
      Math.abs(median(draws({ dist: 'lognormal', median: m, sigma }, 'lognormal')) - m),
    ).toBeLessThan(4 * se)
  })

  it('draws a pareto at least scale, with median scale times 2^(1/shape)', () => {
    // P(X > x) = (scale/x)^shape is 1/2 at m = scale 2^(1/shape); the density there is
    // shape / (2m), so the median's standard error is m / (shape sqrt(n)).
    const scale = 10
    const shape = 1.5
    const m = scale * Math.pow(2, 1 / shape)
    const xs = draws({ dist: 'pareto', scale, shape }, 'pareto')
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(scale)
    expect(Math.abs(median(xs) - m)).toBeLessThan((4 * m) / (shape * Math.sqrt(n)))
  })

  it('draws a mixture whose mean is the weighted mean of its parts', () => {
    // 9 parts constant 5 to 1 part exponential (mean 200, offset 5): mean 0.9·5 + 0.1·205 = 25;
    // E[X^2] = 0.9·25 + 0.1·(200^2 + 205^2) = 8225, so the variance is 8225 - 625 = 7600.
    const d: Distribution = {
      dist: 'mixture',
      parts: [
        { dist: 'constant', value: 5, weight: 9 },
        { dist: 'exponential', mean: 200, offset: 5, weight: 1 },
      ],
    }
    expect(meanOf(d)).toBeCloseTo(25, 10)
    expect(Math.abs(mean(draws(d, 'mixture')) - 25)).toBeLessThan(4 * Math.sqrt(7600 / n))
  })

  it('adds the offset to every draw, shifting the whole distribution', () => {
    const xs = draws({ dist: 'exponential', mean: 20, offset: 100 }, 'offset')
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(100)
    expect(ks(xs, (x) => 1 - Math.exp(-(x - 100) / 20))).toBeLessThan(ksCritical)
  })
})
