/**
 * The checker against hand-made traces: scripted runs where the lesson says exactly which
 * anomaly must appear, on which projection and key, at what time and with which events as its
 * evidence, and runs where nothing may be reported at all.
 */
import { describe, expect, it } from 'vitest'
import { simulate, type Anomaly, type CommandSpec, type ScenarioInput } from '../index'
import { scenario } from '../testing'
import { MAX_DIFFERENCES } from './checker'

const run = (input: Partial<ScenarioInput>) => simulate(scenario(input))

/** The facts of an anomaly, without its sentence. */
const facts = ({ type, projection, key, at, positions }: Anomaly) => ({
  type,
  projection,
  key,
  at,
  positions,
})

/** One sentence, ending with a full stop, with no second sentence inside. */
const oneSentence = /^[^\n]+\.$/
const secondSentence = /[.!?]\s+[A-Z]/

function expectReadable(anomalies: readonly Anomaly[], ...mentions: string[][]) {
  expect(anomalies).toHaveLength(mentions.length)
  anomalies.forEach((a, i) => {
    expect(a.explanation).toMatch(oneSentence)
    expect(a.explanation).not.toMatch(secondSentence)
    for (const m of mentions[i] ?? []) expect(a.explanation).toContain(m)
  })
}

const add = (at: number, id: string, title: string, client?: string): CommandSpec => ({
  at,
  type: 'AddTodo',
  data: { id, title },
  ...(client ? { client } : {}),
})
const rename = (at: number, id: string, title: string): CommandSpec => ({
  at,
  type: 'RenameTodo',
  data: { id, title },
})
const scripted = (...order: number[]) =>
  order.map((position, i) => ({ position, at: 100 + i * 10 }))

describe('reads that miss what the store already has', () => {
  const reader = { latency: { dist: 'constant' as const, value: 10 } }

  it('reports an eventual read before the event arrived as a stale read naming the event', () => {
    const result = run({
      commands: [add(0, 't1', 'buy milk')],
      projections: [{ id: 'p', link: reader }],
      reads: [{ at: 1, projection: 'p', key: 't1' }],
    })
    expect(result.anomalies.map(facts)).toEqual([
      { type: 'stale-read', projection: 'p', key: 't1', at: 1, positions: [1] },
    ])
    expectReadable(result.anomalies, ['TodoAdded #1', 'nothing', 'buy milk'])
  })

  it('reports the writer reading its own write too early as a read-your-writes violation', () => {
    const result = run({
      commands: [add(0, 't1', 'buy milk', 'alice')],
      projections: [{ id: 'p', link: reader }],
      reads: [{ at: 1, projection: 'p', key: 't1', client: 'alice' }],
    })
    expect(result.anomalies.map(facts)).toEqual([
      { type: 'stale-read', projection: 'p', key: 't1', at: 1, positions: [1] },
      { type: 'read-your-writes-violation', projection: 'p', key: 't1', at: 1, positions: [1] },
    ])
    expectReadable(result.anomalies, ['TodoAdded #1'], ['alice', 'TodoAdded #1'])
  })

  it('reports a client reading an older state from a second projection than from the first', () => {
    const result = run({
      commands: [add(0, 't1', 'a'), rename(10, 't1', 'b')],
      projections: [
        { id: 'fast', link: { latency: { dist: 'constant', value: 1 } } },
        { id: 'slow', link: { latency: { dist: 'constant', value: 100 } } },
      ],
      reads: [
        { at: 20, projection: 'fast', key: 't1', client: 'bob' },
        { at: 21, projection: 'slow', key: 't1', client: 'bob' },
      ],
    })
    expect(result.anomalies.map(facts)).toEqual([
      { type: 'stale-read', projection: 'slow', key: 't1', at: 21, positions: [1, 2] },
      // The evidence is what the two reads showed: the earlier one TodoRenamed #2, the later
      // one nothing at all (version 0, which no event stands for).
      { type: 'monotonic-read-violation', projection: 'slow', key: 't1', at: 21, positions: [2] },
    ])
    expectReadable(
      result.anomalies,
      ['TodoAdded #1', 'TodoRenamed #2'],
      ['bob', 'version 2 (TodoRenamed #2)', 'fast', 'version 0', 'slow'],
    )
  })
})

describe('handlers that apply what they should not', () => {
  it('reports a late event overwriting a newer one, naming both', () => {
    const result = run({
      commands: [add(0, 't1', 'buy milk'), rename(10, 't1', 'buy oat milk')],
      projections: [{ id: 'p', link: { script: scripted(2, 1) } }],
    })
    expect(result.anomalies.map(facts)).toEqual([
      { type: 'out-of-order-overwrite', projection: 'p', key: 't1', at: 110, positions: [1, 2] },
      { type: 'diverged', projection: 'p', key: 't1', at: 1000, positions: [] },
    ])
    expectReadable(
      result.anomalies,
      ['TodoRenamed #2 arrived before TodoAdded #1', 'buy milk', 'buy oat milk'],
      ['p', 't1'],
    )
    expect(result.anomalies[0]?.rows).toEqual({
      local: { title: 'buy milk', completed: false },
      truth: { title: 'buy oat milk', completed: false },
    })
    expect(result.anomalies[1]?.keys).toEqual(['t1'])
  })

  it('reports a deposit applied again as a duplicate effect', () => {
    const result = run({
      domain: 'bank',
      commands: [
        { at: 0, type: 'OpenAccount', data: { id: 'a1', owner: 'ann' } },
        { at: 10, type: 'Deposit', data: { id: 'a1', amount: 5 } },
      ],
      projections: [{ id: 'p', link: { script: scripted(1, 2, 2) } }],
    })
    expect(result.anomalies.map(facts)).toEqual([
      { type: 'duplicate-effect', projection: 'p', key: 'a1', at: 120, positions: [2] },
      { type: 'diverged', projection: 'p', key: 'a1', at: 1000, positions: [] },
    ])
    expectReadable(result.anomalies, ['Deposited #2', 'balance: 10', 'balance: 5'], ['a1'])
  })

  it('reports a replayed creation after the deletion as a resurrection', () => {
    const result = run({
      domain: 'profiles',
      commands: [
        { at: 0, type: 'CreateThing', data: { id: 'x1' } },
        { at: 10, type: 'DeleteThing', data: { id: 'x1' } },
      ],
      projections: [{ id: 'p', link: { script: scripted(1, 2, 1) } }],
    })
    expect(result.anomalies.map(facts)).toEqual([
      { type: 'resurrection', projection: 'p', key: 'thing/x1', at: 120, positions: [1] },
      { type: 'diverged', projection: 'p', key: 'thing/x1', at: 1000, positions: [] },
    ])
    expectReadable(result.anomalies, ['ThingCreated #1', 'deleted'], ['thing/x1'])
  })

  it('reports events dropped for good as lost, and the rows they leave wrong once', () => {
    const result = run({
      commands: [add(0, 't1', 'a'), add(10, 't2', 'b'), add(20, 't3', 'c')],
      projections: [
        {
          id: 'p',
          delivery: { mode: 'push', guarantee: 'at-most-once' },
          link: {
            script: [
              { position: 2, drop: true },
              { position: 3, drop: true },
            ],
          },
        },
      ],
    })
    expect(result.anomalies.map(facts)).toEqual([
      { type: 'lost-event', projection: 'p', key: 't2', at: 1000, positions: [2] },
      { type: 'lost-event', projection: 'p', key: 't3', at: 1000, positions: [3] },
      { type: 'diverged', projection: 'p', key: null, at: 1000, positions: [] },
    ])
    expect(result.anomalies[2]?.keys).toEqual(['t2', 't3'])
    expect(result.anomalies[2]?.differences).toEqual([
      { key: 't2', local: null, truth: { title: 'b', completed: false } },
      { key: 't3', local: null, truth: { title: 'c', completed: false } },
    ])
    expectReadable(
      result.anomalies,
      ['TodoAdded #2', 'never reached p'],
      ['TodoAdded #3', 'never reached p'],
      ['p still differs from the truth', '2 rows: t2, t3'],
    )
  })
})

describe('a projection that still differs at the end', () => {
  it('shows the differing rows, local against truth, for the first keys and names them all', () => {
    const commands = Array.from({ length: 25 }, (_, i) =>
      add(i, `t${String(i).padStart(2, '0')}`, 'x'),
    )
    const result = run({
      commands,
      projections: [
        { id: 'p', delivery: { mode: 'push', guarantee: 'at-most-once' }, link: { loss: 1 } },
      ],
    })
    const diverged = result.anomalies.find((a) => a.type === 'diverged')
    expect(diverged?.keys).toHaveLength(25)
    expect(diverged?.differences).toHaveLength(MAX_DIFFERENCES)
    expect(diverged?.differences?.[0]).toEqual({
      key: 't00',
      local: null,
      truth: { title: 'x', completed: false },
    })
    expect(diverged?.explanation).toContain('25 rows: t00, t01, t02, t03, t04 and 20 more')
  })
})

describe('a sale decided through the shelf view', () => {
  // One copy in stock; it is sold at 5 ms. The shelf view hears of the stock at 10 ms and of the
  // sale at 15 ms, so at 12 ms it still shows one copy.
  const sell = (mode: 'eventual' | 'read-repair') =>
    run({
      domain: 'bookstore',
      commands: [
        { at: 0, type: 'StockBook', data: { store: 's1', isbn: 'b1', qty: 1 } },
        { at: 5, type: 'SellBook', data: { store: 's1', isbn: 'b1' } },
        {
          at: 12,
          type: 'SellBook',
          data: { store: 's1', isbn: 'b1' },
          client: 'till',
          via: { projection: 'shelf', mode },
        },
      ],
      projections: [{ id: 'shelf', link: { latency: { dist: 'constant', value: 10 } } }],
    })

  it('oversells on an eventual read, and the checker pins it on the stale row', () => {
    const result = sell('eventual')
    expect(result.truth).toEqual({ 's1/b1': { stock: -1 } })
    expect(result.anomalies.map(facts)).toEqual([
      // The sale the shelf had not heard of yet is the evidence.
      { type: 'decision-on-stale-data', projection: 'shelf', key: 's1/b1', at: 12, positions: [2] },
      { type: 'stale-read', projection: 'shelf', key: 's1/b1', at: 12, positions: [2] },
    ])
    expectReadable(
      result.anomalies,
      ['SellBook was accepted', 'stock: 1', 'stock: 0', 'book not in stock', 'BookSold #2'],
      ['BookSold #2', 'stock: 1', 'stock: 0'],
    )
    expect(result.anomalies[1]?.explanation).not.toContain('#3')
  })

  it('refuses the sale on a read repair, and nothing is reported', () => {
    const result = sell('read-repair')
    expect(result.truth).toEqual({ 's1/b1': { stock: 0 } })
    expect(result.rejected).toMatchObject([{ type: 'SellBook', reason: 'book not in stock' }])
    expect(result.reads[0]).toMatchObject({ value: { stock: 0 }, fresh: true })
    expect(result.anomalies).toEqual([])
  })
})

describe('runs where nothing goes wrong', () => {
  it('reports nothing for in-order delivery and reads after the events arrived', () => {
    const result = run({
      commands: [add(0, 't1', 'a', 'alice'), rename(10, 't1', 'b'), add(20, 't2', 'c')],
      projections: [{ id: 'p' }, { id: 'q', handler: 'ordered' }],
      reads: [
        { at: 40, projection: 'p', key: 't1', client: 'alice' },
        { at: 41, projection: 'q', key: 't1', client: 'alice' },
        { at: 42, projection: 'q', key: 't2', mode: 'strong' },
      ],
    })
    expect(result.reads.every((r) => r.fresh)).toBe(true)
    expect(result.anomalies).toEqual([])
  })

  it('reports nothing for out-of-order delivery and duplicates an order-tolerant handler absorbs', () => {
    const result = run({
      commands: [add(0, 't1', 'a'), rename(10, 't1', 'b'), rename(20, 't1', 'c')],
      projections: [
        { id: 'p', handler: 'order-tolerant', link: { script: scripted(3, 1, 3, 2, 1) } },
      ],
    })
    expect(result.projections.p?.state).toEqual({ t1: { title: 'c', completed: false } })
    expect(result.anomalies).toEqual([])
  })
})
