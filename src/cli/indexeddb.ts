/**
 * `--store indexeddb`: the run appends to the app's Dexie event store instead of the memory store,
 * through the same engine, flushing a batch (one transaction) every few thousand events as the
 * app does once per tick. Node has no IndexedDB, so simulate.ts installs fake-indexeddb (an
 * in-memory implementation) before loading this module: nothing outlives the process, and the
 * point is to run the engine on the real store code and print what a memory run prints.
 */
import { buildResult, Simulation, type Result, type Scenario } from '../core'
import { createRun, DexieEventStore, openDatabase, saveRows } from '../persistence'

/** Engine steps between checks of the pending batch. */
const SLICE = 4096
/** Commit once this many events wait: large batches reach IndexedDB's throughput (TOOLCHAIN.md). */
const BATCH = 2000

export async function runOnIndexedDb(scenario: Scenario, trace: boolean): Promise<Result> {
  const db = await openDatabase()
  try {
    const runId = await createRun(db, scenario)
    const store = await DexieEventStore.open(db, runId)
    const sim = new Simulation(scenario, { store })
    while (!sim.done) {
      sim.runUntil({ maxSteps: SLICE })
      if (store.pendingCount >= BATCH || sim.done)
        await store.flush({ clock: sim.now, ...(sim.done ? { status: 'ended' as const } : {}) })
    }
    const result = buildResult(sim, { trace })
    for (const [id, p] of Object.entries(result.projections))
      await saveRows(db, runId, id, p.state, p.checkpoint)
    return result
  } finally {
    db.close()
  }
}
