/**
 * The engine's public surface. The UI, the CLI and the persistence layer import from here and
 * never from the files behind it.
 */
import { buildResult, type Result } from './engine/result'
import { Simulation } from './engine/simulation'
import type { Scenario } from './scenario/schema'
import type { EventStore } from './store'

export { Simulation } from './engine/simulation'
export type { ReadRecord } from './engine/reads'
export { ANOMALY_TYPES, describeRow, type Anomaly, type AnomalyType } from './engine/anomaly'
export { HANDLER_NAMES, type HandlerName } from './engine/handlers'
export { READ_MODES } from './scenario/schema'
export type { Budget, Progress, Rejection, EndReason, SimulationOptions } from './engine/simulation'
export type { SimulationSnapshot } from './engine/snapshot'
export { buildResult, RESULT_FORMAT, visibilityTimes } from './engine/result'
export {
  traceView,
  type TraceView,
  type TraceEvent,
  type TraceDelivery,
  type TracePoll,
  type TraceRead,
  type TraceWindow,
} from './engine/trace-view'
export type {
  Result,
  ProjectionResult,
  PendingRecord,
  DeliveryRecord,
  SeriesRecord,
  AppliedIntervention,
} from './engine/result'
export type { Distribution5 } from './engine/summary'
export { Timeline } from './engine/timeline'
export type { InterventionOutcome } from './engine/interventions'
export { recentArrivals, type ArrivalView, type HeldMessage } from './engine/learner'
export {
  parseInterventions,
  interventionSchema,
  MAX_INTERVENTIONS,
  type Intervention,
  type InterventionInput,
  type InterventionType,
  type InterventionsResult,
} from './scenario/interventions'
export { readModels, type ReadModelView } from './engine/read-models'
export {
  parseScenario,
  parseScenarioText,
  formatProblems,
  type ParseResult,
  type ScenarioProblem,
} from './scenario/parse'
export { SCENARIO_FORMAT, scenarioSchema } from './scenario/schema'
export type {
  Scenario,
  ScenarioInput,
  ProjectionSpec,
  LinkSpec,
  FaultSpec,
  ReadSpec,
  CommandSpec,
} from './scenario/schema'
export type { Distribution } from './scenario/distribution'
export { sample, meanOf } from './distributions'
export { Rng } from './random'
export { MemoryEventStore, type EventStore, type AppendResult, type ExpectedVersion } from './store'
export { domains, domainNames, type Domain, type DomainName } from './domains'
export type { Row, Scalar, StoredEvent, NewEvent, EventData } from './events'
export { rowsEqual } from './events'
export type { SimTime } from './time'
export { conflictReason } from './store'
export {
  BUNDLE_FORMAT,
  MAX_BUNDLE_CHARS,
  MAX_BUNDLE_EVENTS,
  exportBundle,
  parseBundle,
  parseBundleText,
  type BundleParseResult,
  type RunBundle,
} from './bundle'
export { eventId } from './events'

/** Runs a validated scenario to the end and returns its result. */
export function simulate(
  scenario: Scenario,
  options: { trace?: boolean; store?: EventStore } = {},
): Result {
  const sim = new Simulation(scenario, options.store ? { store: options.store } : {})
  sim.run()
  return buildResult(sim, { trace: options.trace ?? false })
}
