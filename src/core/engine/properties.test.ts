/**
 * Properties of the handler strategies and the checker over random small runs: any domain, push
 * or pull, any mix of latency, loss, duplication, reordering, partitions and crashes, as long as
 * the faults end before the run does. Each case is seeded, so a failure replays exactly; fast-check
 * shrinks it to a small scenario first.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  domainNames,
  HANDLER_NAMES,
  simulate,
  type AnomalyType,
  type DomainName,
  type ScenarioInput,
} from '../index'
import { scenario } from '../testing'

type ProjectionInput = ScenarioInput['projections'][number]
type ValueOf<A> = A extends fc.Arbitrary<infer T> ? T : never

/** Every command of a domain, on a few keys so that updates of one row collide. */
const mixes: Record<DomainName, Record<string, number>> = {
  todo: { AddTodo: 1, RenameTodo: 4, CompleteTodo: 1, RemoveTodo: 1 },
  bank: { OpenAccount: 1, Deposit: 4, Withdraw: 3 },
  bookstore: { StockBook: 2, SellBook: 3 },
  users: { RegisterUser: 1, RenameUser: 2, ChangeEmail: 2, ChangeAvatar: 2 },
  profiles: { ChangeName: 2, DecideWarehouse: 1, PublishEvent: 1, CreateThing: 2, DeleteThing: 2 },
}
/** The read-model key of the workload's key number i. */
const keyName: Record<DomainName, (i: number) => string> = {
  todo: (i) => `t${i}`,
  bank: (i) => `a${i}`,
  bookstore: (i) => `s1/isbn-${i}`,
  users: (i) => `u${i}`,
  profiles: (i) => `user/u${i}`,
}

const until = 1000
const runs = { numRuns: 300, seed: 4004 }
/** Hundreds of runs per property: room for a slow machine. */
const slow = { timeout: 30_000 }

const workloadIn = (names: readonly DomainName[]) =>
  fc.record({
    seed: fc.nat(),
    domain: fc.constantFrom(...names),
    count: fc.integer({ min: 1, max: 16 }),
    keys: fc.integer({ min: 1, max: 3 }),
  })
const workload = workloadIn(domainNames)
const ms = (min: number, max: number) => fc.integer({ min, max })
const latency = fc.oneof(
  ms(0, 50).map((value) => ({ dist: 'constant' as const, value })),
  fc
    .tuple(ms(0, 50), ms(0, 200))
    .map(([min, w]) => ({ dist: 'uniform' as const, min, max: min + w })),
  ms(1, 100).map((mean) => ({ dist: 'exponential' as const, mean })),
  ms(1, 50).map((median) => ({ dist: 'lognormal' as const, median, sigma: 1 })),
)
const chance = fc.constantFrom(0, 0, 0.1, 0.3)
const link = fc.record({
  latency,
  loss: chance,
  duplicate: chance,
  reorder: fc.record({
    p: chance,
    extra: ms(1, 300).map((max) => ({ dist: 'uniform' as const, min: 0, max })),
  }),
})
const delivery = fc.oneof(
  ms(20, 400).map((ackTimeout) => ({
    mode: 'push' as const,
    guarantee: 'at-least-once' as const,
    ackTimeout,
  })),
  fc.tuple(ms(10, 300), ms(1, 10)).map(([interval, batch]) => ({
    mode: 'pull' as const,
    interval,
    batch,
  })),
)
/** A partition or a crash, over by `until`. */
const fault = fc
  .tuple(fc.boolean(), ms(0, until - 1), ms(1, 400))
  .map(([crash, from, length]) => (projection: string) => {
    const to = Math.min(until, from + length)
    return crash
      ? { type: 'crash' as const, projection, at: from, restartAt: to }
      : { type: 'partition' as const, projection, from, to }
  })
/** Up to two faults for each projection. */
const faults = fc
  .tuple(...HANDLER_NAMES.map(() => fc.array(fault, { maxLength: 2 })))
  .map((each) => each.flatMap((list, i) => list.map((f) => f(HANDLER_NAMES[i] as string))))

const faultyIn = (names: readonly DomainName[]) =>
  fc.record({ workload: workloadIn(names), delivery, link, gapTimeout: ms(1, 300), faults })
const faulty = faultyIn(domainNames)

type Case = {
  workload: ValueOf<typeof workload>
  projection: (handler: (typeof HANDLER_NAMES)[number]) => ProjectionInput
  faults?: ScenarioInput['faults']
  reads?: ScenarioInput['reads']
}

/** One projection per handler, all on the same kind of link, fed the same workload. */
function run({ workload: w, projection, faults = [], reads = [] }: Case) {
  return simulate(
    scenario({
      seed: w.seed,
      domain: w.domain,
      until,
      // Ample for the slowest subscriber here: pulling one event per poll over a lossy link.
      settle: 30_000,
      workload: { rate: w.count, count: w.count, keys: w.keys, mix: mixes[w.domain] },
      projections: HANDLER_NAMES.map(projection),
      faults,
      reads,
    }),
  )
}

const runFaulty = (c: ValueOf<typeof faulty>) =>
  run({
    workload: c.workload,
    projection: (handler) => ({
      id: handler,
      handler,
      gapTimeout: c.gapTimeout,
      delivery: c.delivery,
      link: c.link,
    }),
    faults: c.faults,
  })

const explaining: readonly AnomalyType[] = [
  'out-of-order-overwrite',
  'duplicate-effect',
  'resurrection',
  'lost-event',
]

describe('under at-least-once delivery without order, once the faults are over', slow, () => {
  it('ends every ordered and order-tolerant projection equal to the truth', () => {
    fc.assert(
      fc.property(faulty, (c) => {
        const result = runFaulty(c)
        expect(result.projections.ordered?.consistent).toBe(true)
        expect(result.projections['order-tolerant']?.consistent).toBe(true)
        expect(result.projections.ordered?.state).toEqual(result.truth)
        expect(result.projections['order-tolerant']?.state).toEqual(result.truth)
      }),
      runs,
    )
  })

  it('ends an idempotent projection equal to the truth where updates commute', () => {
    fc.assert(
      fc.property(faultyIn(['bank', 'bookstore']), (c) => {
        const result = runFaulty(c)
        expect(result.projections.idempotent?.state).toEqual(result.truth)
      }),
      runs,
    )
  })

  it('explains every row a naive (or idempotent) projection ends with wrong, on that row', () => {
    let naiveWrong = 0
    fc.assert(
      fc.property(faulty, (c) => {
        const result = runFaulty(c)
        for (const handler of ['naive', 'idempotent'] as const) {
          const diverged = result.anomalies.find(
            (a) => a.type === 'diverged' && a.projection === handler,
          )
          expect(diverged !== undefined).toBe(!result.projections[handler]?.consistent)
          if (diverged && handler === 'naive') naiveWrong++
          for (const key of diverged?.keys ?? []) {
            const causes = result.anomalies.filter(
              (a) => a.projection === handler && a.key === key && explaining.includes(a.type),
            )
            expect(causes, `${handler} row ${key}`).not.toEqual([])
          }
        }
      }),
      runs,
    )
    // The premise: the faults do make the naive handler wrong, and often.
    expect(naiveWrong).toBeGreaterThan(runs.numRuns / 5)
  })

  it('reports no anomaly of any kind for an ordered or order-tolerant projection', () => {
    fc.assert(
      fc.property(faulty, (c) => {
        const result = runFaulty(c)
        const correct = result.anomalies.filter(
          (a) => a.projection === 'ordered' || a.projection === 'order-tolerant',
        )
        expect(correct.map((a) => a.type)).toEqual([])
      }),
      runs,
    )
  })
})

describe('under in-order, exactly-once delivery', slow, () => {
  const steady = fc.record({
    workload,
    latency: ms(0, 50),
    atMostOnce: fc.boolean(),
    reads: fc.array(fc.tuple(ms(0, until), ms(1, 3)), { maxLength: 6 }),
  })

  it('reports no anomaly but stale reads, for any handler', () => {
    let stale = 0
    fc.assert(
      fc.property(steady, (c) => {
        const result = run({
          workload: c.workload,
          projection: (handler) => ({
            id: handler,
            handler,
            // The ack timeout outlasts the round trip, so nothing is sent twice.
            delivery: c.atMostOnce
              ? { mode: 'push', guarantee: 'at-most-once' }
              : { mode: 'push', guarantee: 'at-least-once', ackTimeout: 2 * c.latency + 1 },
            link: { latency: { dist: 'constant', value: c.latency } },
          }),
          reads: [...c.reads]
            .sort((a, b) => a[0] - b[0])
            .flatMap(([at, i]) =>
              HANDLER_NAMES.map((p) => ({
                at,
                projection: p,
                key: keyName[c.workload.domain](i),
              })),
            ),
        })
        expect(result.anomalies.filter((a) => a.type !== 'stale-read')).toEqual([])
        stale += result.anomalies.length
        for (const handler of HANDLER_NAMES)
          expect(result.projections[handler]?.state).toEqual(result.truth)
      }),
      runs,
    )
    // The premise: some reads do come too early, and are reported.
    expect(stale).toBeGreaterThan(0)
  })
})
