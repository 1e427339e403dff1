/**
 * The trace view is what the timelines draw: each of its facts must agree with the engine's own
 * measures and with the result's trace, so that a mark on screen never disagrees with a number.
 */
import { describe, expect, it } from 'vitest'
import { buildResult, Simulation } from '../index'
import { scenario, threeTodosScripted } from '../testing'
import { traceView } from './trace-view'

const add = (at: number, id: string) => ({ at, type: 'AddTodo', data: { id, title: id } })
const rename = (at: number, id: string, title: string) => ({
  at,
  type: 'RenameTodo',
  data: { id, title },
})

describe('the trace view of a scripted run', () => {
  // Three events; the link delivers 1 at 100, 2 at 80, 3 at 50 and 1 again at 120.
  const s = threeTodosScripted(
    [
      { position: 1, at: 100 },
      { position: 2, at: 80 },
      { position: 3, at: 50 },
      { position: 1, at: 120 },
    ],
    { reads: [{ at: 60, projection: 'p', key: 't3', mode: 'eventual' }] },
  )
  const sim = new Simulation(s)
  sim.run()
  const view = traceView(sim)

  it('lists the appends and each copy with its kind, times and outcome', () => {
    expect(view.projections).toEqual(['p'])
    expect(view.events.map((e) => [e.position, e.at])).toEqual([
      [1, 0],
      [2, 10],
      [3, 20],
    ])
    const arrivals = view.deliveries
      .filter((d) => d.arrivedAt !== null)
      .map((d) => [d.position, d.arrivedAt, d.kind, d.outcome, d.outOfOrder])
    expect(arrivals).toEqual([
      [1, 100, 'first', 'applied', true],
      // A scripted link sends each listed copy on its own; the second copy of 1 is a repeat.
      [1, 120, 'first', 'applied', false],
      [2, 80, 'first', 'applied', true],
      [3, 50, 'first', 'applied', false],
    ])
  })

  it('marks as out of order the copies that arrive after a later position', () => {
    // 3 arrives first (50), then 2 (80 < 3 came before it), then 1 (100): 2 and 1 are late.
    const late = view.deliveries.filter((d) => d.outOfOrder).map((d) => d.position)
    expect(late.sort()).toEqual([1, 2])
    expect(late.length).toBe(sim.projections[0]?.stats.outOfOrder)
  })

  it('carries the reads with their answers, freshness and cost', () => {
    expect(view.reads).toEqual([
      {
        index: 0,
        command: -1,
        projection: 0,
        at: 60,
        answeredAt: 60,
        key: 't3',
        mode: 'eventual',
        client: null,
        value: sim.truthRows[sim.keys.find('t3')],
        fresh: true,
        cost: 0,
        timedOut: false,
        repaired: false,
      },
    ])
  })
})

describe('the trace view agrees with the engine on a faulty run', () => {
  const s = scenario({
    until: 3000,
    workload: { rate: 200, count: 400, keys: 12, mix: { RenameTodo: 1 } },
    projections: ['a', 'b'].map((id) => ({
      id,
      delivery: { mode: 'push' as const, guarantee: 'at-least-once' as const, ackTimeout: 120 },
      link: {
        latency: { dist: 'exponential' as const, mean: 40 },
        loss: 0.1,
        duplicate: 0.1,
        reorder: { p: 0.2, extra: { dist: 'uniform' as const, min: 0, max: 150 } },
      },
    })),
    faults: [
      { type: 'partition', projection: 'a', from: 500, to: 900 },
      { type: 'crash', projection: 'b', at: 1200, restartAt: 1500 },
    ],
    commands: [add(0, 'x'), rename(5, 'x', 'y')],
  })
  const sim = new Simulation(s)
  sim.run()
  const view = traceView(sim)
  const result = buildResult(sim, { trace: true })

  it('has the same copies as the result’s trace, in the same order', () => {
    expect(view.deliveries.length).toBe(result.deliveries?.length)
    view.deliveries.forEach((d, i) => {
      const r = result.deliveries?.[i]
      expect([view.projections[d.projection], d.position, d.sentAt, d.arrivedAt, d.kind]).toEqual([
        r?.projection,
        r?.position,
        r?.sentAt,
        r?.arrivedAt,
        r?.kind,
      ])
      expect(d.outcome).toBe(r?.outcome)
      expect(d.reason).toBe(r?.reason ?? null)
      expect(d.appliedAt).toBe(r?.appliedAt ?? null)
    })
  })

  it('counts out-of-order arrivals, losses and duplicates as the projections do', () => {
    sim.projections.forEach((p, i) => {
      const mine = view.deliveries.filter((d) => d.projection === i)
      expect(mine.filter((d) => d.outOfOrder).length).toBe(p.stats.outOfOrder)
      expect(mine.filter((d) => d.outOfOrder).length).toBeGreaterThan(0)
      expect(mine.filter((d) => d.outcome === 'dropped').length).toBe(p.stats.dropped)
      expect(mine.filter((d) => d.kind === 'duplicate').length).toBeGreaterThan(0)
      // A copy lost on the way has the time it was lost, and no arrival.
      for (const d of mine.filter((x) => x.lostAt !== null)) {
        expect(d.arrivedAt).toBeNull()
        expect(d.lostAt).toBeGreaterThanOrEqual(d.sentAt)
      }
    })
  })

  it('has the partition and the crash as windows on their lanes', () => {
    expect(view.windows).toEqual([
      { projection: 0, kind: 'partition', from: 500, to: 900 },
      { projection: 1, kind: 'down', from: 1200, to: 1500 },
    ])
  })

  it('has the series and convergence the result reports', () => {
    view.projections.forEach((id, i) => {
      expect(view.series[i]).toEqual(result.projections[id]?.series)
      expect(view.convergedAt[i]).toBe(result.projections[id]?.convergedAt)
    })
    expect(view.anomalies).toEqual(result.anomalies)
  })

  it('covers the run up to the instant it is at, no further', () => {
    const early = new Simulation(s)
    early.runUntil({ time: 700 })
    const partial = traceView(early)
    expect(partial.now).toBe(700)
    expect(partial.events.every((e) => e.at <= 700)).toBe(true)
    expect(partial.deliveries.every((d) => d.sentAt <= 700)).toBe(true)
    // The partition has begun and not yet healed.
    expect(partial.windows).toEqual([{ projection: 0, kind: 'partition', from: 500, to: null }])
  })
})

describe('the trace view of a pull subscriber', () => {
  it('lists each poll with the time and size of its answer', () => {
    const s = scenario({
      commands: [add(0, 't1'), add(150, 't2')],
      until: 1000,
      projections: [
        {
          id: 'p',
          delivery: { mode: 'pull', interval: 100, batch: 10 },
          link: { latency: { dist: 'constant', value: 10 } },
        },
      ],
    })
    const sim = new Simulation(s)
    sim.runUntil({ time: 400 })
    const polls = traceView(sim).polls
    expect(polls.length).toBeGreaterThan(2)
    for (const p of polls) {
      expect(p.projection).toBe(0)
      if (p.answeredAt !== null) expect(p.answeredAt).toBe(p.sentAt + 10)
    }
    // Each event comes back in exactly one answer.
    expect(polls.reduce((n, p) => n + (p.count ?? 0), 0)).toBe(2)
  })
})
