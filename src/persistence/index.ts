/**
 * The persistence layer's public surface: the only code that imports dexie. The state layer and
 * the CLI import from here; nothing outside src/persistence sees a Dexie table.
 */
export {
  DATABASE_NAME,
  EventuallyDb,
  openDatabase,
  type DatabaseOptions,
  type RunRecord,
  type SavedRunStatus,
  type ScenarioRecord,
} from './db'
export { StorageError, type StorageErrorKind } from './errors'
export { CURRENT_VERSION } from './migrations'
export { createRun, deleteRun, getRun, listRuns, renameRun } from './runs'
export {
  appendEvents,
  browseEvents,
  headOf,
  readAllEvents,
  readEventsAfter,
  readStream,
  type EventQuery,
} from './events'
export { readCheckpoints, readRows, saveCheckpoint, saveRows } from './projections'
export { deleteScenario, getScenario, listScenarios, saveScenario } from './scenarios'
export { DexieEventStore, type FlushProgress } from './dexie-store'
export { ReadModelTracker, type ReadModelChanges, type ReadModelDiff } from './read-models'
export type { Divergence } from './replay'
export { rebuildReadModel, REBUILD_PAGE, type RebuildProgress, type RebuildResult } from './rebuild'
export {
  exportRun,
  importFile,
  importRunBundle,
  importScenario,
  type FileImportResult,
  type ImportResult,
} from './import'
export { RunSession, type Restored } from './session'
