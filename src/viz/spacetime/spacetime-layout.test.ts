/**
 * The space-time layout from hand-made traces: each append, copy, window, read and poll lands
 * where its times say, and the copies that overtook others are the ones marked out of order.
 */
import { describe, expect, it } from 'vitest'
import type { TraceDelivery, TraceView } from '../../core'
import { Simulation, traceView } from '../../core'
import { scenario } from '../../core/testing'
import { copiesOf, markCounts, spaceTimeLayout, type SpaceTimeFrame } from './spacetime-layout'

const copy = (
  over: Partial<TraceDelivery> & { send: number; position: number },
): TraceDelivery => ({
  projection: 0,
  sentAt: 0,
  arrivedAt: null,
  lostAt: null,
  kind: 'first',
  outcome: 'applied',
  reason: null,
  appliedAt: null,
  outOfOrder: false,
  ...over,
})

const view: TraceView = {
  now: 1000,
  scenario: scenario(),
  interventions: [],
  projections: ['a', 'b'],
  events: [
    { position: 1, stream: 'todo/t1', key: 't1', data: {}, type: 'TodoAdded', at: 100 },
    { position: 2, stream: 'todo/t1', key: 't1', data: {}, type: 'TodoRenamed', at: 200 },
  ],
  deliveries: [
    copy({ send: 0, position: 1, sentAt: 100, arrivedAt: 500, outOfOrder: true }),
    copy({ send: 1, position: 2, sentAt: 200, arrivedAt: 300 }),
    copy({
      send: 2,
      position: 1,
      projection: 1,
      sentAt: 100,
      lostAt: 150,
      outcome: 'dropped',
      reason: 'loss',
    }),
    copy({ send: 3, position: 1, projection: 1, sentAt: 350, arrivedAt: 400, kind: 'redelivery' }),
    copy({ send: 4, position: 2, projection: 1, sentAt: 200, outcome: 'in-flight' }),
    copy({
      send: 5,
      position: 2,
      sentAt: 200,
      arrivedAt: 600,
      kind: 'duplicate',
      outcome: 'skipped',
    }),
  ],
  polls: [],
  reads: [
    {
      index: 0,
      command: -1,
      projection: 0,
      at: 250,
      answeredAt: 250,
      key: 't1',
      mode: 'eventual',
      client: null,
      value: null,
      fresh: false,
      cost: 0,
      timedOut: false,
      repaired: false,
    },
  ],
  windows: [{ projection: 1, kind: 'partition', from: 800, to: null }],
  anomalies: [],
  rejected: [],
  series: [],
  convergedAt: [null, null],
}
// 0..1000 ms over 1000 px: one px per ms. Bands of 40 px: lane centres at 20, 60, 100.
const frame: SpaceTimeFrame = { t0: 0, t1: 1000, width: 1000, laneHeight: 40, top: 0 }

describe('the space-time layout', () => {
  const layout = spaceTimeLayout(view, frame)

  it('puts the store on top and a lane per projection below', () => {
    expect(layout.lanes.map((l) => [l.label, l.y])).toEqual([
      ['event store', 20],
      ['a', 60],
      ['b', 100],
    ])
    expect(layout.height).toBe(120)
  })

  it('marks each append on the store lane at its time', () => {
    expect(layout.appends.map((a) => [a.position, a.x, a.y])).toEqual([
      [1, 100, 20],
      [2, 200, 20],
    ])
  })

  it('draws each copy from its send to its arrival, a lost one to a cross, one on its way halfway', () => {
    const bySend = new Map(layout.arrows.map((a) => [a.send, a]))
    expect(bySend.get(0)).toMatchObject({
      x1: 100,
      y1: 20,
      x2: 500,
      y2: 60,
      end: 'arrived',
      outOfOrder: true,
    })
    expect(bySend.get(1)).toMatchObject({ x1: 200, x2: 300, y2: 60, outOfOrder: false })
    // Lost at 150 on the way to b (lane at 100): stops 55 % of the way down, at x 150.
    expect(bySend.get(2)).toMatchObject({ end: 'lost', x2: 150, y2: 20 + 80 * 0.55 })
    expect(bySend.get(3)).toMatchObject({ kind: 'redelivery', x1: 350, x2: 400, y2: 100 })
    // In flight at the instant shown (1000): drawn up to it, halfway down.
    expect(bySend.get(4)).toMatchObject({ end: 'in-flight', x2: 1000, y2: 60 })
    expect(bySend.get(5)).toMatchObject({ kind: 'duplicate', outcome: 'skipped' })
  })

  it('counts marks by kind, and finds every copy of one event across lanes', () => {
    expect(markCounts(layout)).toMatchObject({
      appends: 2,
      first: 4,
      duplicate: 1,
      redelivery: 1,
      lost: 1,
      outOfOrder: 1,
      skipped: 1,
      inFlight: 1,
      reads: 1,
      staleReads: 1,
      windows: 1,
    })
    expect(copiesOf(layout, 1).map((a) => a.send)).toEqual([0, 2, 3])
  })

  it('shades an open partition up to the instant shown', () => {
    expect(layout.windows).toEqual([
      {
        projection: 1,
        kind: 'partition',
        from: 800,
        to: null,
        x1: 800,
        x2: 1000,
        y: 80,
        height: 40,
      },
    ])
  })

  it('puts reads on their lane and the cursor at the instant shown', () => {
    expect(layout.reads).toEqual([
      { projection: 0, at: 250, key: 't1', mode: 'eventual', fresh: false, x: 250, y: 60 },
    ])
    expect(layout.nowX).toBe(1000)
  })

  it('pins anomalies on their lane, one pin per 16 px however many fall there', () => {
    const anomaly = (at: number) => ({
      type: 'out-of-order-overwrite' as const,
      projection: 'a',
      key: 't1',
      at,
      positions: [1],
      explanation: `at ${at}`,
    })
    const pinned = spaceTimeLayout(
      { ...view, anomalies: [anomaly(100), anomaly(105), anomaly(500)] },
      frame,
    )
    expect(pinned.anomalies.map((a) => [a.x, a.count, a.explanation])).toEqual([
      [100, 2, 'at 100'],
      [500, 1, 'at 500'],
    ])
    expect(pinned.anomalies[0]?.y).toBe(60 - 40 * 0.32)
    expect(markCounts(pinned).anomalies).toBe(3)
  })

  it('draws a poll as a request up to the store and its answer back down, or an empty answer', () => {
    const pulled = spaceTimeLayout(
      {
        ...view,
        deliveries: [copy({ send: 0, position: 1, sentAt: 110, arrivedAt: 125 })],
        polls: [
          { projection: 0, sentAt: 100, answeredAt: 110, count: 1 },
          { projection: 1, sentAt: 100, answeredAt: 112, count: 0 },
          { projection: 0, sentAt: 900, answeredAt: null, count: null },
        ],
      },
      frame,
    )
    expect(pulled.polls.map((p) => [p.x1, p.y1, p.x2, p.y2, p.answer])).toEqual([
      // From a's lane (60) at 100 up to the store (20) at 110, back down to a at 125.
      [100, 60, 110, 20, { x2: 125, y2: 60, arrivedAt: 125 }],
      // b's answer held nothing: no way back, an empty answer on the store lane.
      [100, 100, 112, 20, null],
      // Unanswered at the instant shown: the request is halfway up.
      [900, 60, 1000, 40, null],
    ])
    expect(markCounts(pulled)).toMatchObject({ polls: 3, emptyAnswers: 1 })
  })

  it('keeps only what crosses the visible stretch when zoomed in', () => {
    const zoomed = spaceTimeLayout(view, { ...frame, t0: 350, t1: 450 })
    // Appends at 100 and 200 are out of view; copies 0 (100..500), 3 (350..400), 4 (200..now)
    // and 5 (200..600) cross it; 1 (200..300) and 2 (100..150) do not.
    expect(zoomed.appends).toEqual([])
    expect(zoomed.arrows.map((a) => a.send).sort()).toEqual([0, 3, 4, 5])
    // Ten px per ms now: the copy sent at 350 starts at the left edge.
    expect(zoomed.arrows.find((a) => a.send === 3)?.x1).toBe(0)
  })
})

describe('the space-time layout of a real run', () => {
  it('has one arrow per copy sent and as many out-of-order arrows as the engine counts', () => {
    const s = scenario({
      until: 2000,
      workload: { rate: 100, count: 150, keys: 6, mix: { RenameTodo: 1 } },
      commands: [{ at: 0, type: 'AddTodo', data: { id: 'x', title: 'x' } }],
      projections: [
        {
          id: 'p',
          delivery: { mode: 'push', guarantee: 'at-least-once', ackTimeout: 100 },
          link: {
            latency: { dist: 'exponential', mean: 30 },
            loss: 0.1,
            reorder: { p: 0.3, extra: { dist: 'uniform', min: 0, max: 100 } },
          },
        },
      ],
    })
    const sim = new Simulation(s)
    sim.run()
    const trace = traceView(sim)
    const layout = spaceTimeLayout(trace, {
      t0: 0,
      t1: sim.now,
      width: 800,
      laneHeight: 50,
      top: 10,
    })
    expect(layout.arrows.length).toBe(sim.log.sends)
    expect(markCounts(layout).outOfOrder).toBe(sim.projections[0]?.stats.outOfOrder)
    expect(markCounts(layout).outOfOrder).toBeGreaterThan(0)
    expect(markCounts(layout).lost).toBe(sim.projections[0]?.stats.dropped)
    expect(markCounts(layout).redelivery).toBe(sim.projections[0]?.stats.redelivered)
    for (const a of layout.arrows) {
      expect(a.x1).toBeGreaterThanOrEqual(0)
      expect(a.x2).toBeLessThanOrEqual(800)
      expect(a.x2).toBeGreaterThanOrEqual(a.x1)
    }
  })
})
