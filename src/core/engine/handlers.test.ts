/**
 * What each handler strategy does with a copy as it arrives: apply it, skip it (a duplicate or a
 * position at or below the checkpoint) or hold it back until the gap before it fills. The ordered
 * handler also fetches a gap that stays open, and a buffer a crash lost.
 */
import { describe, expect, it } from 'vitest'
import { HANDLER_NAMES, simulate, type HandlerName, type ScenarioInput } from '../index'
import { deliveriesTo, scenario } from '../testing'

type ProjectionInput = ScenarioInput['projections'][number]
type Script = NonNullable<NonNullable<ProjectionInput['link']>['script']>

/** One new todo per 10 ms, so that each position is its own key. */
const adds = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    at: i * 10,
    type: 'AddTodo',
    data: { id: `t${i + 1}`, title: `todo ${i + 1}` },
  }))

function run(count: number, projections: ProjectionInput[], faults: ScenarioInput['faults'] = []) {
  return simulate(scenario({ commands: adds(count), projections, faults }), { trace: true })
}

/** The copies sent to a projection in the order they arrived (lost ones last). */
const copies = (result: ReturnType<typeof run>, projection: string) =>
  deliveriesTo(result, projection)
    .map(({ position, arrivedAt, kind, outcome, appliedAt }) => ({
      position,
      arrivedAt,
      kind,
      outcome,
      ...(appliedAt === undefined ? {} : { appliedAt }),
    }))
    .sort((a, b) => (a.arrivedAt ?? Infinity) - (b.arrivedAt ?? Infinity))

describe('a copy arriving at each handler', () => {
  // e2 overtakes e1, then e1 and e2 come again.
  const script: Script = [
    { position: 2, at: 50 },
    { position: 1, at: 100 },
    { position: 1, at: 120 },
    { position: 2, at: 130 },
  ]
  const result = run(
    2,
    HANDLER_NAMES.map((handler) => ({ id: handler, handler, link: { script } })),
  )
  const outcomes = (handler: HandlerName) => copies(result, handler).map((c) => c.outcome)

  it('is always applied by the naive handler, duplicates included', () => {
    expect(outcomes('naive')).toEqual(['applied', 'applied', 'applied', 'applied'])
  })

  it.each(['idempotent', 'order-tolerant'] as const)(
    'is applied by the %s handler the first time and skipped after that',
    (handler) => {
      expect(outcomes(handler)).toEqual(['applied', 'applied', 'skipped', 'skipped'])
    },
  )

  it('is held back by the ordered handler until the gap before it fills, then applied', () => {
    expect(copies(result, 'ordered')).toEqual([
      { position: 2, arrivedAt: 50, kind: 'first', outcome: 'buffered', appliedAt: 100 },
      { position: 1, arrivedAt: 100, kind: 'first', outcome: 'applied' },
      { position: 1, arrivedAt: 120, kind: 'first', outcome: 'skipped' },
      { position: 2, arrivedAt: 130, kind: 'first', outcome: 'skipped' },
    ])
    expect(result.projections.ordered?.stats).toMatchObject({ buffered: 1, skipped: 2 })
  })

  it('leaves every handler with its checkpoint at the last position', () => {
    for (const handler of HANDLER_NAMES) expect(result.projections[handler]?.checkpoint).toBe(2)
  })
})

describe('the ordered handler with a lost event', () => {
  // At most once: position 2 is lost and nobody sends it again.
  const lossy = (handler: HandlerName): ProjectionInput => ({
    id: handler,
    handler,
    gapTimeout: 100,
    delivery: { mode: 'push', guarantee: 'at-most-once' },
    link: { latency: { dist: 'constant', value: 10 }, script: [{ position: 2, drop: true }] },
  })
  const result = run(3, [lossy('naive'), lossy('ordered')])

  it('fetches the gap from the store once it has stayed open for gapTimeout, and converges', () => {
    // e3 arrives at 30 and opens the gap; at 130 the request leaves, the store answers at 140,
    // and the fetched copy arrives at 150, letting e3 through behind it.
    expect(copies(result, 'ordered')).toEqual([
      { position: 1, arrivedAt: 10, kind: 'first', outcome: 'applied' },
      { position: 3, arrivedAt: 30, kind: 'first', outcome: 'buffered', appliedAt: 150 },
      { position: 2, arrivedAt: 150, kind: 'fetch', outcome: 'applied' },
      { position: 2, arrivedAt: null, kind: 'first', outcome: 'dropped' },
    ])
    expect(deliveriesTo(result, 'ordered').find((d) => d.kind === 'fetch')?.sentAt).toBe(140)
    expect(result.projections.ordered).toMatchObject({ consistent: true, convergedAt: 150 })
    expect(result.projections.ordered?.stats.fetched).toBe(1)
    expect(result.anomalies.filter((a) => a.projection === 'ordered')).toEqual([])
  })

  it('is what the naive handler lacks: it never sees the event and stays behind', () => {
    expect(copies(result, 'naive').every((c) => c.kind !== 'fetch')).toBe(true)
    expect(result.projections.naive?.consistent).toBe(false)
    expect(result.projections.naive?.state).not.toHaveProperty('t2')
    expect(
      result.anomalies.filter((a) => a.projection === 'naive').map((a) => [a.type, a.positions]),
    ).toEqual([
      ['lost-event', [2]],
      ['diverged', []],
    ])
  })
})

describe('the ordered handler after a crash', () => {
  // e1 is late; e2 and e3 wait in the buffer (already acknowledged) when the service crashes.
  const result = run(
    3,
    [
      {
        id: 'p',
        handler: 'ordered',
        gapTimeout: 200,
        link: {
          script: [
            { position: 1, at: 100 },
            { position: 2, at: 30 },
            { position: 3, at: 40 },
          ],
        },
      },
    ],
    [{ type: 'crash', projection: 'p', at: 50, restartAt: 60 }],
  )

  it('fetches what its lost buffer held, though nothing arrives after it to reveal the gap', () => {
    // The gap timer armed at 30 fires at 230: positions 2 and 3 arrive again at 250.
    expect(copies(result, 'p').filter((c) => c.kind === 'fetch')).toEqual([
      { position: 2, arrivedAt: 250, kind: 'fetch', outcome: 'applied' },
      { position: 3, arrivedAt: 250, kind: 'fetch', outcome: 'applied' },
    ])
    expect(result.projections.p).toMatchObject({ consistent: true, checkpoint: 3 })
    expect(result.anomalies).toEqual([])
  })
})
