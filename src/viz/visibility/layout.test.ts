import { describe, expect, it } from 'vitest'
import { visibilityLayout } from './layout'

const size = { width: 200, height: 100 }

describe('visibilityLayout', () => {
  it('draws the empirical CDF as steps from (0, 0) to the axis end', () => {
    const layout = visibilityLayout([{ times: [20, 10, 30, 40], theory: null }], {
      ...size,
      xMax: 50,
    })
    // x: 4 px per ms; y: 100 px per unit, downwards. Risers at 10, 20, 30, 40 ms (the last
    // point repeats: d3's step-after ends with a zero-height riser at the axis end).
    expect(layout.curves[0]?.empirical).toBe(
      'M0,100L40,100L40,75L80,75L80,50L120,50L120,25L160,25L160,0L200,0L200,0',
    )
    expect(layout.curves[0]?.samples).toBe(4)
    expect(layout.curves[0]?.theory).toBeNull()
  })

  it('puts p50, p90 and p99 on the risers of their nearest-rank times', () => {
    const times = Array.from({ length: 10 }, (_, i) => (i + 1) * 10)
    const layout = visibilityLayout([{ times, theory: null }], { ...size, xMax: 200 })
    const markers = layout.curves[0]?.markers.map((m) => ({ ...m, y: Math.round(m.y * 1e9) / 1e9 }))
    expect(markers).toEqual([
      { name: 'p50', q: 0.5, ms: 50, x: 50, y: 50 },
      { name: 'p90', q: 0.9, ms: 90, x: 90, y: 10 },
      { name: 'p99', q: 0.99, ms: 100, x: 100, y: 1 },
    ])
  })

  it('stops the axis a little past the largest p99 and clips a longer tail', () => {
    const times = [...Array.from({ length: 99 }, (_, i) => i + 1), 10_000]
    const layout = visibilityLayout([{ times, theory: null }], size)
    expect(layout.xMax).toBe(120) // p99 = 99 ms, plus 10%, rounded up
    expect(layout.curves[0]?.markers.map((m) => m.x)).toEqual([
      (50 / 120) * 200,
      (90 / 120) * 200,
      (99 / 120) * 200,
    ])
    // The outlier does not reach the axis: the curve ends at 99% on the right edge.
    expect(layout.curves[0]?.empirical).toMatch(/L200,1$/)
  })

  it('samples a theory curve across the whole axis, monotone between 0 and 1', () => {
    const layout = visibilityLayout([{ times: [], theory: (t) => 1 - Math.exp(-t / 20) }], size)
    const path = layout.curves[0]?.theory ?? ''
    expect(path).toMatch(/^M0,100/)
    // Every number of M, L and C commands is part of an x,y pair: the odd ones are the ys.
    const ys = (path.match(/-?[\d.]+/g) ?? []).map(Number).filter((_, i) => i % 2 === 1)
    expect(ys.length).toBeGreaterThan(400)
    expect(ys).toEqual([...ys].sort((a, b) => b - a)) // rising CDF: pixels go up the plot
    expect(Math.min(...ys)).toBeGreaterThanOrEqual(0)
    expect(Math.max(...ys)).toBeLessThanOrEqual(100)
    // With no samples the axis comes from the theory's 99% point (92 ms): 110 ms.
    expect(layout.xMax).toBe(120)
    expect(layout.curves[0]?.empirical).toBeNull()
    expect(layout.curves[0]?.markers).toEqual([])
  })

  it('labels the axes in ms and percent', () => {
    const layout = visibilityLayout([{ times: [100, 200], theory: null }], { ...size, xMax: 2000 })
    expect(layout.xTicks.map((t) => t.label)).toEqual(['0', '500 ms', '1 s', '1.5 s', '2 s'])
    expect(layout.yTicks.map((t) => [t.label, t.at])).toEqual([
      ['0%', 100],
      ['25%', 75],
      ['50%', 50],
      ['75%', 25],
      ['100%', 0],
    ])
  })
})
