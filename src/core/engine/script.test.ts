/**
 * A link script replaces the network's random choices for the positions it names: a lesson can
 * say "e2 arrives before e1" or "e3 is lost" and get exactly that.
 */
import { describe, expect, it } from 'vitest'
import { simulate, type Result, type ScenarioInput } from '../index'
import { deliveriesTo, scenario } from '../testing'

const commands = [
  { at: 0, type: 'AddTodo', data: { id: 't1', title: 'a' } },
  { at: 10, type: 'AddTodo', data: { id: 't2', title: 'b' } },
  { at: 20, type: 'AddTodo', data: { id: 't3', title: 'c' } },
  { at: 30, type: 'AddTodo', data: { id: 't4', title: 'd' } },
]

type Script = NonNullable<NonNullable<ScenarioInput['projections'][number]['link']>['script']>

/** A random, lossy link with a script on top: the script must override it, not add to it. */
function run(script: Script, guarantee: 'at-least-once' | 'at-most-once' = 'at-least-once') {
  return simulate(
    scenario({
      commands,
      projections: [
        {
          id: 'p',
          delivery: { mode: 'push', guarantee, ackTimeout: 100 },
          link: { latency: { dist: 'exponential', mean: 40 }, loss: 0.5, duplicate: 0.5, script },
        },
      ],
    }),
    { trace: true },
  )
}

const copiesOf = (result: Result, positions: number[]) =>
  deliveriesTo(result, 'p')
    .filter((d) => positions.includes(d.position))
    .map(({ position, sentAt, arrivedAt, outcome }) => ({ position, sentAt, arrivedAt, outcome }))

describe('a link script', () => {
  const script: Script = [
    { position: 1, at: 300 },
    { position: 2, at: 50 },
    { position: 2, at: 400 },
    { position: 3, drop: true },
    { position: 4, at: 35 },
  ]

  it.each(['at-least-once', 'at-most-once'] as const)(
    'delivers exactly the scripted copies at the scripted times and drops the others (%s)',
    (guarantee) => {
      const result = run(script, guarantee)
      expect(copiesOf(result, [1, 2, 3, 4])).toEqual([
        { position: 1, sentAt: 0, arrivedAt: 300, outcome: 'applied' },
        { position: 2, sentAt: 10, arrivedAt: 50, outcome: 'applied' },
        { position: 2, sentAt: 10, arrivedAt: 400, outcome: 'applied' },
        { position: 3, sentAt: 20, arrivedAt: null, outcome: 'dropped' },
        { position: 4, sentAt: 30, arrivedAt: 35, outcome: 'applied' },
      ])
      expect(result.projections.p?.state).toEqual({
        t1: { title: 'a', completed: false },
        t2: { title: 'b', completed: false },
        t4: { title: 'd', completed: false },
      })
      expect(result.projections.p?.stats).toMatchObject({
        sent: 5,
        delivered: 4,
        dropped: 1,
        duplicates: 1,
        redelivered: 0,
        outOfOrder: 2,
      })
    },
  )

  it('reports a scripted drop as lost on the way', () => {
    const dropped = deliveriesTo(run(script), 'p').find((d) => d.position === 3)
    expect(dropped).toMatchObject({ outcome: 'dropped', reason: 'loss' })
  })

  it('delivers a copy scripted before its event exists when the event is appended', () => {
    const result = run([{ position: 4, at: 5 }])
    expect(copiesOf(result, [4])).toEqual([
      { position: 4, sentAt: 30, arrivedAt: 30, outcome: 'applied' },
    ])
  })

  it('leaves the positions it does not name to the link', () => {
    const result = simulate(
      scenario({
        commands,
        projections: [
          {
            id: 'p',
            link: { latency: { dist: 'constant', value: 7 }, script: [{ position: 2, at: 500 }] },
          },
        ],
      }),
      { trace: true },
    )
    expect(copiesOf(result, [1, 2, 3, 4])).toEqual([
      { position: 1, sentAt: 0, arrivedAt: 7, outcome: 'applied' },
      { position: 2, sentAt: 10, arrivedAt: 500, outcome: 'applied' },
      { position: 3, sentAt: 20, arrivedAt: 27, outcome: 'applied' },
      { position: 4, sentAt: 30, arrivedAt: 37, outcome: 'applied' },
    ])
  })

  it('still loses a scripted copy to a crash or a partition, and ignores positions never reached', () => {
    const result = simulate(
      scenario({
        commands,
        projections: [
          {
            id: 'p',
            link: {
              script: [
                { position: 1, at: 150 },
                { position: 2, at: 350 },
                { position: 3, at: 250 },
                { position: 9, at: 100 },
              ],
            },
          },
        ],
        faults: [
          { type: 'crash', projection: 'p', at: 100, restartAt: 200 },
          { type: 'partition', projection: 'p', from: 300, to: 400 },
        ],
      }),
      { trace: true },
    )
    expect(copiesOf(result, [1, 2, 3, 9]).map((d) => [d.position, d.outcome])).toEqual([
      [1, 'dropped'],
      [2, 'dropped'],
      [3, 'applied'],
    ])
    expect(
      deliveriesTo(result, 'p')
        .slice(0, 2)
        .map((d) => d.reason),
    ).toEqual(['crash', 'partition'])
  })
})
