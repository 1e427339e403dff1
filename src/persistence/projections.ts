import type { Row } from '../core'
import { FIRST, LAST, wholeRun, type EventuallyDb } from './db'
import { storageError } from './errors'

/**
 * Checkpoints and read-model rows of a run's projections. A projection's rows and its checkpoint
 * are saved in one transaction, so a stored row set always matches the checkpoint beside it.
 */

export async function saveCheckpoint(
  db: EventuallyDb,
  runId: number,
  projection: string,
  position: number,
): Promise<void> {
  try {
    await db.checkpoints.put({ runId, projection, position })
  } catch (error) {
    throw storageError(error, `Saving the checkpoint of ${projection}`)
  }
}

/** Checkpoints by projection id. */
export async function readCheckpoints(
  db: EventuallyDb,
  runId: number,
): Promise<Record<string, number>> {
  const records = await db.checkpoints
    .where('[runId+projection]')
    .between(...wholeRun(runId))
    .toArray()
  return Object.fromEntries(records.map((r) => [r.projection, r.position]))
}

/** Replaces a projection's rows and, when given, its checkpoint, all or nothing. */
export async function saveRows(
  db: EventuallyDb,
  runId: number,
  projection: string,
  rows: Readonly<Record<string, Row>>,
  checkpoint?: number,
): Promise<void> {
  try {
    await db.transaction('rw', db.rows, db.checkpoints, async () => {
      await rowRange(db, runId, projection).delete()
      await db.rows.bulkAdd(
        Object.entries(rows).map(([key, row]) => ({ runId, projection, key, row })),
      )
      if (checkpoint !== undefined)
        await db.checkpoints.put({ runId, projection, position: checkpoint })
    })
  } catch (error) {
    throw storageError(error, `Saving the rows of ${projection}`)
  }
}

/** A projection's rows by key, in key order. */
export async function readRows(
  db: EventuallyDb,
  runId: number,
  projection: string,
): Promise<Record<string, Row>> {
  const records = await rowRange(db, runId, projection).toArray()
  return Object.fromEntries(records.map((r) => [r.key, r.row]))
}

function rowRange(db: EventuallyDb, runId: number, projection: string) {
  return db.rows
    .where('[runId+projection+key]')
    .between([runId, projection, FIRST], [runId, projection, LAST])
}
