import { describe, expect, it } from 'vitest'
import { SPEEDS, fasterSpeed, slowerSpeed, speedIndex, speedLabel } from './speeds'

describe('speeds', () => {
  it('go up in steps of 2, 2.5 and 2 per decade (even on a log scale)', () => {
    for (let i = 1; i < SPEEDS.length; i++) {
      const ratio = (SPEEDS[i] ?? 0) / (SPEEDS[i - 1] ?? 1)
      expect(ratio).toBeGreaterThanOrEqual(2)
      expect(ratio).toBeLessThanOrEqual(2.5)
    }
  })

  it('faster and slower move one step and stop at the ends', () => {
    expect(fasterSpeed(1)).toBe(2)
    expect(slowerSpeed(1)).toBe(0.5)
    expect(fasterSpeed(100)).toBe(100)
    expect(slowerSpeed(0.1)).toBe(0.1)
  })

  it('faster and slower work from a speed that is not one of the steps', () => {
    expect(fasterSpeed(3)).toBe(5)
    expect(slowerSpeed(3)).toBe(2)
  })

  it('a speed maps to its nearest step for the slider', () => {
    expect(speedIndex(2)).toBe(4)
    expect(speedIndex(3)).toBe(4) // 3 is nearer 2 than 5 on a log scale
    expect(speedIndex(1000)).toBe(SPEEDS.length - 1)
    expect(speedLabel(0.5)).toBe('0.5×')
  })
})
