import {
  conflictReason,
  eventId,
  type ExpectedVersion,
  type NewEvent,
  type SimTime,
  type StoredEvent,
} from '../core'
import { FIRST, LAST, type EventRecord, type EventuallyDb } from './db'
import { failure, StorageError, storageError } from './errors'

/**
 * Repository functions over the events table. Keys are compound and start with the run id, so
 * each run is one contiguous key range and every query below is a single range read.
 */

export function toRecord(runId: number, e: StoredEvent): EventRecord {
  return {
    runId,
    position: e.position,
    stream: e.stream,
    version: e.version,
    id: e.id,
    type: e.type,
    data: e.data,
    at: e.at,
  }
}

/** Back to the engine's shape, with its key order, so that stored events print like the engine's. */
export function toEvent(r: EventRecord): StoredEvent {
  return {
    position: r.position,
    stream: r.stream,
    version: r.version,
    id: r.id,
    type: r.type,
    data: r.data,
    at: r.at,
  }
}

function runRange(db: EventuallyDb, runId: number, after = 0) {
  return db.events.where('[runId+position]').between([runId, after], [runId, LAST], false, true)
}

/**
 * Appends to one stream if its version is `expected`, in one transaction with the run's head.
 * A wrong version throws a StorageError of kind `conflict` and writes nothing. (The engine
 * appends through DexieEventStore instead, which batches; this is for single writes.)
 */
export async function appendEvents(
  db: EventuallyDb,
  runId: number,
  stream: string,
  expected: ExpectedVersion,
  events: readonly NewEvent[],
  at: SimTime,
): Promise<StoredEvent[]> {
  const doing = `Appending ${events.length} event(s) to ${stream}`
  try {
    return await db.transaction('rw', db.runs, db.events, async () => {
      const run = await db.runs.get(runId)
      if (!run) throw failure('missing', `${doing} of run ${runId}`)
      const last = await db.events
        .where('[runId+stream+version]')
        .between([runId, stream, FIRST], [runId, stream, LAST])
        .last()
      const actual = last?.version ?? 0
      if (expected !== 'any' && expected !== actual)
        throw new StorageError(
          'conflict',
          `${doing} failed: ${conflictReason(stream, expected, actual)}; nothing was written`,
        )
      const stored = events.map((e, i): StoredEvent => {
        const position = run.head + i + 1
        return {
          position,
          stream,
          version: actual + i + 1,
          id: eventId(position),
          type: e.type,
          data: e.data,
          at,
        }
      })
      await db.events.bulkAdd(stored.map((e) => toRecord(runId, e)))
      await db.runs.update(runId, {
        head: run.head + stored.length,
        clock: Math.max(run.clock, at),
        updatedAt: db.now(),
        revision: run.revision + 1,
      })
      return stored
    })
  } catch (error) {
    throw storageError(error, doing)
  }
}

/** Up to `limit` events with position > `after`, in position order. */
export async function readEventsAfter(
  db: EventuallyDb,
  runId: number,
  after: number,
  limit: number,
): Promise<StoredEvent[]> {
  return (await runRange(db, runId, after).limit(limit).toArray()).map(toEvent)
}

/** Every event of a run in position order: one range read (how a store is reopened). */
export async function readAllEvents(db: EventuallyDb, runId: number): Promise<StoredEvent[]> {
  return (await runRange(db, runId).toArray()).map(toEvent)
}

/** One stream in version order, through the unique [runId+stream+version] index. */
export async function readStream(
  db: EventuallyDb,
  runId: number,
  stream: string,
): Promise<StoredEvent[]> {
  const records = await db.events
    .where('[runId+stream+version]')
    .between([runId, stream, FIRST], [runId, stream, LAST])
    .toArray()
  return records.map(toEvent)
}

/** The position of the run's last stored event, 0 when it has none. */
export async function headOf(db: EventuallyDb, runId: number): Promise<number> {
  return (await runRange(db, runId).last())?.position ?? 0
}

/** What the event store browser asks for: newest first, optionally one stream or one type. */
export interface EventQuery {
  /** Only events below this position (the next page); the newest when absent. */
  readonly before?: number
  readonly limit: number
  readonly stream?: string
  readonly type?: string
}

/**
 * Events of a run, newest first, as an event store's browser lists them. A stream filter reads
 * the [runId+stream+version] index backwards; a type filter (not indexed: nothing else queries by
 * type, and each index costs every append) scans backwards from `before` until `limit` match.
 */
export async function browseEvents(
  db: EventuallyDb,
  runId: number,
  query: EventQuery,
): Promise<StoredEvent[]> {
  const before = query.before ?? Infinity
  const keep = (r: EventRecord) =>
    r.position < before && (query.type === undefined || r.type === query.type)
  const range =
    query.stream === undefined
      ? db.events
          .where('[runId+position]')
          .between([runId, 0], [runId, Math.min(before, Number.MAX_SAFE_INTEGER)], false, false)
      : db.events
          .where('[runId+stream+version]')
          .between([runId, query.stream, FIRST], [runId, query.stream, LAST])
  const records = await range.reverse().filter(keep).limit(query.limit).toArray()
  return records.map(toEvent)
}
