/**
 * The read-model patterns of the out-of-order lesson (source text 004), as a table: the events a
 * write model appended, the order a link without order guarantee delivered them in (`e2 e1`:
 * the second event first), and the row each handler strategy ends with.
 *
 * - `naive` applies every copy with the in-order logic: the text's first, unsatisfactory handler;
 * - `idempotent` skips copies it has applied: right under duplicates, not under reordering;
 * - `order-tolerant` keeps each field by its own pattern (newest by version, set once, minimum or
 *   maximum, counted once, soft delete), so any arrival order gives the same row;
 * - `ordered` applies strictly in position order from its checkpoint, the text's alternative.
 */
import { describe, expect, it } from 'vitest'
import {
  HANDLER_NAMES,
  simulate,
  type AnomalyType,
  type CommandSpec,
  type DomainName,
  type HandlerName,
  type Row,
} from '../index'
import { scenario } from '../testing'

interface Case {
  readonly lesson: string
  readonly domain: DomainName
  readonly key: string
  /** Commands, one per event: e1 is the first event appended, e2 the second... */
  readonly events: readonly (readonly [type: string, data: CommandSpec['data']])[]
  readonly delivered: string
  readonly truth: Row | null
  /** The row each handler ends with; null when it has no row for the key. */
  readonly ends: Readonly<Record<HandlerName, Row | null>>
  /** What the checker calls the naive handler's mistake, where the text says it makes one. */
  readonly naiveGoesWrongBy: AnomalyType | null
}

const name = (n: string) => ['ChangeName', { userId: 'u1', name: n }] as const
const published = (at: number) => ['PublishEvent', { eventId: 'ev1', publishedAt: at }] as const
const created = ['CreateThing', { id: 'x1' }] as const
const deleted = ['DeleteThing', { id: 'x1' }] as const
const all = (row: Row | null) => ({
  naive: row,
  idempotent: row,
  ordered: row,
  'order-tolerant': row,
})

const decided = (location: string) =>
  ['DecideWarehouse', { warehouseId: 'w1', location, size: 120 }] as const
const john = { name: 'John Doe' }
const johnS = { name: 'John S. Doe' }
const wroclaw = { location: 'Wrocław, Poland', size: 120 }
const milk = { title: 'buy milk', completed: false }
const oatMilk = { title: 'buy oat milk', completed: false }

const cases: Case[] = [
  {
    lesson: 'a name changed twice, delivered in reverse: the newest by version must win',
    domain: 'profiles',
    key: 'user/u1',
    events: [name('John Doe'), name('John S. Doe')],
    delivered: 'e2 e1',
    truth: johnS,
    ends: { naive: john, idempotent: john, ordered: johnS, 'order-tolerant': johnS },
    naiveGoesWrongBy: 'out-of-order-overwrite',
  },
  {
    lesson: 'a name change delivered again after the next one: a duplicate must not count',
    domain: 'profiles',
    key: 'user/u1',
    events: [name('John Doe'), name('John S. Doe')],
    delivered: 'e1 e2 e1',
    truth: johnS,
    ends: { naive: john, idempotent: johnS, ordered: johnS, 'order-tolerant': johnS },
    naiveGoesWrongBy: 'duplicate-effect',
  },
  {
    lesson: 'a warehouse location set once, delivered twice: it stays as set',
    domain: 'profiles',
    key: 'warehouse/w1',
    events: [decided('Wrocław, Poland')],
    delivered: 'e1 e1',
    truth: wroclaw,
    ends: all(wroclaw),
    naiveGoesWrongBy: null,
  },
  {
    // The text's case: the location is first decided as not known yet (nil), then set. The
    // empty value arriving last must not wipe the location out.
    lesson: 'a warehouse location decided empty, then set, delivered in reverse: it stays set',
    domain: 'profiles',
    key: 'warehouse/w1',
    events: [decided(''), decided('Wrocław, Poland')],
    delivered: 'e2 e1',
    truth: wroclaw,
    ends: {
      naive: { location: '', size: 120 },
      idempotent: { location: '', size: 120 },
      ordered: wroclaw,
      'order-tolerant': wroclaw,
    },
    naiveGoesWrongBy: 'out-of-order-overwrite',
  },
  {
    lesson: 'the first publication date delivered after a later one: the minimum must win',
    domain: 'profiles',
    key: 'event/ev1',
    events: [published(20190201), published(20190205)],
    delivered: 'e2 e1',
    truth: { firstPublishedAt: 20190201, lastPublishedAt: 20190205 },
    ends: {
      naive: { firstPublishedAt: 20190205, lastPublishedAt: 20190201 },
      idempotent: { firstPublishedAt: 20190205, lastPublishedAt: 20190201 },
      ordered: { firstPublishedAt: 20190201, lastPublishedAt: 20190205 },
      'order-tolerant': { firstPublishedAt: 20190201, lastPublishedAt: 20190205 },
    },
    naiveGoesWrongBy: 'out-of-order-overwrite',
  },
  {
    // The first publication arrives first, so only the latest goes wrong: the maximum pattern.
    lesson: 'the latest publication date overtaken by an older one: the maximum must win',
    domain: 'profiles',
    key: 'event/ev1',
    events: [published(20190201), published(20190205), published(20190210)],
    delivered: 'e1 e3 e2',
    truth: { firstPublishedAt: 20190201, lastPublishedAt: 20190210 },
    ends: {
      naive: { firstPublishedAt: 20190201, lastPublishedAt: 20190205 },
      idempotent: { firstPublishedAt: 20190201, lastPublishedAt: 20190205 },
      ordered: { firstPublishedAt: 20190201, lastPublishedAt: 20190210 },
      'order-tolerant': { firstPublishedAt: 20190201, lastPublishedAt: 20190210 },
    },
    naiveGoesWrongBy: 'out-of-order-overwrite',
  },
  {
    lesson: 'a creation replayed after the deletion (a lost ACK): the thing must stay deleted',
    domain: 'profiles',
    key: 'thing/x1',
    events: [created, deleted],
    delivered: 'e1 e2 e1',
    truth: null,
    ends: { naive: {}, idempotent: null, ordered: null, 'order-tolerant': null },
    naiveGoesWrongBy: 'resurrection',
  },
  {
    lesson: 'a deletion that overtakes its creation: the tombstone must keep it deleted',
    domain: 'profiles',
    key: 'thing/x1',
    events: [created, deleted],
    delivered: 'e2 e1',
    truth: null,
    ends: { naive: {}, idempotent: {}, ordered: null, 'order-tolerant': null },
    naiveGoesWrongBy: 'resurrection',
  },
  {
    lesson: 'a real re-creation (a newer version) overtaken by the deletion: it must come back',
    domain: 'profiles',
    key: 'thing/x1',
    events: [created, deleted, created],
    delivered: 'e1 e3 e2',
    truth: {},
    ends: { naive: null, idempotent: null, ordered: {}, 'order-tolerant': {} },
    naiveGoesWrongBy: 'out-of-order-overwrite',
  },
  {
    lesson: 'a deposit delivered twice: it must be counted once',
    domain: 'bank',
    key: 'a1',
    events: [
      ['OpenAccount', { id: 'a1', owner: 'ann' }],
      ['Deposit', { id: 'a1', amount: 5 }],
    ],
    delivered: 'e1 e2 e2',
    truth: { owner: 'ann', balance: 5 },
    ends: {
      naive: { owner: 'ann', balance: 10 },
      idempotent: { owner: 'ann', balance: 5 },
      ordered: { owner: 'ann', balance: 5 },
      'order-tolerant': { owner: 'ann', balance: 5 },
    },
    naiveGoesWrongBy: 'duplicate-effect',
  },
  {
    lesson: 'a deposit delivered before the account opening: amounts commute, nothing is lost',
    domain: 'bank',
    key: 'a1',
    events: [
      ['OpenAccount', { id: 'a1', owner: 'ann' }],
      ['Deposit', { id: 'a1', amount: 5 }],
    ],
    delivered: 'e2 e1',
    truth: { owner: 'ann', balance: 5 },
    ends: all({ owner: 'ann', balance: 5 }),
    naiveGoesWrongBy: null,
  },
  {
    lesson: 'a todo renamed before its addition arrives: the rename must not be lost',
    domain: 'todo',
    key: 't1',
    events: [
      ['AddTodo', { id: 't1', title: 'buy milk' }],
      ['RenameTodo', { id: 't1', title: 'buy oat milk' }],
    ],
    delivered: 'e2 e1',
    truth: oatMilk,
    ends: { naive: milk, idempotent: milk, ordered: oatMilk, 'order-tolerant': oatMilk },
    naiveGoesWrongBy: 'out-of-order-overwrite',
  },
]

/**
 * One projection per handler, each fed the same scripted deliveries: `e2 e1` means position 2
 * arrives at 100 ms and position 1 at 110 ms, after every command (at 0, 10, 20 ms) has run.
 */
function run(c: Case) {
  const commands = c.events.map(([type, data], i) => ({ at: i * 10, type, data }))
  const script = c.delivered
    .split(' ')
    .map((e, i) => ({ position: Number(e.slice(1)), at: 100 + i * 10 }))
  return simulate(
    scenario({
      domain: c.domain,
      commands,
      projections: HANDLER_NAMES.map((handler) => ({ id: handler, handler, link: { script } })),
    }),
  )
}

describe.each(cases.map((c) => [`${c.lesson} (delivered ${c.delivered})`, c] as const))(
  '%s',
  (_, c) => {
    const result = run(c)
    const anomaliesOf = (handler: HandlerName) =>
      result.anomalies.filter((a) => a.projection === handler && a.type !== 'diverged')

    it('appends the events of the lesson, and the truth is their fold in order', () => {
      expect(result.events).toHaveLength(c.events.length)
      expect(result.truth[c.key] ?? null).toEqual(c.truth)
    })

    it.each(HANDLER_NAMES)('leaves the %s handler with the row of the table', (handler) => {
      expect(result.projections[handler]?.state[c.key] ?? null).toEqual(c.ends[handler])
    })

    it('keeps the ordered and order-tolerant handlers right, with nothing to report', () => {
      for (const handler of ['ordered', 'order-tolerant'] as const) {
        expect(c.ends[handler]).toEqual(c.truth)
        expect(result.projections[handler]?.consistent).toBe(true)
        expect(anomaliesOf(handler)).toEqual([])
      }
    })

    it('shows the naive handler wrong exactly where the text says, and names the mistake', () => {
      const wrong = c.naiveGoesWrongBy !== null
      expect(result.projections.naive?.consistent).toBe(!wrong)
      expect(anomaliesOf('naive').map((a) => [a.type, a.key])).toEqual(
        wrong ? [[c.naiveGoesWrongBy, c.key]] : [],
      )
      // The sentence names its evidence the way the lesson does: "NameChanged #1".
      for (const a of anomaliesOf('naive'))
        for (const p of a.positions)
          expect(a.explanation).toContain(`${result.events[p - 1]?.type} #${p}`)
    })
  },
)
