/**
 * The app's side of each measurement, through the same calls the app makes: DexieEventStore for
 * writes and reopening, the repository function `readEventsAfter` for catch-up reads, and
 * RunSession for a run saved as it goes and for the full recomputation of a reopened run.
 */
import type { Scenario, StoredEvent } from '../../src/core'
import {
  createRun,
  DexieEventStore,
  headOf,
  openDatabase,
  readCheckpoints,
  readEventsAfter,
  readRows,
  RunSession,
  type EventuallyDb,
} from '../../src/persistence'
import type { Reader, Writer } from './raw'

/** Engine steps per tick when a run is driven, as a UI tick or the CLI would. */
const TICK_STEPS = 5000

/**
 * Writes precomputed events through the store: the store's whole write path (its in-memory
 * index, which decides each append, then `flush`, one transaction per batch), but not the engine
 * that produced the events. `flushMs` is the part spent in `flush`.
 */
export async function storeWriter(name: string, scenario: Scenario): Promise<Writer> {
  const db = await openDatabase({ name })
  const runId = await createRun(db, scenario)
  const store = await DexieEventStore.open(db, runId)
  const writer = {
    flushMs: 0,
    async write(batch: readonly StoredEvent[]) {
      for (const e of batch) {
        const result = store.append(e.stream, e.version - 1, [{ type: e.type, data: e.data }], e.at)
        if (!result.ok) throw new Error(`the store refused ${e.id}: ${result.reason}`)
      }
      const t0 = performance.now()
      await store.flush({ clock: batch[batch.length - 1]?.at ?? 0 })
      writer.flushMs += performance.now() - t0
    },
    stored: () => headOf(db, runId),
    close: () => db.close(),
  }
  return writer
}

/** A catch-up reader on the repository function `readEventsAfter`, as a pull subscriber reads. */
export function storeReader(db: EventuallyDb, runId: number, page: number): Reader {
  return async (after) => {
    const events = await readEventsAfter(db, runId, after, page)
    return { read: events.length, last: events[events.length - 1]?.position ?? after }
  }
}

/** A run as the app saves it: the engine on the store, one save (group commit) per tick. */
export async function saveRun(db: EventuallyDb, scenario: Scenario): Promise<RunSession> {
  const session = await RunSession.start(db, scenario)
  while (!session.sim.done) {
    session.advance({ maxSteps: TICK_STEPS })
    await session.save()
  }
  return session
}

/**
 * What a reload of the app does before it shows a stored run, step by step: open the database,
 * `RunSession.reopen` (the run record only: the stored events are checked page by page while the
 * engine catches up, see `replayRun`), then the checkpoints and rows a first view would show.
 */
export async function reopenRun(runId: number) {
  const t0 = performance.now()
  const db = await openDatabase()
  const t1 = performance.now()
  const session = await RunSession.reopen(db, runId)
  const t2 = performance.now()
  const [, views] = await Promise.all([
    readCheckpoints(db, runId),
    Promise.all(session.sim.scenario.projections.map((p) => readRows(db, runId, p.id))),
  ])
  const t3 = performance.now()
  db.close()
  const rows = views.reduce((n, v) => n + Object.keys(v).length, 0)
  return {
    open: t1 - t0,
    session: t2 - t1,
    firstView: t3 - t2,
    total: t3 - t0,
    head: session.restored?.head ?? 0,
    rows,
  }
}

/**
 * RunSession.reopen, then the engine driven past the stored clock as the app drives it: a save
 * per tick, which while catching up only checks the re-appended events against the stored ones
 * (nothing is written meanwhile).
 */
export async function replayRun(runId: number) {
  const db = await openDatabase()
  const t0 = performance.now()
  const session = await RunSession.reopen(db, runId)
  const t1 = performance.now()
  while (session.catchingUp && !session.divergence) {
    session.advance({ maxSteps: TICK_STEPS })
    await session.save()
  }
  await session.save()
  const t2 = performance.now()
  db.close()
  const divergence = session.divergence
  return {
    reopen: t1 - t0,
    drive: t2 - t1,
    total: t2 - t0,
    head: session.sim.head(),
    divergence: divergence ? `${divergence.position}: ${divergence.reason}` : null,
  }
}
