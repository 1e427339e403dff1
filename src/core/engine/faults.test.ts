/**
 * Partitions, crashes and loss: what each one drops, and whether the run recovers from it.
 */
import { describe, expect, it } from 'vitest'
import { simulate, type CommandSpec, type Result } from '../index'
import { deliveriesTo, scenario } from '../testing'

/** One new todo per time given, so that each position is its own key. */
const adds = (...times: number[]): CommandSpec[] =>
  times.map((at, i) => ({ at, type: 'AddTodo', data: { id: `t${i + 1}`, title: 'x' } }))

/** At-least-once push over a link with a constant latency of 100 ms. */
const steady = {
  id: 'p',
  delivery: { mode: 'push' as const, guarantee: 'at-least-once' as const, ackTimeout: 300 },
  link: { latency: { dist: 'constant' as const, value: 100 } },
}

const outcomeOf = (result: Result, position: number) =>
  deliveriesTo(result, 'p').find((d) => d.position === position && d.kind === 'first')

describe('a partition', () => {
  const from = 1000
  const to = 2000

  it('drops exactly the copies whose time on the wire overlaps it', () => {
    const result = simulate(
      scenario({
        seed: 31,
        until: 4000,
        workload: { rate: 20, count: 80, keys: 10, mix: { RenameTodo: 1 } },
        projections: [
          {
            ...steady,
            link: { latency: { dist: 'exponential', mean: 80 }, loss: 0.1 },
          },
        ],
        faults: [{ type: 'partition', projection: 'p', from, to }],
      }),
      { trace: true },
    )
    const arrived = deliveriesTo(result, 'p').filter((d) => d.arrivedAt !== null)
    const cut = arrived.filter((d) => d.reason === 'partition')
    expect(cut.length).toBeGreaterThan(0)
    for (const d of arrived)
      expect(d.reason === 'partition').toBe(d.sentAt < to && (d.arrivedAt as number) >= from)
  })

  it('drops a copy that arrives as it opens or that was sent before it healed', () => {
    const result = simulate(
      scenario({
        until: 3000,
        commands: adds(850, 900, 1950, 2000),
        projections: [steady],
        faults: [{ type: 'partition', projection: 'p', from, to }],
      }),
      { trace: true },
    )
    expect(outcomeOf(result, 1)).toMatchObject({ arrivedAt: 950, outcome: 'applied' })
    expect(outcomeOf(result, 2)).toMatchObject({ arrivedAt: 1000, reason: 'partition' })
    expect(outcomeOf(result, 3)).toMatchObject({ arrivedAt: 2050, reason: 'partition' })
    expect(outcomeOf(result, 4)).toMatchObject({ arrivedAt: 2100, outcome: 'applied' })
  })

  it('is recovered from by redelivery once it heals', () => {
    const result = simulate(
      scenario({
        until: 3000,
        commands: adds(500, 1200, 1500, 1900),
        projections: [steady],
        faults: [{ type: 'partition', projection: 'p', from, to }],
      }),
    )
    const p = result.projections.p
    expect(p?.stats.dropped).toBeGreaterThan(0)
    expect(p?.consistent).toBe(true)
    expect(p?.convergedAt).toBeGreaterThan(to)
    expect(result.ended.reason).toBe('quiet')
  })

  it.each([
    ['push', steady],
    ['pull', { id: 'p', delivery: { mode: 'pull' as const, interval: 200 } }],
  ])('that never heals ends a %s run at the bound, until + settle', (_, projection) => {
    const result = simulate(
      scenario({
        until: 3000,
        settle: 5000,
        commands: adds(500, 1500),
        projections: [projection],
        faults: [{ type: 'partition', projection: 'p', from: 1000 }],
      }),
    )
    expect(result.ended).toEqual({ at: 8000, reason: 'bound' })
    expect(result.projections.p?.consistent).toBe(false)
  })
})

describe('a crash', () => {
  const at = 1000
  const restartAt = 2000

  it('drops what arrives while the service is down, and only that', () => {
    const result = simulate(
      scenario({
        until: 3000,
        commands: adds(850, 900, 1500, 1899, 1900),
        projections: [steady],
        faults: [{ type: 'crash', projection: 'p', at, restartAt }],
      }),
      { trace: true },
    )
    for (const d of deliveriesTo(result, 'p')) {
      const down = d.arrivedAt !== null && d.arrivedAt >= at && d.arrivedAt < restartAt
      expect(d.reason === 'crash').toBe(down)
    }
    expect(outcomeOf(result, 2)).toMatchObject({ arrivedAt: 1000, reason: 'crash' })
    expect(outcomeOf(result, 4)).toMatchObject({ arrivedAt: 1999, reason: 'crash' })
    expect(outcomeOf(result, 5)).toMatchObject({ arrivedAt: 2000, outcome: 'applied' })
    expect(result.projections.p?.consistent).toBe(true)
  })

  it('stops a puller from polling while it is down', () => {
    const latency = 20
    const result = simulate(
      scenario({
        until: 3000,
        commands: adds(...Array.from({ length: 30 }, (_, i) => i * 100)),
        projections: [
          {
            id: 'p',
            delivery: { mode: 'pull', interval: 100, batch: 1 },
            link: { latency: { dist: 'constant', value: latency } },
          },
        ],
        faults: [{ type: 'crash', projection: 'p', at, restartAt }],
      }),
      { trace: true },
    )
    // The store answers a request L after it was sent: no request left while the service was down.
    const requests = deliveriesTo(result, 'p').map((d) => d.sentAt - latency)
    expect(requests.some((t) => t >= at && t < restartAt)).toBe(false)
    expect(requests.some((t) => t >= restartAt)).toBe(true)
    expect(result.projections.p?.consistent).toBe(true)
  })
})

describe('at-most-once delivery over a lossy link', () => {
  const times = Array.from({ length: 20 }, (_, i) => i * 50)
  const result = simulate(
    scenario({
      seed: 32,
      until: 2000,
      commands: adds(...times),
      projections: [
        {
          id: 'p',
          delivery: { mode: 'push', guarantee: 'at-most-once' },
          link: { latency: { dist: 'constant', value: 10 }, loss: 0.3 },
        },
      ],
    }),
    { trace: true },
  )
  const p = result.projections.p
  const sent = deliveriesTo(result, 'p')
  const lost = sent.filter((d) => d.outcome === 'dropped').map((d) => d.position)
  const applied = sent.filter((d) => d.outcome === 'applied').map((d) => d.position)

  it('loses each event for good, so the projection stays behind and inconsistent', () => {
    expect(lost.length).toBeGreaterThan(0)
    expect(sent.every((d) => d.kind === 'first')).toBe(true)
    expect(sent.filter((d) => d.outcome === 'dropped').every((d) => d.reason === 'loss')).toBe(true)
    expect(p?.stats).toMatchObject({ sent: 20, dropped: lost.length, redelivered: 0 })
    expect(Object.keys(p?.state ?? {}).sort()).toEqual(applied.map((i) => `t${i}`).sort())
    expect(p?.consistent).toBe(false)
    expect(p?.convergedAt).toBeNull()
  })

  it('reports the checkpoint as the highest position applied and the lag it was left with', () => {
    expect(p?.checkpoint).toBe(Math.max(...applied))
    expect(p?.series?.behind.at(-1)).toBe(lost.length)
    expect(p?.lag.maxEvents).toBeGreaterThanOrEqual(lost.length)
    // The first event lost is the oldest one missing from then to the end of the run.
    const firstLost = Math.min(...lost)
    expect(p?.lag.maxMs).toBe(result.ended.at - (times[firstLost - 1] as number))
  })
})
