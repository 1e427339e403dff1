/**
 * The engine runs unchanged on IndexedDB: for every lesson scenario and for random ones, a run on
 * DexieEventStore gives the same result as a run on the memory store, byte for byte (trace and
 * trace hash included), and what it stored reads back as the result's events.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  buildResult,
  domainNames,
  domains,
  parseScenario,
  simulate,
  Simulation,
  Timeline,
  type DomainName,
  type Result,
  type Scenario,
  type ScenarioInput,
} from '../core'
import { largePush, load, readAfterWrite } from '../scenarios'
import { DexieEventStore } from './dexie-store'
import { readAllEvents } from './events'
import { createRun, getRun } from './runs'
import { useTestDb } from './testing'

const db = useTestDb()

/** Runs on IndexedDB, flushing every `every` steps as a driver would each tick. */
async function runOnDexie(scenario: Scenario, every: number): Promise<[Result, DexieEventStore]> {
  const store = await DexieEventStore.open(db(), await createRun(db(), scenario))
  const sim = new Simulation(scenario, { store })
  while (!sim.done) {
    sim.runUntil({ maxSteps: every })
    await store.flush({ clock: sim.now, ...(sim.done ? { status: 'ended' as const } : {}) })
  }
  return [buildResult(sim, { trace: true }), store]
}

async function expectSameRun(scenario: Scenario, every = 500): Promise<Result> {
  const expected = simulate(scenario, { trace: true })
  const [actual, store] = await runOnDexie(scenario, every)
  expect(actual.traceHash).toBe(expected.traceHash)
  expect(JSON.stringify(actual)).toBe(JSON.stringify(expected))
  // What was stored is the run's events, byte for byte, and reopens as the same store.
  const stored = await readAllEvents(db(), store.runId)
  expect(JSON.stringify(stored)).toBe(JSON.stringify(expected.events))
  const reopened = await DexieEventStore.open(db(), store.runId)
  expect(reopened.readAfter(0, reopened.head())).toEqual(expected.events)
  expect(await getRun(db(), store.runId)).toMatchObject({
    head: expected.events.length,
    status: 'ended',
    clock: expected.ended.at,
  })
  return expected
}

const examples = import.meta.glob<ScenarioInput>('../../examples/*.json', {
  eager: true,
  import: 'default',
})
const lessons: [string, ScenarioInput][] = [
  ['src/scenarios: read after write', readAfterWrite],
  ['src/scenarios: large push (3000 events)', largePush(3000)],
  ...Object.entries(examples).map(([file, s]): [string, ScenarioInput] => [file.slice(6), s]),
]

describe('a run on IndexedDB equals a run in memory', () => {
  it.each(lessons)(
    '%s',
    async (_, input) => {
      const result = await expectSameRun(load(input), 2000)
      expect(result.events.length).toBeGreaterThan(0)
    },
    60_000,
  )

  it('gives the same events after going back in time and running on (time travel)', async () => {
    const scenario = load(largePush(1500))
    const travel = async (store?: DexieEventStore) => {
      const sim = new Simulation(scenario, { timeTravel: true, ...(store ? { store } : {}) })
      const timeline = new Timeline(sim, { every: 300 })
      timeline.advance({ time: 1200 })
      await store?.flush()
      timeline.seek(400)
      await store?.flush()
      timeline.advance({ maxSteps: 700 })
      timeline.seek(900)
      while (!sim.done) {
        timeline.advance({ maxSteps: 1000 })
        await store?.flush()
      }
      return buildResult(sim, { trace: true })
    }
    const store = await DexieEventStore.open(db(), await createRun(db(), scenario))
    const expected = await travel()
    const actual = await travel(store)
    expect(JSON.stringify(actual)).toBe(JSON.stringify(expected))
    expect(actual.traceHash).toBe(simulate(scenario).traceHash)
    expect(JSON.stringify(await readAllEvents(db(), store.runId))).toBe(
      JSON.stringify(expected.events),
    )
  }, 60_000)
})

/** Random small scenarios: any domain, push or pull, faults, and commands that may conflict. */
const randomScenario = fc
  .record({
    seed: fc.nat(),
    domain: fc.constantFrom(...domainNames),
    count: fc.integer({ min: 1, max: 80 }),
    keys: fc.integer({ min: 1, max: 4 }),
    every: fc.integer({ min: 1, max: 400 }),
    projections: fc.array(
      fc.record({
        pull: fc.boolean(),
        loss: fc.constantFrom(0, 0.1, 0.3),
        duplicate: fc.constantFrom(0, 0.2),
        reorder: fc.constantFrom(0, 0.3),
        latency: fc.integer({ min: 1, max: 80 }),
        partition: fc.option(fc.integer({ min: 0, max: 900 })),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    expectedVersions: fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 4 }),
  })
  .map((r) => {
    const commands = r.domain === 'todo' ? conflicting(r.expectedVersions) : []
    const input: ScenarioInput = {
      format: 'eventually.scenario/v1',
      seed: r.seed,
      domain: r.domain,
      until: 1000,
      settle: 20_000,
      commands,
      workload: { rate: 100, count: r.count, keys: r.keys, mix: mixOf(r.domain) },
      projections: r.projections.map((p, i) => ({
        id: `p${i}`,
        handler: (['naive', 'idempotent', 'ordered'] as const)[i % 3],
        delivery: p.pull
          ? { mode: 'pull' as const, interval: 100, batch: 5 }
          : { mode: 'push' as const, guarantee: 'at-least-once' as const, ackTimeout: 150 },
        link: {
          latency: { dist: 'exponential' as const, mean: p.latency },
          loss: p.loss,
          duplicate: p.duplicate,
          reorder: { p: p.reorder, extra: { dist: 'uniform' as const, min: 0, max: 100 } },
        },
      })),
      faults: r.projections.flatMap((p, i) =>
        p.partition === null
          ? []
          : [{ type: 'partition' as const, projection: `p${i}`, from: p.partition, to: 1000 }],
      ),
    }
    const parsed = parseScenario(input)
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems))
    return { scenario: parsed.scenario, every: r.every }
  })

function mixOf(domain: DomainName): Record<string, number> {
  return Object.fromEntries(Object.keys(domains[domain].commands).map((type) => [type, 1]))
}

/** Commands on one todo with expected versions that may or may not match. */
function conflicting(versions: readonly number[]): ScenarioInput['commands'] {
  return versions.map((expectedVersion, i) => ({
    at: 100 * (i + 1),
    type: i === 0 ? 'AddTodo' : 'RenameTodo',
    data: { id: 'shared', title: `take ${i}` },
    expectedVersion,
  }))
}

describe('random scenarios on IndexedDB equal their runs in memory', () => {
  const cases = fc.sample(randomScenario, { seed: 2024, numRuns: 20 })

  it('includes refused appends among them (wrong expected versions)', () => {
    const refused = cases.flatMap(({ scenario }) =>
      simulate(scenario).rejected.filter((r) => r.reason.startsWith('wrong expected version')),
    )
    expect(refused.length).toBeGreaterThan(0)
  })

  it.each(cases.map((c, i) => [i, c.scenario.domain, c.every, c] as const))(
    'case %i (%s, flushed every %i steps)',
    async (_, _domain, every, { scenario }) => {
      await expectSameRun(scenario, every)
    },
    30_000,
  )
})
