import { describe, expect, it } from 'vitest'
import type { FaultSpec, ProjectionSpec } from '../../core'
import { theoreticalCdf } from './theory'

/** A projection spec as the parser fills it in: push at least once over a clean 10 ms link. */
function spec(changes: {
  handler?: ProjectionSpec['handler']
  delivery?: ProjectionSpec['delivery']
  link?: Partial<ProjectionSpec['link']>
}): ProjectionSpec {
  return {
    id: 'p',
    handler: changes.handler ?? 'naive',
    delivery: changes.delivery ?? { mode: 'push', guarantee: 'at-least-once', ackTimeout: 200 },
    link: {
      latency: { dist: 'constant', value: 10 },
      loss: 0,
      duplicate: 0,
      reorder: { p: 0, extra: { dist: 'uniform', min: 0, max: 500 } },
      ...changes.link,
    },
  }
}

const atMostOnce = { mode: 'push', guarantee: 'at-most-once', ackTimeout: 200 } as const
const exponential = { latency: { dist: 'exponential', mean: 50 } } as const

describe('theoreticalCdf', () => {
  it('gives 1 - e^(-t/m) for at-most-once push over exponential latency', () => {
    const theory = theoreticalCdf(spec({ delivery: atMostOnce, link: exponential }))
    expect(theory?.label).toBe('theory (exponential push)')
    for (const t of [0, 10, 50, 200]) expect(theory?.cdf(t)).toBeCloseTo(1 - Math.exp(-t / 50), 9)
  })

  it('multiplies in the survival of each redelivered copy after the ack timeout', () => {
    const delivery = { mode: 'push', guarantee: 'at-least-once', ackTimeout: 40 } as const
    const cdf = theoreticalCdf(spec({ delivery, link: exponential }))?.cdf
    // Before the first timeout only the first copy is out; at 100 ms, copies sent at 0, 40, 80.
    expect(cdf?.(30)).toBeCloseTo(1 - Math.exp(-30 / 50), 9)
    expect(cdf?.(100)).toBeCloseTo(1 - Math.exp(-(100 + 60 + 20) / 50), 9)
  })

  it('steps at a constant latency (and its offset) whatever the ack timeout', () => {
    const cdf = theoreticalCdf(
      spec({
        delivery: { mode: 'push', guarantee: 'at-least-once', ackTimeout: 5 },
        link: { latency: { dist: 'constant', value: 30, offset: 5 } },
      }),
    )?.cdf
    expect([cdf?.(34.9), cdf?.(35), cdf?.(100)]).toEqual([0, 1, 1])
  })

  it('makes pull with constant latency L uniform on [L, I + L)', () => {
    const theory = theoreticalCdf(
      spec({
        delivery: { mode: 'pull', interval: 500, batch: 100 },
        link: { latency: { dist: 'constant', value: 20 } },
      }),
    )
    expect(theory?.exact).toBe(true)
    expect([theory?.cdf(20), theory?.cdf(270), theory?.cdf(520), theory?.cdf(900)]).toEqual([
      0, 0.5, 1, 1,
    ])
  })

  it('approximates pull with a random latency and says so', () => {
    const theory = theoreticalCdf(
      spec({ delivery: { mode: 'pull', interval: 500, batch: 100 }, link: exponential }),
    )
    expect(theory?.exact).toBe(false)
    expect(theory?.note).toMatch(/^approximation/)
    // Uniform wait plus an exponential answer: the mean is I/2 + m, so the CDF at 300 ms is
    // (1/I) (300 - m (1 - e^(-300/m))) by integrating 1 - e^(-(t-u)/m) over u in [0, 300].
    expect(theory?.cdf(300)).toBeCloseTo((300 - 50 * (1 - Math.exp(-6))) / 500, 3)
  })

  it.each([
    ['loss', spec({ link: { loss: 0.1 } })],
    ['duplication', spec({ link: { duplicate: 0.1 } })],
    ['reordering', spec({ link: { reorder: { p: 0.1, extra: { dist: 'constant', value: 9 } } } })],
    ['a script', spec({ link: { script: [{ position: 1, at: 5 }] } })],
    ['an ordered handler over a random latency', spec({ handler: 'ordered', link: exponential })],
  ])('has no formula with %s', (_name, s) => {
    expect(theoreticalCdf(s)).toBeNull()
  })

  it('has no formula when a fault hits the projection, and ignores faults elsewhere', () => {
    const crash: FaultSpec = { type: 'crash', projection: 'p', at: 10 }
    const elsewhere: FaultSpec = { type: 'partition', projection: 'q', from: 10 }
    expect(theoreticalCdf(spec({}), [crash])).toBeNull()
    expect(theoreticalCdf(spec({}), [elsewhere])).not.toBeNull()
  })
})
