import type { Scenario } from '../core'
import { wholeRun, type EventuallyDb, type RunRecord } from './db'
import { failure, storageError } from './errors'

/** Starts an empty run of a scenario (whose seed is the run's seed); returns its id. */
export async function createRun(
  db: EventuallyDb,
  scenario: Scenario,
  name: string = scenario.name,
): Promise<number> {
  const now = db.now()
  try {
    return await db.runs.add({
      name,
      createdAt: now,
      updatedAt: now,
      scenario,
      seed: scenario.seed,
      status: 'running',
      head: 0,
      clock: 0,
      revision: 0,
    })
  } catch (error) {
    throw storageError(error, 'Creating a run')
  }
}

export async function getRun(db: EventuallyDb, runId: number): Promise<RunRecord | undefined> {
  return db.runs.get(runId)
}

/** Every run, the most recently changed first. */
export async function listRuns(db: EventuallyDb): Promise<RunRecord[]> {
  return db.runs.orderBy('updatedAt').reverse().toArray()
}

export async function renameRun(db: EventuallyDb, runId: number, name: string): Promise<void> {
  const changed = await db.runs.update(runId, { name, updatedAt: db.now() })
  if (changed === 0) throw failure('missing', `Renaming run ${runId}`)
}

/** Deletes a run with its events, checkpoints and rows, all or nothing. */
export async function deleteRun(db: EventuallyDb, runId: number): Promise<void> {
  try {
    await db.transaction('rw', [db.runs, db.events, db.checkpoints, db.rows], async () => {
      await db.events
        .where('[runId+position]')
        .between(...wholeRun(runId))
        .delete()
      await db.checkpoints
        .where('[runId+projection]')
        .between(...wholeRun(runId))
        .delete()
      await db.rows
        .where('[runId+projection+key]')
        .between(...wholeRun(runId))
        .delete()
      await db.runs.delete(runId)
    })
  } catch (error) {
    throw storageError(error, `Deleting run ${runId}`)
  }
}
