/**
 * Scratch measurement, not part of any test or of `npm run bench`: how fast DexieEventStore
 * writes a run (one transaction per batch) compared with raw IndexedDB calls doing the same adds
 * in the same process, and how long reopening the run takes. Under Node this runs on
 * fake-indexeddb, a pure-JS in-memory implementation: the ratio between the two write paths is
 * the useful figure, the absolute ones say nothing about a browser's IndexedDB on disk.
 * `node --import tsx bench/dexie-store.ts [events] [batch]`
 */
import 'fake-indexeddb/auto'
import { parseScenario, simulate, Simulation, type StoredEvent } from '../src/core'
import { createRun, DexieEventStore, openDatabase } from '../src/persistence'
import { largePush } from '../src/scenarios'

const events = Number(process.argv[2] ?? 100_000)
const batch = Number(process.argv[3] ?? 2000)
const parsed = parseScenario(largePush(events))
if (!parsed.ok) throw new Error('invalid scenario')
const scenario = parsed.scenario
const ms = (t: number) => `${(performance.now() - t).toFixed(0)} ms`

// The engine alone, for reference.
let t = performance.now()
const stored = simulate(scenario).events
console.log(`engine alone, memory store: ${ms(t)} for ${stored.length} events`)

// The engine on DexieEventStore, flushing every `batch` events.
const db = await openDatabase({ name: `bench-${process.pid}` })
const runId = await createRun(db, scenario)
const store = await DexieEventStore.open(db, runId)
const sim = new Simulation(scenario, { store })
let flushMs = 0
t = performance.now()
while (!sim.done) {
  sim.runUntil({ maxSteps: 4096 })
  if (store.pendingCount >= batch || sim.done) {
    const f = performance.now()
    await store.flush({ clock: sim.now })
    flushMs += performance.now() - f
  }
}
console.log(
  `engine on DexieEventStore: ${ms(t)}, of which flushes ${flushMs.toFixed(0)} ms ` +
    `(${Math.round(sim.head() / (flushMs / 1000))} events/s)`,
)

// Raw IndexedDB: the same records, keys and unique indexes, one transaction per batch. Node's
// tsconfig has no DOM types, so the few calls used here are typed locally.
interface Request<T> {
  result: T
  error: unknown
  onsuccess: (() => void) | null
  onerror: (() => void) | null
  onupgradeneeded?: (() => void) | null
}
interface Store {
  add(value: object): unknown
  createIndex(name: string, keyPath: string[], options: { unique: boolean }): unknown
}
interface Database {
  createObjectStore(name: string, options: { keyPath: string[] }): Store
  transaction(store: string, mode: 'readwrite'): Transaction
  close(): void
}
interface Transaction {
  objectStore(name: string): Store
  error: unknown
  oncomplete: (() => void) | null
  onerror: (() => void) | null
}
const { indexedDB } = globalThis as unknown as {
  indexedDB: { open(name: string, version: number): Request<Database> }
}
const raw = await new Promise<Database>((resolve, reject) => {
  const request = indexedDB.open(`bench-raw-${process.pid}`, 1)
  request.onupgradeneeded = () => {
    const events = request.result.createObjectStore('events', { keyPath: ['runId', 'position'] })
    events.createIndex('sv', ['runId', 'stream', 'version'], { unique: true })
    events.createIndex('id', ['runId', 'id'], { unique: true })
  }
  request.onsuccess = () => resolve(request.result)
  request.onerror = () => reject(new Error(String(request.error)))
})
const addBatch = (slice: readonly StoredEvent[]) =>
  new Promise<void>((resolve, reject) => {
    const tx = raw.transaction('events', 'readwrite')
    const os = tx.objectStore('events')
    for (const e of slice) os.add({ runId: 1, ...e })
    tx.oncomplete = () => resolve()
    tx.onerror = () => reject(new Error(String(tx.error)))
  })
t = performance.now()
for (let i = 0; i < stored.length; i += batch) await addBatch(stored.slice(i, i + batch))
const rawMs = performance.now() - t
console.log(
  `raw IndexedDB adds: ${rawMs.toFixed(0)} ms (${Math.round(stored.length / (rawMs / 1000))} events/s); ` +
    `DexieEventStore flushes take ${(flushMs / rawMs).toFixed(2)}x that`,
)

for (let i = 0; i < 3; i++) {
  t = performance.now()
  const reopened = await DexieEventStore.open(db, runId)
  console.log(`reopen ${reopened.head()} events: ${ms(t)}`)
}
db.close()
raw.close()
