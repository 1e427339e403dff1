/**
 * The baseline: the same work as the event store, written directly against IndexedDB with no
 * library in between. Same record layout as `toRecord` (src/persistence/events.ts), same primary
 * key and unique indexes as schema v1 (src/persistence/migrations.ts), one transaction per batch.
 */
import type { StoredEvent } from '../../src/core'

const EVENTS = 'events'

/** One write path, as the append measurement drives it batch by batch. */
export interface Writer {
  write(batch: readonly StoredEvent[]): Promise<void>
  /** Time spent committing (the store's `flush`; all of it for raw code). */
  readonly flushMs: number
  /** How many events the database holds, to check the path wrote them all. */
  stored(): Promise<number>
  close(): void
}

/** Reads the page after `after`: how many events it held and the last position. */
export type Reader = (after: number) => Promise<{ read: number; last: number }>

/** A fresh database holding only an events table laid out as the app's. */
export async function rawWriter(name: string, durability: IDBTransactionDurability) {
  const open = indexedDB.open(name, 1)
  open.onupgradeneeded = () => {
    const events = open.result.createObjectStore(EVENTS, { keyPath: ['runId', 'position'] })
    events.createIndex('[runId+stream+version]', ['runId', 'stream', 'version'], { unique: true })
    events.createIndex('[runId+id]', ['runId', 'id'], { unique: true })
  }
  const db = await settle(open, `opening ${name}`)
  const writer: Writer = {
    flushMs: 0,
    write: (batch) => addBatch(db, 1, batch, durability),
    stored: () => settle(db.transaction(EVENTS).objectStore(EVENTS).count(), 'counting'),
    close: () => db.close(),
  }
  return writer
}

/** One batch in one transaction; resolves when the transaction has committed. */
function addBatch(
  db: IDBDatabase,
  runId: number,
  batch: readonly StoredEvent[],
  durability: IDBTransactionDurability,
): Promise<void> {
  const tx = db.transaction(EVENTS, 'readwrite', { durability })
  const store = tx.objectStore(EVENTS)
  for (const e of batch)
    store.add({
      runId,
      position: e.position,
      stream: e.stream,
      version: e.version,
      id: e.id,
      type: e.type,
      data: e.data,
      at: e.at,
    })
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve()
    tx.onerror = tx.onabort = () => reject(new Error(`transaction failed: ${String(tx.error)}`))
  })
}

/**
 * A catch-up reader: up to `page` records with position > `after`, through a bound on the primary
 * key and `getAll` with a count, each page in a transaction of its own as each pull would be.
 */
export function rawReader(db: IDBDatabase, runId: number, page: number): Reader {
  return async (after) => {
    const range = IDBKeyRange.bound([runId, after], [runId, Infinity], true, false)
    const request = db.transaction(EVENTS, 'readonly').objectStore(EVENTS).getAll(range, page)
    const records = (await settle(request, 'reading events')) as { position: number }[]
    return { read: records.length, last: records[records.length - 1]?.position ?? after }
  }
}

/** Every event of a run in one request: the floor under any reopen that reads them all. */
export async function rawReadAll(db: IDBDatabase, runId: number): Promise<number> {
  const range = IDBKeyRange.bound([runId, 0], [runId, Infinity])
  const tx = db.transaction(EVENTS, 'readonly')
  return (await settle(tx.objectStore(EVENTS).getAll(range), 'reading events')).length
}

/** An existing database at whatever version it has (the app's, to read what the store wrote). */
export function openExisting(name: string): Promise<IDBDatabase> {
  return settle(indexedDB.open(name), `opening ${name}`)
}

export function deleteDatabase(name: string): Promise<unknown> {
  return settle(indexedDB.deleteDatabase(name), `deleting ${name}`)
}

function settle<T>(r: IDBRequest<T>, doing: string): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result)
    r.onerror = () => reject(new Error(`${doing}: ${String(r.error)}`))
  })
}
