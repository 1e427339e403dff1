/**
 * A `lost-event` says why the event never got applied, by cause: under at-most-once delivery a
 * lost copy is gone for good, while at-least-once push and pull still owe it when the run stops
 * (their retries were cut off by the bound, or by a fault that never ends).
 */
import { describe, expect, it } from 'vitest'
import { simulate, type ScenarioInput } from '../index'
import { scenario } from '../testing'

type ProjectionInput = NonNullable<ScenarioInput['projections']>[number]

function lost(projection: ProjectionInput, extra: Partial<ScenarioInput> = {}) {
  const result = simulate(
    scenario({
      commands: [
        { at: 0, type: 'AddTodo', data: { id: 't1', title: 'a' } },
        { at: 10, type: 'AddTodo', data: { id: 't2', title: 'b' } },
      ],
      settle: 2000,
      projections: [projection],
      ...extra,
    }),
  )
  return {
    result,
    sentences: result.anomalies.filter((a) => a.type === 'lost-event').map((a) => a.explanation),
  }
}

const forever = (from: number): Partial<ScenarioInput> => ({
  faults: [{ type: 'partition', projection: 'p', from }],
})
const atLeastOnce = { mode: 'push', guarantee: 'at-least-once', ackTimeout: 100 } as const
const atMostOnce = { mode: 'push', guarantee: 'at-most-once' } as const

describe('a lost event is explained by its cause', () => {
  it.each([
    [
      'an at-most-once copy lost on the wire is gone for good',
      { id: 'p', delivery: atMostOnce, link: { loss: 1 } },
      {},
      'TodoAdded #1 never reached p under at-most-once delivery: its one copy was lost on the wire, and nothing sends it again.',
    ],
    [
      'a scripted drop is never sent again',
      { id: 'p', link: { script: [{ position: 1, drop: true }] } },
      {},
      'TodoAdded #1 never reached p: its one copy was lost on the wire, and a scripted copy is never sent again.',
    ],
    [
      'at-least-once push behind a partition that never heals still owes it at the bound',
      { id: 'p', delivery: atLeastOnce },
      forever(0),
      'TodoAdded #1 had not reached p when the run hit its bound at 3000 ms: 31 copies were sent (30 were refused during a partition and 1 was still on the wire); the publisher had no acknowledgement and would have sent it again.',
    ],
    [
      'pull behind a partition that never heals would ask again at the next poll',
      { id: 'p', delivery: { mode: 'pull', interval: 100 } },
      forever(0),
      'TodoAdded #1 had not reached p when the run hit its bound at 3000 ms: no copy of it had been sent; the next poll would have asked for it again.',
    ],
    [
      'at-least-once push to a projection that never restarts still owes it',
      { id: 'p', delivery: atLeastOnce },
      { faults: [{ type: 'crash', projection: 'p', at: 0 }] },
      'TodoAdded #1 had not reached p when the run hit its bound at 3000 ms: 31 copies were sent (30 were refused while it was down and 1 was still on the wire); the publisher had no acknowledgement and would have sent it again.',
    ],
  ] as const)('%s', (_, projection, extra, sentence) => {
    const { sentences } = lost(projection as ProjectionInput, extra as Partial<ScenarioInput>)
    expect(sentences[0]).toBe(sentence)
  })

  it('never claims nothing sent it again when the stats show redeliveries', () => {
    const { result, sentences } = lost({ id: 'p', delivery: atLeastOnce }, forever(0))
    expect(result.projections.p?.stats.redelivered).toBeGreaterThan(0)
    for (const s of sentences) expect(s).not.toMatch(/nothing (sent|sends) it again/)
  })

  it('says an ordered copy was waiting in the buffer behind a gap that never filled', () => {
    const spec: ProjectionInput = {
      id: 'p',
      handler: 'ordered',
      delivery: atMostOnce,
      link: {
        script: [
          { position: 1, drop: true },
          { position: 2, at: 50 },
        ],
      },
    }
    const { sentences } = lost(spec, forever(60))
    expect(sentences[1]).toBe(
      'TodoAdded #2 reached p but was still waiting in its buffer for the gap before it to fill when the run hit its bound at 3000 ms.',
    )
  })
})
