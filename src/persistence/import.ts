import {
  BUNDLE_FORMAT,
  MAX_BUNDLE_CHARS,
  SCENARIO_FORMAT,
  exportBundle,
  parseBundleText,
  parseScenarioText,
  type RunBundle,
  type ScenarioProblem,
} from '../core'
import type { EventuallyDb } from './db'
import { failure, storageError } from './errors'
import { readAllEvents, toRecord } from './events'
import { readCheckpoints } from './projections'
import { saveScenario } from './scenarios'

/**
 * Import and export of files. A file is validated completely before anything is written, and
 * the write is one transaction, so a refused or failed import leaves the database as it was.
 * `problems` are about the file (show them to the user as a list); a StorageError is about the
 * browser's storage (quota, unavailable) and is thrown.
 */
export type ImportResult =
  | { readonly ok: true; readonly id: number }
  | { readonly ok: false; readonly problems: readonly ScenarioProblem[] }

/** Imports a run bundle (`eventually.run/v1`) as a new run with status `imported`. */
export async function importRunBundle(
  db: EventuallyDb,
  text: string,
  name?: string,
): Promise<ImportResult> {
  const parsed = parseBundleText(text)
  if (!parsed.ok) return parsed
  return { ok: true, id: await writeBundle(db, parsed.bundle, name ?? parsed.bundle.scenario.name) }
}

async function writeBundle(db: EventuallyDb, bundle: RunBundle, name: string): Promise<number> {
  const { scenario, events, checkpoints = {}, interventions } = bundle
  const now = db.now()
  try {
    return await db.transaction('rw', [db.runs, db.events, db.checkpoints], async () => {
      const runId = await db.runs.add({
        name,
        createdAt: now,
        updatedAt: now,
        scenario,
        ...(interventions ? { interventions } : {}),
        seed: scenario.seed,
        status: 'imported',
        head: events.length,
        clock: events[events.length - 1]?.at ?? 0,
        revision: 1,
      })
      await db.events.bulkAdd(events.map((e) => toRecord(runId, e)))
      await db.checkpoints.bulkAdd(
        Object.entries(checkpoints).map(([projection, position]) => ({
          runId,
          projection,
          position,
        })),
      )
      return runId
    })
  } catch (error) {
    throw storageError(error, `Importing ${events.length} event(s)`)
  }
}

/** Imports a scenario file (`eventually.scenario/v1`) into the saved scenarios. */
export async function importScenario(
  db: EventuallyDb,
  text: string,
  name?: string,
): Promise<ImportResult> {
  const parsed = parseScenarioText(text)
  if (!parsed.ok) return parsed
  return { ok: true, id: await saveScenario(db, parsed.scenario, name ?? parsed.scenario.name) }
}

/** A stored run as a bundle file's text, with its checkpoints when it has any. */
export async function exportRun(db: EventuallyDb, runId: number): Promise<string> {
  const [run, events, checkpoints] = await db.transaction(
    'r',
    [db.runs, db.events, db.checkpoints],
    () => Promise.all([db.runs.get(runId), readAllEvents(db, runId), readCheckpoints(db, runId)]),
  )
  if (!run) throw failure('missing', `Exporting run ${runId}`)
  return exportBundle({
    scenario: run.scenario,
    events,
    ...(Object.keys(checkpoints).length > 0 ? { checkpoints } : {}),
    ...(run.interventions && run.interventions.length > 0
      ? { interventions: run.interventions }
      : {}),
  })
}

/** What a file turned out to be once imported. */
export type FileImportResult =
  | { readonly ok: true; readonly kind: 'run' | 'scenario'; readonly id: number }
  | { readonly ok: false; readonly problems: readonly ScenarioProblem[] }

/**
 * Imports a file whatever it holds: a run bundle becomes a saved run, a scenario a saved
 * scenario. The size is checked before anything is parsed; anything else is refused with the
 * problems found and nothing is written.
 */
export async function importFile(db: EventuallyDb, text: string): Promise<FileImportResult> {
  const refuse = (message: string) => ({ ok: false as const, problems: [{ path: '', message }] })
  if (text.length > MAX_BUNDLE_CHARS) return parseBundleText(text) as FileImportResult
  let doc: unknown
  try {
    doc = JSON.parse(text)
  } catch (error) {
    return refuse(`not valid JSON (is the file complete?): ${(error as Error).message}`)
  }
  const format =
    typeof doc === 'object' && doc !== null ? (doc as { format?: unknown }).format : null
  if (format === BUNDLE_FORMAT) {
    const result = await importRunBundle(db, text)
    return result.ok ? { ok: true, kind: 'run', id: result.id } : result
  }
  if (format === SCENARIO_FORMAT) {
    const result = await importScenario(db, text)
    return result.ok ? { ok: true, kind: 'scenario', id: result.id } : result
  }
  return refuse(
    `not an Eventually file: its "format" should be "${BUNDLE_FORMAT}" (a run) or "${SCENARIO_FORMAT}" (a scenario)`,
  )
}
