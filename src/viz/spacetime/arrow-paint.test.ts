import { describe, expect, it } from 'vitest'
import { arrowPaint, ONE_STROKE_EACH_UP_TO, PAINTED_AT_MOST } from './arrow-paint'
import type { ArrowMark } from './spacetime-layout'

const WIDTH = 1000

/** `n` first copies sent evenly across the plot, every `lateEvery`-th one out of order. */
function arrows(n: number, lateEvery = 0): ArrowMark[] {
  return Array.from({ length: n }, (_, i) => {
    const x = (i / n) * WIDTH
    return {
      send: i,
      position: i + 1,
      projection: 0,
      kind: 'first',
      outcome: 'applied',
      reason: null,
      outOfOrder: lateEvery > 0 && i % lateEvery === 0,
      end: 'arrived',
      sentAt: i,
      endAt: i + 20,
      appliedAt: null,
      x1: x,
      y1: 10,
      x2: x + 2,
      y2: 60,
    }
  })
}

const sends = (paths: ReturnType<typeof arrowPaint>['paths']) =>
  paths.flatMap((p) => p.arrows.map((a) => a.send))

describe('arrowPaint', () => {
  it('strokes each arrow on its own, in send order, up to the limit', () => {
    const all = arrows(ONE_STROKE_EACH_UP_TO, 7)
    const { paths, k } = arrowPaint(all, WIDTH)
    expect(k).toBe(1)
    expect(paths).toHaveLength(all.length)
    expect(paths.every((p) => p.arrows.length === 1)).toBe(true)
    expect(sends(paths)).toEqual(all.map((a) => a.send))
  })

  it('beyond it, paints every arrow once, one style per path, the arrows of a path ~3 px apart', () => {
    const all = arrows(30_000, 5)
    const { paths, k } = arrowPaint(all, WIDTH)
    expect(k).toBe(1)
    expect(paths.length).toBeLessThan(200)
    expect([...sends(paths)].sort((a, b) => a - b)).toEqual(all.map((a) => a.send))
    for (const p of paths) {
      const late = p.arrows[0]?.outOfOrder
      expect(p.arrows.every((a) => a.outOfOrder === late)).toBe(true)
      for (let i = 1; i < p.arrows.length; i++)
        expect((p.arrows[i] as ArrowMark).x1 - (p.arrows[i - 1] as ArrowMark).x1).toBeGreaterThan(
          2.9,
        )
    }
  })

  it('past the paint limit, paints every k-th arrow of each style and says what k is', () => {
    const all = arrows(4 * PAINTED_AT_MOST, 10)
    const { paths, k } = arrowPaint(all, WIDTH)
    expect(k).toBe(4)
    const painted = sends(paths)
    expect(painted.length).toBeLessThanOrEqual(PAINTED_AT_MOST + 2)
    expect(painted.length).toBeGreaterThan(PAINTED_AT_MOST - 2)
    expect(new Set(painted).size).toBe(painted.length)
    // Both styles keep their share: a tenth of the arrows are out of order, and of the painted.
    const late = paths.filter((p) => p.arrows[0]?.outOfOrder).flatMap((p) => p.arrows).length
    expect(late / painted.length).toBeCloseTo(0.1, 2)
  })
})
