/**
 * Helpers shared by the engine's tests. Not part of the public API: only test files import this.
 */
import type { Domain } from './domains'
import type { DeliveryRecord, Result } from './engine/result'
import type { EventData, Row, StoredEvent } from './events'
import { formatProblems, parseScenario } from './scenario/parse'
import { SCENARIO_FORMAT, type Scenario, type ScenarioInput } from './scenario/schema'

/** A valid scenario: a todo run with one default push projection `p`, changed by `overrides`. */
export function scenario(overrides: Partial<ScenarioInput> = {}): Scenario {
  const result = parseScenario({
    format: SCENARIO_FORMAT,
    seed: 1,
    domain: 'todo',
    until: 1000,
    projections: [{ id: 'p' }],
    ...overrides,
  })
  if (!result.ok) throw new Error(formatProblems(result.problems))
  return result.scenario
}

/**
 * Todos t1, t2, t3 added at 0, 10 and 20 ms, sent to one projection `p` whose link delivers the
 * copies listed (position, arrival time): a run whose every delivery is known by hand.
 */
export function threeTodosScripted(
  script: readonly { readonly position: number; readonly at: number }[],
  overrides: Partial<ScenarioInput> = {},
): Scenario {
  const add = (at: number, id: string) => ({ at, type: 'AddTodo', data: { id, title: id } })
  return scenario({
    commands: [add(0, 't1'), add(10, 't2'), add(20, 't3')],
    projections: [{ id: 'p', link: { script: [...script] } }],
    ...overrides,
  })
}

/** The copies sent to one projection, in send order (needs a result built with `trace`). */
export function deliveriesTo(result: Result, projection: string): DeliveryRecord[] {
  if (!result.deliveries) throw new Error('build the result with trace: true')
  return result.deliveries.filter((d) => d.projection === projection)
}

/** When each position was first applied by a projection, from the trace. */
export function firstApplied(result: Result, projection: string): Map<number, number> {
  const first = new Map<number, number>()
  for (const d of deliveriesTo(result, projection)) {
    if (d.outcome !== 'applied' || d.arrivedAt === null) continue
    const seen = first.get(d.position)
    if (seen === undefined || d.arrivedAt < seen) first.set(d.position, d.arrivedAt)
  }
  return first
}

/** Stored events for domain tests: positions 1, 2, ... in the order given, all in one stream. */
export function storedEvents(
  ...events: (readonly [type: string, data: EventData])[]
): StoredEvent[] {
  return events.map(([type, data], i) => ({
    position: i + 1,
    stream: 's',
    version: i + 1,
    id: `evt-${i + 1}`,
    type,
    data,
    at: i,
  }))
}

/** A domain's row after folding events in the order given (how the naive handler applies them). */
export function rowAfter(
  domain: Domain,
  ...events: (readonly [type: string, data: EventData])[]
): Row | undefined {
  return storedEvents(...events).reduce<Row | undefined>(
    (row, e) => domain.evolve(row, e),
    undefined,
  )
}
