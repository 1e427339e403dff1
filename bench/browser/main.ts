/**
 * The storage bench page. Each measurement is a function on `window.storageBench` that the Node
 * script (bench/storage.ts) calls and awaits; the page keeps no state between calls except the
 * precomputed events, so a reload (which the reopen measurement needs) loses nothing else. The
 * engine bench (bench/engine.ts) also runs the engine here, in the browser the app runs in.
 *
 * The machine this runs on is shared and its load moves by the second, so the paths compared are
 * interleaved finely: batch by batch for appends, page by page for reads, the order turning each
 * time. Both paths then see the same load, and neither always runs first on warm caches.
 */
import { MemoryEventStore, Simulation, type Scenario, type StoredEvent } from '../../src/core'
import { DATABASE_NAME, openDatabase } from '../../src/persistence'
import { largePush, load } from '../../src/scenarios'
import type { Appended, Read, ReadPath, StorageBench, WritePath } from './api'
import { deleteDatabase, openExisting, rawReadAll, rawReader, rawWriter, type Writer } from './raw'
import { replayRun, reopenRun, saveRun, storeReader, storeWriter } from './store'

const WRITE_PATHS: readonly WritePath[] = ['store', 'raw', 'raw-relaxed']
const READ_PATHS: readonly ReadPath[] = ['store', 'raw']

let scenario: Scenario | null = null
let events: readonly StoredEvent[] = []
let databases = 0

/** A full collection before each timing (Chromium runs with --js-flags=--expose-gc). */
const collect = () => (globalThis as { gc?: () => void }).gc?.()

/** `paths` forwards on even turns, backwards on odd ones. */
const inTurn = <T>(paths: readonly T[], turn: number): readonly T[] =>
  turn % 2 === 0 ? paths : [...paths].reverse()

/** The events the engine appends for the scenario, computed once (the engine is not measured). */
function prepare(count: number) {
  const t0 = performance.now()
  scenario = load(largePush(count))
  const memory = new MemoryEventStore()
  new Simulation(scenario, { store: memory }).run()
  events = memory.readAfter(0, Infinity)
  return Promise.resolve({ events: events.length, ms: performance.now() - t0 })
}

/** The first `count` events by every write path, each into a fresh database, deleted after. */
async function append(count: number, batch: number, turn: number): Promise<Appended[]> {
  if (!scenario) throw new Error('call prepare() first')
  const names = new Map(WRITE_PATHS.map((path) => [path, `bench-${path}-${++databases}`]))
  const name = (path: WritePath) => names.get(path) as string
  const writers = new Map<WritePath, Writer>()
  try {
    writers.set('store', await storeWriter(name('store'), scenario))
    writers.set('raw', await rawWriter(name('raw'), 'strict'))
    writers.set('raw-relaxed', await rawWriter(name('raw-relaxed'), 'relaxed'))
    const ms = new Map(WRITE_PATHS.map((path) => [path, 0]))
    collect()
    for (let i = 0, b = turn; i < count; i += batch, b++) {
      const slice = events.slice(i, Math.min(i + batch, count))
      for (const path of inTurn(WRITE_PATHS, b)) {
        const t0 = performance.now()
        await (writers.get(path) as Writer).write(slice)
        ms.set(path, (ms.get(path) as number) + performance.now() - t0)
      }
    }
    return await Promise.all(
      WRITE_PATHS.map(async (path) => {
        const writer = writers.get(path) as Writer
        const stored = await writer.stored()
        if (stored !== count) throw new Error(`${path} stored ${stored} events, not ${count}`)
        const total = ms.get(path) as number
        return {
          path,
          events: count,
          ms: total,
          flushMs: path === 'store' ? writer.flushMs : total,
        }
      }),
    )
  } finally {
    for (const writer of writers.values()) writer.close()
    for (const path of WRITE_PATHS) await deleteDatabase(name(path))
  }
}

/** The run the read and reopen measurements use, in the app's own database. */
async function storeRun() {
  const db = await openDatabase()
  const t0 = performance.now()
  const session = await saveRun(db, prepared())
  const ms = performance.now() - t0
  db.close()
  const { usage = 0 } = await navigator.storage.estimate()
  return { runId: session.runId, head: session.sim.head(), ms, usage }
}

function prepared(): Scenario {
  if (!scenario) throw new Error('call prepare() first')
  return scenario
}

/** Every event of the run after position 0, in pages, by both read paths page by page. */
async function read(runId: number, page: number, turn: number): Promise<Read[]> {
  const db = await openDatabase()
  const raw = await openExisting(DATABASE_NAME)
  try {
    const readers = { store: storeReader(db, runId, page), raw: rawReader(raw, runId, page) }
    const figures = new Map(READ_PATHS.map((path) => [path, { after: 0, pages: 0, ms: 0 }]))
    collect()
    for (let p = turn, done = false; !done; p++) {
      for (const path of inTurn(READ_PATHS, p)) {
        const f = figures.get(path) as { after: number; pages: number; ms: number }
        const t0 = performance.now()
        const { read, last } = await readers[path](f.after)
        f.ms += performance.now() - t0
        f.pages++
        f.after = last
        if (read < page) done = true
      }
    }
    return READ_PATHS.map((path) => {
      const f = figures.get(path) as { after: number; pages: number; ms: number }
      return { path, events: f.after, pages: f.pages, ms: f.ms }
    })
  } finally {
    db.close()
    raw.close()
  }
}

/** Raw code reading every event of the run in one request: the floor for any full reopen. */
async function readAll(runId: number) {
  const raw = await openExisting(DATABASE_NAME)
  collect()
  const t0 = performance.now()
  const events = await rawReadAll(raw, runId)
  const ms = performance.now() - t0
  raw.close()
  return { events, ms }
}

/** The engine's headless runs in the page (see StorageBench.engine). */
function engine(count: number, rounds: number) {
  const s = load(largePush(count))
  const times: number[] = []
  for (let i = 0; i < rounds; i++) {
    collect()
    const t0 = performance.now()
    new Simulation(s).run()
    times.push(performance.now() - t0)
  }
  return Promise.resolve(times)
}

const api: StorageBench = {
  prepare,
  append,
  storeRun,
  read,
  readAll,
  reopen: (runId) => (collect(), reopenRun(runId)),
  replay: (runId) => (collect(), replayRun(runId)),
  engine,
}
;(window as unknown as { storageBench: StorageBench }).storageBench = api
document.body.dataset['ready'] = 'true'
