/**
 * Read modes on the read-after-write case of the todo lesson: alice adds a todo at 0 ms and reads
 * it back at 1 ms from a projection 10 ms away. Each mode pays its own price to see her write,
 * or doesn't and misses it.
 */
import { describe, expect, it } from 'vitest'
import { simulate, type ReadRecord, type ScenarioInput } from '../index'
import { scenario } from '../testing'

type ReadInput = NonNullable<ScenarioInput['reads']>[number]

const latency = 10
const roundTrip = 2 * latency
const row = { title: 'buy milk', completed: false }

/** alice's AddTodo at 0 and the reads given; `lost` drops the pushed copy (at most once). */
function run(reads: ReadInput[], options: { lost?: boolean } = {}) {
  return simulate(
    scenario({
      commands: [
        { at: 0, type: 'AddTodo', data: { id: 't1', title: 'buy milk' }, client: 'alice' },
      ],
      projections: [
        {
          id: 'p',
          delivery: options.lost
            ? { mode: 'push', guarantee: 'at-most-once' }
            : { mode: 'push', guarantee: 'at-least-once', ackTimeout: 200 },
          link: {
            latency: { dist: 'constant', value: latency },
            ...(options.lost ? { script: [{ position: 1, drop: true as const }] } : {}),
          },
        },
      ],
      reads,
    }),
  )
}

const at1 = (mode: ReadInput['mode'], extra: Partial<ReadInput> = {}): ReadInput => ({
  at: 1,
  projection: 'p',
  key: 't1',
  client: 'alice',
  mode,
  ...extra,
})

/** The parts of a read record that say what the reader got and what it cost. */
const outcome = (r: ReadRecord | undefined) =>
  r && {
    value: r.value,
    fresh: r.fresh,
    latency: r.latency,
    cost: r.cost,
    timedOut: r.timedOut,
    repaired: r.repaired,
  }

describe('reading your own todo 1 ms after adding it', () => {
  it('misses it with an eventual read: the local copy has not heard of it yet', () => {
    const result = run([at1('eventual')])
    expect(outcome(result.reads[0])).toEqual({
      value: null,
      fresh: false,
      latency: 0,
      cost: 0,
      timedOut: false,
      repaired: false,
    })
  })

  it('sees it with a strong read, for a round trip to the store and two messages', () => {
    const result = run([at1('strong')])
    expect(outcome(result.reads[0])).toEqual({
      value: row,
      fresh: true,
      latency: roundTrip,
      cost: 2,
      timedOut: false,
      repaired: false,
    })
  })

  it('sees it with read-your-writes once the checkpoint passes the write, for no message', () => {
    // The pushed copy arrives at 10 ms: the read waited 9 ms for it.
    const result = run([at1('read-your-writes')])
    expect(outcome(result.reads[0])).toEqual({
      value: row,
      fresh: true,
      latency: latency - 1,
      cost: 0,
      timedOut: false,
      repaired: false,
    })
    expect(result.reads[0]?.answeredAt).toBe(latency)
  })

  it('gives up with read-your-writes when the write is lost, answering stale at the timeout', () => {
    const result = run([at1('read-your-writes', { timeout: 200 })], { lost: true })
    expect(outcome(result.reads[0])).toEqual({
      value: null,
      fresh: false,
      latency: 200,
      cost: 0,
      timedOut: true,
      repaired: false,
    })
  })

  it('sees it with read repair, which fixes the local copy for the next eventual reader', () => {
    // The pushed copy is lost: only the repair can have put the row there.
    const result = run([at1('read-repair'), { at: 30, projection: 'p', key: 't1' }], { lost: true })
    const [repair, next] = result.reads
    expect(outcome(repair)).toEqual({
      value: row,
      fresh: true,
      latency: roundTrip,
      cost: 2,
      timedOut: false,
      repaired: true,
    })
    expect(outcome(next)).toMatchObject({ value: row, fresh: true, latency: 0, cost: 0 })
    expect(result.projections.p?.consistent).toBe(true)
  })

  it('answers a read repair of an up-to-date row without repairing it', () => {
    const result = run([at1('read-repair', { at: 50 })])
    expect(outcome(result.reads[0])).toMatchObject({ value: row, fresh: true, repaired: false })
    expect(result.reads[0]?.cost).toBe(2)
  })
})

describe('a bounded read', () => {
  // At 1 ms the local copy misses one event, appended 1 ms before.
  const local = { value: null, fresh: false, latency: 0, cost: 0, timedOut: false, repaired: false }
  const strong = {
    value: row,
    fresh: true,
    latency: roundTrip,
    cost: 2,
    timedOut: false,
    repaired: false,
  }

  it.each([
    ['maxLag 1', 'locally', { maxLag: 1 }, local],
    ['maxLag 0', 'like a strong read', { maxLag: 0 }, strong],
    ['maxAge 5', 'locally', { maxAge: 5 }, local],
    ['maxAge 0.5', 'like a strong read', { maxAge: 0.5 }, strong],
    ['maxLag 1 and maxAge 0.5', 'like a strong read', { maxLag: 1, maxAge: 0.5 }, strong],
  ] as const)('with %s answers %s', (_bound, _answers, spec, expected) => {
    expect(outcome(run([at1('bounded', spec)]).reads[0])).toEqual(expected)
  })
})

describe('a strong read whose store cannot be reached', () => {
  it('times out and answers from the local copy', () => {
    const result = simulate(
      scenario({
        commands: [{ at: 0, type: 'AddTodo', data: { id: 't1', title: 'buy milk' } }],
        projections: [{ id: 'p', link: { latency: { dist: 'constant', value: latency } } }],
        faults: [{ type: 'partition', projection: 'p', from: 0, to: 500 }],
        reads: [{ at: 1, projection: 'p', key: 't1', mode: 'strong', timeout: 100 }],
      }),
    )
    expect(outcome(result.reads[0])).toEqual({
      value: null,
      fresh: false,
      latency: 100,
      cost: 1,
      timedOut: true,
      repaired: false,
    })
    expect(result.projections.p?.consistent).toBe(true)
  })
})
