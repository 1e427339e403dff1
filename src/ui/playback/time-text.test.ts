import { describe, expect, it } from 'vitest'
import { readout, scrubberText, spoken, unitFor } from './time-text'

describe('time text', () => {
  it('uses seconds for runs of a second or more, ms below', () => {
    expect(unitFor(10_000)).toBe('s')
    expect(unitFor(800)).toBe('ms')
  })

  it('keeps the readout a fixed width and trims what is spoken', () => {
    expect(readout(1250, 's')).toBe('1.25 s')
    expect(readout(10_000, 's')).toBe('10.00 s')
    expect(spoken(10_000, 's')).toBe('10 s')
    expect(spoken(249.6, 'ms')).toBe('250 ms')
  })

  it('says where the scrubber is, and how far is computed while the run grows', () => {
    expect(scrubberText(1250, 10_000, 10_000, true)).toBe('1.25 s of 10 s')
    expect(scrubberText(1250, 4000, 10_000, false)).toBe('1.25 s of 10 s, computed to 4 s')
  })
})
