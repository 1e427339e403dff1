/**
 * A run is its scenario plus what the learner did to it. Acting live and replaying the list from
 * the start must give the same run, byte for byte; acting in the past forks the run, and putting
 * the old list back restores it exactly.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  buildResult,
  parseInterventions,
  Simulation,
  Timeline,
  type InterventionInput,
  type Scenario,
} from '../index'
import { scenario } from '../testing'

function bank(seed = 1): Scenario {
  return scenario({
    seed,
    domain: 'bank',
    until: 2000,
    settle: 5000,
    workload: { rate: 30, count: 40, keys: 3, mix: { Deposit: 3, Withdraw: 2 } },
    commands: [{ at: 0, type: 'OpenAccount', data: { id: 'zed', owner: 'Zed' } }],
    projections: [
      {
        id: 'push',
        delivery: { mode: 'push', guarantee: 'at-least-once', ackTimeout: 100 },
        link: { latency: { dist: 'exponential', mean: 30 }, loss: 0.1, duplicate: 0.1 },
      },
      {
        id: 'pull',
        delivery: { mode: 'pull', interval: 120, batch: 4 },
        link: { latency: { dist: 'uniform', min: 5, max: 40 } },
      },
      { id: 'ordered', handler: 'ordered', link: { latency: { dist: 'exponential', mean: 20 } } },
    ],
  })
}

const observe = (sim: Simulation) => JSON.stringify(buildResult(sim, { trace: true }))

function replay(s: Scenario, sim: Simulation): Simulation {
  return new Simulation(s, { interventions: sim.interventions }).run()
}

/** One of everything a learner can do, for the property below. */
const actions: readonly InterventionInput[] = [
  { type: 'command', command: { type: 'Deposit', data: { id: 'zed', amount: 5 }, client: 'me' } },
  { type: 'command', command: { type: 'Withdraw', data: { id: 'zed', amount: 1e6 } } },
  { type: 'read', read: { projection: 'pull', key: 'zed', mode: 'strong' } },
  { type: 'read', read: { projection: 'push', key: 'zed', mode: 'eventual' } },
  { type: 'link', projection: 'push', loss: 0.5, latency: { dist: 'constant', value: 80 } },
  { type: 'delivery', projection: 'pull', interval: 40, batch: 1 },
  { type: 'delivery', projection: 'push', guarantee: 'at-most-once' },
  { type: 'delivery', projection: 'push', guarantee: 'at-least-once', ackTimeout: 50 },
  { type: 'partition', projection: 'ordered' },
  { type: 'heal', projection: 'ordered' },
  { type: 'crash', projection: 'pull' },
  { type: 'restart', projection: 'pull' },
  { type: 'rebuild', projection: 'push', handler: 'idempotent' },
  { type: 'rebuild', projection: 'ordered' },
  { type: 'rebuild', projection: 'pull', handler: 'order-tolerant', newestBy: 'timestamp' },
  { type: 'hold', on: true },
  { type: 'hold', on: false },
  // Ids of held messages: early ones are usually held by the time these come, if any is.
  { type: 'deliver', message: 2 },
  { type: 'drop', message: 1 },
  { type: 'duplicate', message: 3 },
]

/** The learner as the network acts on a message it holds, picked by its place in the list. */
const LEARNER = ['deliver', 'drop', 'duplicate'] as const

function actOnHeld(sim: Simulation, type: (typeof LEARNER)[number], pick: number): void {
  const held = sim.heldMessages()
  const message = held[pick % Math.max(1, held.length)]?.id ?? pick
  sim.intervene({ type, message })
}

// Generous: each property runs many whole simulations, and a busy machine runs them slowly.
describe('interventions', { timeout: 60_000 }, () => {
  it('replayed from the list, give exactly the run in which they were made live', () => {
    const move = fc.oneof(
      fc.record({ steps: fc.integer({ min: 0, max: 60 }) }),
      fc.record({ time: fc.integer({ min: 0, max: 3000 }) }),
      fc.record({ act: fc.integer({ min: 0, max: actions.length - 1 }) }),
      fc.record({ learner: fc.constantFrom(...LEARNER), pick: fc.nat(20) }),
      fc.constant({ hold: true }),
    )
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.array(move, { minLength: 1, maxLength: 12 }),
        (seed, moves) => {
          const s = bank(seed)
          const sim = new Simulation(s)
          for (const m of moves) {
            if ('steps' in m) sim.runUntil({ maxSteps: m.steps })
            else if ('time' in m) sim.runUntil({ time: Math.max(sim.now, m.time) })
            else if ('act' in m) sim.intervene(actions[m.act] as InterventionInput)
            else if ('learner' in m) actOnHeld(sim, m.learner, m.pick)
            else sim.intervene({ type: 'hold', on: !sim.held.holding })
          }
          sim.run()
          const replayed = replay(s, sim)
          expect(observe(replayed)).toBe(observe(sim))
          expect(replayed.heldMessages()).toEqual(sim.heldMessages())
        },
      ),
      { numRuns: 40 },
    )
  })

  it('replay a learner who holds the network and delivers, drops and duplicates by hand', () => {
    const move = fc.oneof(
      fc.record({ steps: fc.integer({ min: 0, max: 30 }) }),
      fc.record({ learner: fc.constantFrom(...LEARNER), pick: fc.nat(20) }),
    )
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.array(move, { minLength: 1, maxLength: 30 }),
        (seed, moves) => {
          const s = bank(seed)
          const sim = new Simulation(s)
          sim.intervene({ type: 'hold', on: true })
          for (const m of moves)
            if ('steps' in m) sim.runUntil({ maxSteps: m.steps })
            else actOnHeld(sim, m.learner, m.pick)
          sim.intervene({ type: 'hold', on: false })
          sim.run()
          const replayed = replay(s, sim)
          expect(observe(replayed)).toBe(observe(sim))
          expect(replayed.heldMessages()).toEqual(sim.heldMessages())
        },
      ),
      { numRuns: 30 },
    )
  })

  it('are checked like a scenario: a replayed list passes its own validation', () => {
    const s = bank(3)
    const sim = new Simulation(s)
    for (const a of actions) {
      sim.runUntil({ maxSteps: 25 })
      sim.intervene(a)
    }
    const parsed = parseInterventions(JSON.parse(JSON.stringify(sim.interventions)), s)
    expect(parsed).toEqual({ ok: true, interventions: sim.interventions })
  })

  it('report what became of a command issued by hand', () => {
    const sim = new Simulation(bank(1))
    sim.runUntil({ time: 500 })
    const head = sim.head()
    const ok = sim.intervene(actions[0] as InterventionInput)
    expect(ok).toEqual({ kind: 'accepted', from: head + 1, to: head + 1 })
    expect(sim.event(head + 1)).toMatchObject({ type: 'Deposited', at: 500, stream: 'account/zed' })
    const refused = sim.intervene(actions[1] as InterventionInput)
    expect(refused.kind).toBe('rejected')
    expect(refused.kind === 'rejected' && refused.reason).toMatch(/insufficient funds/)
    expect(sim.head()).toBe(head + 1)
  })

  it('answer a query made by hand with a read record that names it', () => {
    const sim = new Simulation(bank(1))
    sim.runUntil({ time: 700 })
    sim.intervene({ type: 'read', read: { projection: 'pull', key: 'zed', mode: 'strong' } })
    sim.run()
    const record = sim.readRecords().find((r) => r.intervention === 0)
    expect(record).toMatchObject({ projection: 'pull', key: 'zed', mode: 'strong', at: 700 })
    expect(record?.fresh).toBe(true)
    expect(record?.cost).toBeGreaterThanOrEqual(2)
  })

  it('cut a link off until it is healed: nothing gets through, then the projection catches up', () => {
    const sim = new Simulation(bank(2))
    sim.runUntil({ time: 300 })
    sim.intervene({ type: 'partition', projection: 'ordered' })
    const p = sim.projections[2]
    const applied = p?.stats.applied
    sim.runUntil({ time: 1500 })
    expect(p?.stats.applied).toBe(applied)
    expect(sim.done).toBe(false)
    const outcome = sim.intervene({ type: 'heal', projection: 'ordered' })
    expect(outcome).toEqual({ kind: 'applied' })
    expect(sim.intervene({ type: 'heal', projection: 'ordered' })).toMatchObject({ kind: 'no-op' })
    sim.run()
    expect(sim.endReason).toBe('quiet')
    expect(buildResult(sim).projections.ordered?.consistent).toBe(true)
  })

  it('keep a crashed projection down until it restarts', () => {
    const sim = new Simulation(bank(2))
    sim.runUntil({ time: 300 })
    sim.intervene({ type: 'crash', projection: 'pull' })
    const p = sim.projections[1]
    const checkpoint = p?.checkpoint
    sim.runUntil({ time: 2500 })
    expect(p?.checkpoint).toBe(checkpoint)
    expect(sim.head()).toBeGreaterThan(checkpoint ?? 0)
    sim.intervene({ type: 'restart', projection: 'pull' })
    sim.run()
    expect(p?.checkpoint).toBe(sim.head())
  })

  it('change a link from the moment they are made', () => {
    const sim = new Simulation(bank(4))
    sim.runUntil({ time: 1000 })
    sim.intervene({ type: 'link', projection: 'push', latency: { dist: 'constant', value: 250 } })
    sim.run()
    const sends = buildResult(sim, { trace: true }).deliveries?.filter(
      (d) => d.projection === 'push' && d.kind === 'first' && d.arrivedAt !== null,
    )
    const late = sends?.filter((d) => d.sentAt >= 1000) ?? []
    expect(late.length).toBeGreaterThan(0)
    for (const d of late) expect((d.arrivedAt ?? 0) - d.sentAt).toBe(250)
    for (const d of sends?.filter((x) => x.sentAt < 1000) ?? [])
      expect((d.arrivedAt ?? 0) - d.sentAt).not.toBe(250)
  })

  it('let a run that had ended go on', () => {
    const sim = new Simulation(bank(5)).run()
    const end = sim.now
    expect(sim.done).toBe(true)
    sim.intervene(actions[0] as InterventionInput)
    expect(sim.done).toBe(false)
    sim.run()
    expect(sim.endReason).toBe('quiet')
    expect(sim.event(sim.head()).at).toBe(end)
    expect(buildResult(sim).projections.pull?.state.zed).toEqual(sim.row('zed'))
  })
})

describe('a Timeline with interventions', { timeout: 60_000 }, () => {
  const make = (s: Scenario) => new Timeline(new Simulation(s, { timeTravel: true }), { every: 17 })

  it('forks the run when acting in the past, and undo puts the old future back exactly', () => {
    const s = bank(7)
    const t = make(s)
    t.seek(400)
    t.act({ type: 'partition', projection: 'push' })
    t.seek(900)
    t.act({ type: 'heal', projection: 'push' })
    t.advance()
    const original = observe(t.sim)
    const list = t.sim.interventions

    t.seek(600)
    const { discarded } = t.act(actions[0] as InterventionInput)
    expect(discarded).toEqual([list[1]])
    expect(t.sim.interventions).toHaveLength(2)
    t.advance()
    const forked = observe(t.sim)
    expect(forked).not.toBe(original)
    expect(forked).toBe(observe(replay(s, t.sim)))

    t.setInterventions(list)
    t.advance()
    expect(observe(t.sim)).toBe(original)
  })

  it('goes on from a state restored at the end when an intervention is still to come there', () => {
    // Seed 415 ends quiet at 2000, the very step the command was made at: the snapshot taken
    // there is "done", and the redone command must still be applied after restoring it.
    const s = bank(415)
    const t = make(s)
    t.seek(2000)
    t.act(actions[0] as InterventionInput)
    const list = t.sim.interventions
    t.act(actions[0] as InterventionInput)
    t.setInterventions(list)
    t.seek(2000)
    expect(t.sim.cursor).toBe(1)
    const fresh = new Simulation(s, { interventions: list })
    fresh.runUntil({ time: 2000 })
    expect(observe(t.sim)).toBe(observe(fresh))
  })

  it('shows the same state at any time whatever the order of seeks, forks and undos', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 500 }),
        fc.array(
          fc.record({
            time: fc.integer({ min: 0, max: 4000 }),
            act: fc.integer({ min: 0, max: actions.length - 1 }),
            undo: fc.boolean(),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        fc.integer({ min: 0, max: 6000 }),
        (seed, moves, look) => {
          const s = bank(seed)
          const t = make(s)
          for (const m of moves) {
            const before = t.sim.interventions
            t.seek(m.time)
            t.act(actions[m.act] as InterventionInput)
            if (m.undo) t.setInterventions(before)
          }
          t.seek(look)
          const fresh = new Simulation(s, { interventions: t.sim.interventions })
          fresh.runUntil({ time: look })
          expect(observe(t.sim)).toBe(observe(fresh))
          expect(t.sim.heldMessages()).toEqual(fresh.heldMessages())
        },
      ),
      { numRuns: 30 },
    )
  })
})

describe('parseInterventions', () => {
  const s = bank(1)
  const cases: [string, unknown, RegExp][] = [
    ['not a list', { type: 'crash' }, /expected array/i],
    ['an unknown type', [{ type: 'explode', at: 0, step: 0 }], /invalid|type/i],
    ['a negative time', [{ type: 'crash', at: -1, step: 0, projection: 'push' }], /negative/],
    ['a fractional step', [{ type: 'crash', at: 0, step: 0.5, projection: 'push' }], /whole/],
    [
      'an unknown projection',
      [{ type: 'crash', at: 0, step: 0, projection: 'nope' }],
      /unknown projection "nope"/,
    ],
    [
      'a command the domain does not know',
      [
        {
          type: 'command',
          at: 0,
          step: 0,
          command: { type: 'AddTodo', data: { id: 'x', title: 'y' } },
        },
      ],
      /unknown command for domain bank/,
    ],
    [
      'command data the domain refuses',
      [{ type: 'command', at: 0, step: 0, command: { type: 'Deposit', data: { id: 'x' } } }],
      /amount/,
    ],
    [
      'a loss above 1',
      [{ type: 'link', at: 0, step: 0, projection: 'push', loss: 2 }],
      /between 0 and 1/,
    ],
    [
      'pull settings on a push link',
      [{ type: 'delivery', at: 0, step: 0, projection: 'push', interval: 50 }],
      /does not apply to push delivery/,
    ],
    [
      'a list out of order',
      [
        { type: 'crash', at: 10, step: 5, projection: 'push' },
        { type: 'restart', at: 5, step: 5, projection: 'push' },
      ],
      /must not come before/,
    ],
    [
      'an extra field',
      [{ type: 'crash', at: 0, step: 0, projection: 'push', x: 1 }],
      /unrecognized/i,
    ],
    ['a negative message id', [{ type: 'deliver', at: 0, step: 0, message: -1 }], /negative/],
    ['a fractional message id', [{ type: 'drop', at: 0, step: 0, message: 1.5 }], /whole/],
    ['a hold without on', [{ type: 'hold', at: 0, step: 0 }], /\.on: /],
    [
      'a bounded read without a bound',
      [{ type: 'read', at: 0, step: 0, read: { projection: 'push', key: 'a', mode: 'bounded' } }],
      /needs maxLag or maxAge/,
    ],
  ]
  for (const [what, input, message] of cases)
    it(`refuses ${what}`, () => {
      const parsed = parseInterventions(input, s)
      expect(parsed.ok).toBe(false)
      if (!parsed.ok)
        expect(parsed.problems.map((p) => `${p.path}: ${p.message}`).join('\n')).toMatch(message)
    })
})

describe('the fingerprint of a run with interventions', () => {
  it('does not depend on the order in which an intervention’s keys were written', () => {
    const s = bank(2)
    const live = new Simulation(s)
    live.runUntil({ maxSteps: 30 })
    live.intervene({ type: 'partition', projection: 'push' })
    live.run()
    // Read back from a link or a file, the same intervention has its keys in the schema's order.
    const parsed = parseInterventions(JSON.parse(JSON.stringify(live.interventions)), s)
    if (!parsed.ok) throw new Error('refused')
    expect(Object.keys(parsed.interventions[0] ?? {})).not.toEqual(
      Object.keys(live.interventions[0] ?? {}),
    )
    const replayed = new Simulation(s, { interventions: parsed.interventions }).run()
    expect(buildResult(replayed).traceHash).toBe(buildResult(live).traceHash)
  })
})
