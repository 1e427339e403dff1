import { Dexie, type EntityTable, type Table } from 'dexie'
import type { EventData, Intervention, Row, Scenario, SimTime } from '../core'
import { failure, storageError } from './errors'
import { declareVersions } from './migrations'

/**
 * The app's one IndexedDB database. Every GitHub Pages site of a user is served from the same
 * origin (`https://<user>.github.io`), and an origin has one namespace of database names: a
 * generic name such as "events" or "db" would open, upgrade or delete another app's data. Hence
 * a name no other app would pick. Tests pass their own unique names.
 */
export const DATABASE_NAME = 'eventually-playground'

/** A run as the list of runs shows it; its events, checkpoints and rows live in their tables. */
export interface RunRecord {
  readonly id: number
  readonly name: string
  /** Wall-clock ms (Date.now) of creation and of the last committed change. */
  readonly createdAt: number
  readonly updatedAt: number
  /** The validated scenario, with the run's seed already in it. */
  readonly scenario: Scenario
  /** What the learner did to the run, in order (absent in runs saved before interventions). */
  readonly interventions?: readonly Intervention[]
  readonly seed: number
  readonly status: SavedRunStatus
  /** The last durable position, 0 when no event is stored. */
  readonly head: number
  /** How far the simulation had got, in simulated ms, at the last committed batch. */
  readonly clock: SimTime
  /**
   * Bumped by every committed batch. A writer checks it before each batch, so a second writer
   * (another tab on the same run) is detected instead of interleaving with the first.
   */
  readonly revision: number
}

/** `running`: being written (or abandoned mid-run); `ended`: the engine finished; `imported`. */
export type SavedRunStatus = 'running' | 'ended' | 'imported'

export interface EventRecord {
  readonly runId: number
  readonly position: number
  readonly stream: string
  readonly version: number
  readonly id: string
  readonly type: string
  readonly data: EventData
  readonly at: SimTime
}

export interface CheckpointRecord {
  readonly runId: number
  readonly projection: string
  readonly position: number
}

export interface RowRecord {
  readonly runId: number
  readonly projection: string
  readonly key: string
  readonly row: Row
}

export interface ScenarioRecord {
  readonly id: number
  readonly name: string
  readonly scenario: Scenario
  readonly savedAt: number
}

export interface DatabaseOptions {
  readonly name?: string
  /** The IndexedDB implementation; by default the global one, looked up now (not at import). */
  readonly indexedDB?: unknown
  readonly IDBKeyRange?: unknown
  /** Wall clock for createdAt / updatedAt / savedAt (tests pin it). */
  readonly now?: () => number
  /** Another tab opened a newer version: this connection is closing; tell the user to reload. */
  readonly onVersionChange?: () => void
  /** Opening waits for another tab that holds an older version open: tell the user to close it. */
  readonly onBlocked?: () => void
}

export class EventuallyDb extends Dexie {
  declare readonly runs: EntityTable<RunRecord, 'id'>
  declare readonly events: Table<EventRecord, [number, number]>
  declare readonly checkpoints: Table<CheckpointRecord, [number, string]>
  declare readonly rows: Table<RowRecord, [number, string, string]>
  declare readonly scenarios: EntityTable<ScenarioRecord, 'id'>
  readonly now: () => number

  constructor(options: DatabaseOptions = {}) {
    const global = globalThis as { indexedDB?: unknown; IDBKeyRange?: unknown }
    const indexedDB = options.indexedDB ?? global.indexedDB
    const keyRange = options.IDBKeyRange ?? global.IDBKeyRange
    if (!indexedDB || !keyRange) throw failure('unavailable', 'Opening the event store')
    super(options.name ?? DATABASE_NAME, {
      indexedDB: indexedDB as { open: () => unknown },
      IDBKeyRange: keyRange as {
        bound: () => unknown
        lowerBound: () => unknown
        upperBound: () => unknown
      },
      // Where the browser lets us choose (Chromium), a committed batch has reached the disk;
      // batches are large (group commit), so the flush per batch costs little per event.
      chromeTransactionDurability: 'strict',
    })
    this.now = options.now ?? (() => Date.now())
    declareVersions(this)
    const { onVersionChange, onBlocked } = options
    // Dexie's own handler closes this connection so the other tab's upgrade can proceed.
    if (onVersionChange) this.on('versionchange', () => onVersionChange())
    if (onBlocked) this.on('blocked', () => onBlocked())
  }
}

/**
 * Creates and opens the database. A missing or refusing IndexedDB is a StorageError of kind
 * `unavailable`: the app then runs in memory and says that nothing is being saved.
 */
export async function openDatabase(options: DatabaseOptions = {}): Promise<EventuallyDb> {
  const db = new EventuallyDb(options)
  try {
    await db.open()
  } catch (error) {
    throw storageError(error, 'Opening the event store', 'unavailable')
  }
  return db
}

/** The lowest and highest keys, for open-ended key ranges. */
export const FIRST = Dexie.minKey
export const LAST = Dexie.maxKey

/**
 * Bounds of "every key of one run" in a table whose compound key starts with the run id: an array
 * sorts after its prefixes, and LAST sorts after any string or number. (LAST must appear once
 * per key: IndexedDB refuses a key holding the same array object twice, as it would a cycle.)
 */
export function wholeRun(runId: number): [[number], [number, typeof LAST]] {
  return [[runId], [runId, LAST]]
}
