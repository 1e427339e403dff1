import { describe, expect, it } from 'vitest'
import type { Distribution } from '../../core'
import { draftOf, parseNumber, sameDistribution, toDistribution } from './distribution-form'

describe('a latency distribution in a form', () => {
  it.each<Distribution>([
    { dist: 'constant', value: 10 },
    { dist: 'uniform', min: 5, max: 50, offset: 2 },
    { dist: 'lognormal', median: 40, sigma: 0.7 },
    { dist: 'pareto', scale: 20, shape: 1.5 },
  ])('comes back unchanged from its own draft: %o', (dist) => {
    const back = toDistribution(draftOf(dist))
    expect(back).toEqual({ ok: true, dist })
  })

  it('keeps what was typed across kinds and fills the rest with defaults', () => {
    const draft = { ...draftOf({ dist: 'exponential', mean: 70 }), kind: 'normal' as const }
    expect(toDistribution(draft)).toEqual({ ok: true, dist: { dist: 'normal', mean: 70, sd: 10 } })
  })

  it('names each field that is not a number, and refuses to edit a mixture', () => {
    const draft = draftOf({ dist: 'uniform', min: 1, max: 2 })
    expect(
      toDistribution({ ...draft, values: { ...draft.values, max: '1e3', offset: '' } }),
    ).toEqual({
      ok: false,
      problems: [
        { field: 'max', message: 'must be a number' },
        { field: 'offset', message: 'must be a number' },
      ],
    })
    const mixture: Distribution = {
      dist: 'mixture',
      parts: [{ dist: 'constant', value: 1, weight: 1 }],
    }
    expect(toDistribution(draftOf(mixture)).ok).toBe(false)
  })

  it('reads decimal numbers only', () => {
    expect([' 12 ', '0.5', '.5', '-3', '1e3', '0x10', '', 'ten'].map(parseNumber)).toEqual([
      12,
      0.5,
      0.5,
      -3,
      null,
      null,
      null,
      null,
    ])
  })

  it('compares distributions by value, an offset of 0 being no offset', () => {
    expect(
      sameDistribution(
        { dist: 'uniform', min: 1, max: 2 },
        { dist: 'uniform', max: 2, min: 1, offset: 0 },
      ),
    ).toBe(true)
    expect(sameDistribution({ dist: 'constant', value: 1 }, { dist: 'constant', value: 2 })).toBe(
      false,
    )
  })
})
