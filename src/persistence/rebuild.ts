import { domains, type Row } from '../core'
import type { EventuallyDb } from './db'
import { failure } from './errors'
import { readEventsAfter } from './events'
import { readRows, saveRows } from './projections'

export interface RebuildProgress {
  /** Events folded so far, out of `total` (the run's head when the rebuild started). */
  readonly done: number
  readonly total: number
}

export interface RebuildResult {
  readonly checkpoint: number
  readonly rows: number
  /** Keys whose rebuilt row differs from the row saved before (added, removed or changed). */
  readonly changed: readonly string[]
}

/** Events read per page, as a pull subscriber would. */
export const REBUILD_PAGE = 1000

/**
 * Rebuilds one projection of a stored run from position 0: reads the run's events in pages, folds
 * them with the domain's in-order logic, then replaces the projection's rows and checkpoint in one
 * transaction. The result is what a correct projection holds at the head, whatever handler built
 * the saved rows; `changed` says which saved rows were wrong. A failure writes nothing.
 */
export async function rebuildReadModel(
  db: EventuallyDb,
  runId: number,
  projection: string,
  onProgress: (p: RebuildProgress) => void = () => {},
): Promise<RebuildResult> {
  const doing = `Rebuilding ${projection} of run ${runId}`
  const run = await db.runs.get(runId)
  if (!run) throw failure('missing', doing)
  if (!run.scenario.projections.some((p) => p.id === projection))
    throw failure('missing', doing, `the run has no projection "${projection}"`)
  const domain = domains[run.scenario.domain]
  const rows = new Map<string, Row | undefined>()
  let checkpoint = 0
  onProgress({ done: 0, total: run.head })
  for (;;) {
    const page = await readEventsAfter(db, runId, checkpoint, REBUILD_PAGE)
    for (const e of page) {
      const key = domain.keyOf(e)
      rows.set(key, domain.evolve(rows.get(key), e))
      checkpoint = e.position
    }
    onProgress({ done: checkpoint, total: Math.max(run.head, checkpoint) })
    if (page.length < REBUILD_PAGE) break
  }
  const before = await readRows(db, runId, projection)
  const after: Record<string, Row> = {}
  for (const [key, row] of rows) if (row !== undefined) after[key] = row
  const keys = new Set([...Object.keys(before), ...Object.keys(after)])
  const changed = [...keys].filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
  await saveRows(db, runId, projection, after, checkpoint)
  return { checkpoint, rows: Object.keys(after).length, changed: changed.sort() }
}
