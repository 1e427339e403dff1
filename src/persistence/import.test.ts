/**
 * Importing files: everything is validated before anything is written, the write is one
 * transaction, and a refused or failed import leaves what was stored before untouched.
 */
import { describe, expect, it } from 'vitest'
import { exportBundle, simulate, type Scenario } from '../core'
import { load, readAfterWrite } from '../scenarios'
import { DexieEventStore } from './dexie-store'
import { StorageError } from './errors'
import { readAllEvents } from './events'
import { exportRun, importRunBundle, importScenario } from './import'
import { readCheckpoints } from './projections'
import { createRun, getRun, listRuns } from './runs'
import { listScenarios } from './scenarios'
import { injectFaults, useTestDb, type WriteFaults } from './testing'

const scenario: Scenario = load(readAfterWrite)
const result = simulate(scenario)
const bundle = exportBundle({
  scenario,
  events: result.events,
  checkpoints: { 'push-reader': 3, 'pull-reader': 3 },
})
let faults: WriteFaults
const db = useTestDb((d) => (faults = injectFaults(d)))

/** Everything in the database, to compare before and after an import. */
async function everything() {
  const d = db()
  return Promise.all([
    d.runs.toArray(),
    d.events.toArray(),
    d.checkpoints.toArray(),
    d.scenarios.toArray(),
  ])
}

/** A database holding one earlier run, so "untouched" means something. */
async function withEarlierRun(): Promise<void> {
  const store = await DexieEventStore.open(db(), await createRun(db(), scenario, 'earlier'))
  store.append('todo/t9', 'any', [{ type: 'TodoAdded', data: { id: 't9', title: 'x' } }], 5)
  await store.flush()
}

describe('importing a run bundle', () => {
  it('stores a new run with its scenario, events and checkpoints', async () => {
    await withEarlierRun()
    const imported = await importRunBundle(db(), bundle)
    expect(imported.ok).toBe(true)
    if (!imported.ok) return
    expect(await getRun(db(), imported.id)).toMatchObject({
      name: 'Read after write',
      status: 'imported',
      scenario,
      head: result.events.length,
      clock: result.events[result.events.length - 1]?.at,
    })
    expect(await readAllEvents(db(), imported.id)).toEqual(result.events)
    expect(await readCheckpoints(db(), imported.id)).toEqual({ 'push-reader': 3, 'pull-reader': 3 })
    expect((await DexieEventStore.open(db(), imported.id)).head()).toBe(3)
  })

  it('exports a stored run as the same bytes it was imported from', async () => {
    const imported = await importRunBundle(db(), bundle, 'named on import')
    if (!imported.ok) throw new Error('import refused')
    expect((await getRun(db(), imported.id))?.name).toBe('named on import')
    expect(await exportRun(db(), imported.id)).toBe(bundle)
  })

  it('keeps the interventions of a playground run through export and import', async () => {
    // In the schema's key order, as a stored run holds them.
    const interventions = [{ type: 'crash' as const, at: 5, step: 2, projection: 'pull-reader' }]
    const text = exportBundle({ scenario, events: result.events, interventions })
    const imported = await importRunBundle(db(), text)
    if (!imported.ok) throw new Error('import refused')
    expect((await getRun(db(), imported.id))?.interventions).toEqual(interventions)
    expect(await exportRun(db(), imported.id)).toBe(text)
  })

  it.each([
    ['a malformed file', '{"format": "eventually.run/v1", "events": [}', /not valid JSON/],
    ['a truncated file', bundle.slice(0, bundle.length - 200), /not valid JSON/],
    ['50 MB of junk', `"${'x'.repeat(50 * 1024 * 1024)}"`, /too large \(50\.0 MB\)/],
    [
      'a file with a wrong type',
      bundle.replace('"position":2', '"position":"2"'),
      /expected number/,
    ],
    [
      'a file with positions out of order',
      bundle.replace('"position":2', '"position":3'),
      /must be 2/,
    ],
    [
      'a file with a duplicate position',
      bundle.replace('"position":2', '"position":1'),
      /duplicate/,
    ],
    [
      'a file with an event type of another domain',
      bundle.replace('"TodoRenamed"', '"Deposited"'),
      /unknown event type/,
    ],
  ])('refuses %s with a message and writes nothing', async (_, text, message) => {
    await withEarlierRun()
    const before = await everything()
    const imported = await importRunBundle(db(), text)
    expect(imported.ok).toBe(false)
    if (imported.ok) return
    expect(imported.problems.map((p) => p.message).join('\n')).toMatch(message)
    expect(await everything()).toEqual(before)
  })

  it('stores markup as the inert text it is', async () => {
    const markup = '<img src=x onerror="alert(1)">'
    const text = exportBundle({
      scenario: { ...scenario, name: markup },
      events: result.events.map((e) => ({ ...e, data: { ...e.data, title: markup } })),
    })
    const imported = await importRunBundle(db(), text)
    if (!imported.ok) throw new Error('import refused')
    expect((await getRun(db(), imported.id))?.name).toBe(markup)
    expect((await readAllEvents(db(), imported.id))[0]?.data['title']).toBe(markup)
  })

  it('writes nothing when storage fails in the middle of the import', async () => {
    await withEarlierRun()
    const before = await everything()
    faults.failWhen = (table) => table === 'checkpoints'
    const error = await importRunBundle(db(), bundle).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(StorageError)
    expect((error as StorageError).kind).toBe('quota')
    expect((error as StorageError).message).toMatch(/^Importing 3 event\(s\) failed: the browser/)
    expect(await everything()).toEqual(before)
  })

  it('says when the run to export does not exist', async () => {
    await expect(exportRun(db(), 77)).rejects.toMatchObject({ kind: 'missing' })
  })
})

describe('importing a scenario', () => {
  it('saves a valid scenario file, under its name or the one given', async () => {
    const text = JSON.stringify(readAfterWrite)
    expect(await importScenario(db(), text)).toMatchObject({ ok: true })
    expect(await importScenario(db(), text, 'mine')).toMatchObject({ ok: true })
    const saved = await listScenarios(db())
    expect(saved.map((s) => s.name)).toEqual(['mine', 'Read after write'])
    expect(saved[0]?.scenario).toEqual(scenario)
  })

  it('refuses an invalid scenario file with its problems and saves nothing', async () => {
    const text = JSON.stringify({ ...readAfterWrite, seed: -1, until: 'soon' })
    expect(await importScenario(db(), text)).toEqual({
      ok: false,
      problems: [
        { path: 'seed', message: 'must not be negative' },
        { path: 'until', message: 'Invalid input: expected number, received string' },
      ],
    })
    expect(await listScenarios(db())).toEqual([])
    expect(await listRuns(db())).toEqual([])
  })
})
