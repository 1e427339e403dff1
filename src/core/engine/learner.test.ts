/**
 * The learner as the network: with `hold` on, nothing that carries events is delivered by
 * itself; the learner delivers, drops and duplicates the held messages one by one, in any order.
 */
import { describe, expect, it } from 'vitest'
import {
  buildResult,
  Simulation,
  Timeline,
  type HeldMessage,
  type Row,
  type Scenario,
  type ScenarioInput,
} from '../index'
import { scenario } from '../testing'

type ProjectionInput = NonNullable<ScenarioInput['projections']>[number]

/** Two name changes: e1 "Anna", then e2 "Annie". */
function names(projections: ProjectionInput[]): Scenario {
  return scenario({
    domain: 'profiles',
    until: 100,
    commands: [
      { at: 0, type: 'ChangeName', data: { userId: 'u1', name: 'Anna' } },
      { at: 10, type: 'ChangeName', data: { userId: 'u1', name: 'Annie' } },
    ],
    projections,
  })
}

/** An account opened (e1), then a deposit of 5 (e2). */
function account(projections: ProjectionInput[]): Scenario {
  return scenario({
    domain: 'bank',
    until: 100,
    commands: [
      { at: 0, type: 'OpenAccount', data: { id: 'zed', owner: 'Zed' } },
      { at: 10, type: 'Deposit', data: { id: 'zed', amount: 5 } },
    ],
    projections,
  })
}

const push = (ackTimeout = 1000) =>
  ({ mode: 'push', guarantee: 'at-least-once', ackTimeout }) as const

/** A run whose learner holds the network from the start, stopped once both events are held. */
function held(s: Scenario): Simulation {
  const sim = new Simulation(s)
  expect(sim.intervene({ type: 'hold', on: true })).toEqual({ kind: 'applied' })
  sim.runUntil({ time: 20 })
  return sim
}

/** The id of the held message to `projection` that carries `position`. */
function idOf(sim: Simulation, projection: string, position: number): number {
  const m = sim
    .heldMessages()
    .find((h) => h.projection === projection && h.positions[0] === position)
  if (!m) throw new Error(`no held message of #${position} to ${projection}`)
  return m.id
}

/**
 * Plays a line of a table: `e2 e1` delivers e2 then e1, `dup e2` makes a copy of e2 arrive (e2
 * stays held), `drop e1` loses e1.
 */
function play(sim: Simulation, projection: string, line: string): void {
  for (const [, how, position] of line.matchAll(/(?:(dup|drop) )?e(\d+)/g)) {
    const message = idOf(sim, projection, Number(position))
    const type = how === 'dup' ? 'duplicate' : how === 'drop' ? 'drop' : 'deliver'
    expect(sim.intervene({ type, message })).toEqual({ kind: 'applied' })
  }
}

const rowOf = (sim: Simulation, projection: string, key: string): Row | undefined =>
  sim.projections[sim.projectionIndex(projection)]?.rowOf(key)

describe('the learner as the network', () => {
  it('holds every pushed copy instead of delivering it, one message per copy', () => {
    const sim = held(names([{ id: 'naive', handler: 'naive', delivery: push() }]))
    const messages = sim.heldMessages()
    expect(messages).toEqual<HeldMessage[]>([
      {
        id: 1,
        projection: 'naive',
        kind: 'push',
        positions: [1],
        sentAt: 0,
        copy: 'first',
        purpose: null,
      },
      {
        id: 2,
        projection: 'naive',
        kind: 'push',
        positions: [2],
        sentAt: 10,
        copy: 'first',
        purpose: null,
      },
    ])
    sim.runUntil({ time: 90 })
    const p = sim.projections[0]
    expect(p?.stats.delivered).toBe(0)
    expect(p?.wire).toBe(2)
    expect(sim.heldMessages()).toHaveLength(2)
  })

  const orders: [line: string, handler: 'naive' | 'ordered' | 'idempotent', name: string][] = [
    ['e1 e2', 'naive', 'Annie'],
    ['e1 e2', 'ordered', 'Annie'],
    ['e2 e1', 'naive', 'Anna'],
    ['e2 e1', 'idempotent', 'Anna'],
    ['e2 e1', 'ordered', 'Annie'],
    ['dup e1 e2 e1', 'naive', 'Anna'],
    ['dup e2 e1 e2', 'naive', 'Annie'],
  ]
  for (const [line, handler, name] of orders)
    it(`delivering ${line} leaves the ${handler} handler with the name ${name}`, () => {
      const sim = held(names([{ id: handler, handler, delivery: push() }]))
      play(sim, handler, line)
      expect(rowOf(sim, handler, 'user/u1')).toEqual({ name })
    })

  const copies: [line: string, handler: 'naive' | 'idempotent', balance: number][] = [
    ['e1 e2', 'naive', 5],
    ['e1 dup e2 e2', 'naive', 10],
    ['e1 dup e2 e2', 'idempotent', 5],
    ['e1 dup e2 dup e2 e2', 'naive', 15],
  ]
  for (const [line, handler, balance] of copies)
    it(`delivering ${line} leaves the ${handler} account with a balance of ${balance}`, () => {
      const sim = held(account([{ id: handler, handler, delivery: push() }]))
      play(sim, handler, line)
      expect(rowOf(sim, handler, 'zed')).toEqual({ owner: 'Zed', balance })
    })

  it('logs a duplicate as the network duplicate of the held message and keeps it held', () => {
    const sim = held(account([{ id: 'naive', handler: 'naive', delivery: push() }]))
    play(sim, 'naive', 'e1 dup e2')
    expect(sim.heldMessages().map((m) => m.positions)).toEqual([[2]])
    const log = buildResult(sim, { trace: true }).deliveries ?? []
    expect(log.at(-1)).toMatchObject({
      position: 2,
      kind: 'duplicate',
      sentAt: 10,
      arrivedAt: 20,
      outcome: 'applied',
    })
    expect(sim.projections[0]?.wire).toBe(1)
  })

  it('lets the ordered handler wait for the gap: a held e2 is buffered until e1 comes', () => {
    const sim = held(names([{ id: 'ordered', handler: 'ordered', delivery: push() }]))
    play(sim, 'ordered', 'e2')
    const p = sim.projections[0]
    expect(p?.handler.buffered()).toBe(1)
    expect(rowOf(sim, 'ordered', 'user/u1')).toBeUndefined()
    play(sim, 'ordered', 'e1')
    expect(p?.handler.buffered()).toBe(0)
    expect(rowOf(sim, 'ordered', 'user/u1')).toEqual({ name: 'Annie' })
  })

  it('holds the answer to a gap fetch too, as an answer carrying the missing positions', () => {
    const s = names([{ id: 'ordered', handler: 'ordered', gapTimeout: 100, delivery: push() }])
    const sim = held(s)
    play(sim, 'ordered', 'e2')
    sim.runUntil({ time: 400 })
    const fetched = sim.heldMessages().find((m) => m.kind === 'answer')
    expect(fetched).toMatchObject({ projection: 'ordered', positions: [1], copy: 'fetch' })
    expect(fetched?.purpose).toBe('fetch')
    sim.intervene({ type: 'deliver', message: fetched?.id ?? -1 })
    expect(rowOf(sim, 'ordered', 'user/u1')).toEqual({ name: 'Annie' })
  })

  it('holds a pull subscriber’s answers; delivering one moves its checkpoint', () => {
    const sim = held(names([{ id: 'pull', delivery: { mode: 'pull', interval: 50, batch: 10 } }]))
    sim.runUntil({ time: 80 })
    const answers = sim.heldMessages()
    expect(answers.length).toBeGreaterThan(0)
    expect(answers.every((m) => m.kind === 'answer' && m.purpose === 'poll')).toBe(true)
    const full = answers.find((m) => m.positions.length === 2)
    expect(full?.positions).toEqual([1, 2])
    sim.intervene({ type: 'deliver', message: full?.id ?? -1 })
    expect(sim.projections[0]?.checkpoint).toBe(2)
  })

  it('redelivers a dropped copy after ackTimeout, as a new held message (at-least-once)', () => {
    const sim = held(account([{ id: 'p', delivery: push(100) }]))
    play(sim, 'p', 'e1 drop e2')
    const p = sim.projections[0]
    expect(p?.stats.dropped).toBe(1)
    expect(p?.wire).toBe(0)
    expect(sim.heldMessages()).toEqual([])
    const trace = buildResult(sim, { trace: true }).deliveries ?? []
    expect(trace.find((d) => d.position === 2)).toMatchObject({
      outcome: 'dropped',
      reason: 'loss',
    })

    sim.runUntil({ time: 109 })
    expect(sim.heldMessages()).toEqual([])
    sim.runUntil({ time: 110 })
    expect(sim.heldMessages()).toMatchObject([
      { id: 3, positions: [2], sentAt: 110, copy: 'redelivery' },
    ])
    play(sim, 'p', 'e2')
    sim.run()
    expect(sim.endReason).toBe('quiet')
    expect(buildResult(sim).projections.p?.consistent).toBe(true)
  })

  it('keeps the run from ending quiet while a message is held; a delivery reopens it', () => {
    const s = names([{ id: 'p', delivery: { mode: 'push', guarantee: 'at-most-once' } }])
    const sim = held(s)
    sim.run()
    expect(sim.endReason).toBe('stalled')
    expect(sim.heldMessages()).toHaveLength(2)
    const end = sim.now
    play(sim, 'p', 'e2 e1')
    expect(sim.done).toBe(false)
    sim.run()
    expect(sim.endReason).toBe('quiet')
    expect(sim.now).toBe(end)
    const replayed = new Simulation(s, { interventions: sim.interventions }).run()
    expect(JSON.stringify(buildResult(replayed, { trace: true }))).toBe(
      JSON.stringify(buildResult(sim, { trace: true })),
    )
  })

  it('still blocks a delivery by a partition since the message was sent, or a crash', () => {
    const s = names([
      { id: 'cut', delivery: push() },
      { id: 'down', delivery: push() },
    ])
    const sim = held(s)
    sim.intervene({ type: 'partition', projection: 'cut' })
    sim.intervene({ type: 'heal', projection: 'cut' })
    sim.intervene({ type: 'crash', projection: 'down' })
    play(sim, 'cut', 'e1')
    play(sim, 'down', 'e1')
    const trace = buildResult(sim, { trace: true }).deliveries ?? []
    expect(
      trace.filter((d) => d.outcome === 'dropped').map((d) => [d.projection, d.reason]),
    ).toEqual([
      ['cut', 'partition'],
      ['down', 'crash'],
    ])
    expect(rowOf(sim, 'cut', 'user/u1')).toBeUndefined()
  })

  it('hands the network back for new messages, leaving the held ones to the learner', () => {
    const sim = held(names([{ id: 'p', delivery: push() }]))
    expect(sim.intervene({ type: 'hold', on: false })).toEqual({ kind: 'applied' })
    sim.intervene({
      type: 'command',
      command: { type: 'ChangeName', data: { userId: 'u2', name: 'Bo' } },
    })
    sim.runUntil({ time: 200 })
    expect(rowOf(sim, 'p', 'user/u2')).toEqual({ name: 'Bo' })
    expect(sim.heldMessages().map((m) => m.positions[0])).toEqual([1, 2])
  })

  it('answers a message that is not held, or a mode already set, with a no-op', () => {
    const sim = held(names([{ id: 'p', delivery: push() }]))
    expect(sim.intervene({ type: 'hold', on: true })).toMatchObject({ kind: 'no-op' })
    expect(sim.intervene({ type: 'deliver', message: 99 })).toEqual({
      kind: 'no-op',
      reason: 'there is no message 99',
    })
    sim.intervene({ type: 'deliver', message: 1 })
    for (const type of ['deliver', 'drop', 'duplicate'] as const)
      expect(sim.intervene({ type, message: 1 })).toEqual({
        kind: 'no-op',
        reason: 'message 1 is no longer held: it was delivered or dropped',
      })
    sim.intervene({ type: 'hold', on: false })
    expect(sim.intervene({ type: 'hold', on: false })).toMatchObject({ kind: 'no-op' })
  })

  it('travels in time across holds and deliveries exactly', () => {
    const s = account([
      { id: 'naive', handler: 'naive', delivery: push(100) },
      { id: 'pull', delivery: { mode: 'pull', interval: 40, batch: 1 } },
    ])
    const observe = (sim: Simulation) =>
      JSON.stringify([buildResult(sim, { trace: true }), sim.heldMessages(), sim.held.holding])
    const t = new Timeline(new Simulation(s, { timeTravel: true }), { every: 3 })
    t.act({ type: 'hold', on: true })
    t.seek(60)
    t.act({ type: 'duplicate', message: 2 })
    t.act({ type: 'deliver', message: 2 })
    t.act({ type: 'drop', message: 1 })
    t.seek(150)
    t.act({ type: 'hold', on: false })
    t.seek(400)
    const list = t.sim.interventions
    for (const time of [0, 15, 60, 150, 120, 400, 30, 1000]) {
      t.seek(time)
      const fresh = new Simulation(s, { interventions: list })
      fresh.runUntil({ time })
      expect(observe(t.sim), `at ${time}`).toBe(observe(fresh))
    }
  })
})
