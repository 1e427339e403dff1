import { describe, expect, it } from 'vitest'
import type { Distribution } from '../core'
import { distributionCurve, formatDelay, niceCeil } from './distribution-curve'

const size = { width: 300, height: 100 }

describe('distributionCurve', () => {
  it('describes a lognormal by its median and p99', () => {
    const sigma = Math.log(210 / 40) / 2.3263478740408408
    const curve = distributionCurve({ dist: 'lognormal', median: 40, sigma }, size)
    expect(curve.description).toBe('lognormal, median 40 ms, p99 ≈ 210 ms')
    expect(curve.xMax).toBe(250) // p99 and a little room, rounded up
    expect(curve.clipped).toBe(false)
  })

  it('draws the density as one closed area inside the plot', () => {
    const curve = distributionCurve({ dist: 'exponential', mean: 40 }, size)
    expect(curve.area).toMatch(/^M.*Z$/)
    const numbers = (curve.area ?? '').match(/-?\d+(\.\d+)?/g)?.map(Number) ?? []
    expect(Math.min(...numbers)).toBeGreaterThanOrEqual(0)
    expect(Math.max(...numbers)).toBeLessThanOrEqual(300)
    expect(curve.spikes).toEqual([])
  })

  it('places the p50 and p99 markers on the x scale', () => {
    const curve = distributionCurve({ dist: 'uniform', min: 0, max: 100 }, size)
    expect(curve.xMax).toBe(120)
    expect(curve.markers).toEqual([
      { name: 'p50', ms: 50, x: 125 },
      { name: 'p99', ms: 99, x: 247.5 },
    ])
  })

  it('draws a constant as a full-height spike and no area', () => {
    const curve = distributionCurve({ dist: 'constant', value: 40, offset: 10 }, size)
    expect(curve.area).toBeNull()
    expect(curve.spikes).toHaveLength(1)
    expect(curve.spikes[0]).toMatchObject({ ms: 50, weight: 1, x: 250 })
    expect(curve.spikes[0]?.path).toBe('M248,100V0h4V100Z')
    expect(curve.description).toBe('constant 40 ms, offset 10 ms, always 50 ms')
  })

  it('gives a point mass in a mixture a bar as tall as its share', () => {
    const d: Distribution = {
      dist: 'mixture',
      parts: [
        { dist: 'constant', value: 0, weight: 1 },
        { dist: 'exponential', mean: 50, weight: 3 },
      ],
    }
    const curve = distributionCurve(d, size)
    expect(curve.spikes).toMatchObject([{ ms: 0, weight: 0.25, x: 0 }])
    expect(curve.spikes[0]?.path).toBe('M0,100V75h4V100Z')
    expect(curve.area).not.toBeNull()
    expect(curve.description).toMatch(/^mixture of 25% constant, 75% exponential, median ≈ /)
  })

  it('caps a heavy tail at twenty medians and says so', () => {
    const curve = distributionCurve({ dist: 'pareto', scale: 10, shape: 0.7 }, size)
    const p50 = 10 * Math.pow(2, 1 / 0.7) // 27 ms, and p99 is 7.2 s
    expect(curve.clipped).toBe(true)
    expect(curve.xMax).toBe(niceCeil(20 * p50))
    expect(curve.markers[1]).toMatchObject({ name: 'p99', x: null })
    expect(curve.description).toBe('Pareto, scale 10 ms, shape 0.7, median ≈ 27 ms, p99 ≈ 7.2 s')
  })

  it('still has an axis when all the mass is at 0', () => {
    const curve = distributionCurve({ dist: 'constant', value: 0 }, size)
    expect(curve.xMax).toBe(1)
    expect(curve.spikes[0]?.path).toBe('M0,100V0h4V100Z')
  })
})

describe('niceCeil', () => {
  it.each([
    [231, 250],
    [65.6, 70],
    [1, 1],
    [1001, 1200],
    [0.34, 0.4],
  ])('rounds %d up to %d', (v, nice) => expect(niceCeil(v)).toBeCloseTo(nice, 9))
})

describe('formatDelay', () => {
  it('writes ms below a second and s above, two digits for estimates', () => {
    expect(formatDelay(40)).toBe('40 ms')
    expect(formatDelay(12.5)).toBe('12.5 ms')
    expect(formatDelay(209.3, true)).toBe('210 ms')
    expect(formatDelay(1234, true)).toBe('1.2 s')
  })
})
