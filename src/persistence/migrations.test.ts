/**
 * Every released schema version has a fixture database; opening it with today's code must keep
 * its data and leave it usable. Also: what a connection does when another tab upgrades.
 */
import { Dexie } from 'dexie'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { DexieEventStore } from './dexie-store'
import { buildFixture, FIXTURES } from './fixtures'
import { CURRENT_VERSION, SCHEMA } from './migrations'
import { openDatabase, type EventuallyDb } from './db'
import { readCheckpoints, readRows } from './projections'
import { listScenarios } from './scenarios'

let names = 0
const opened: EventuallyDb[] = []
const fresh = () => `eventually-migration-test-${++names}`

afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete()
})

async function open(name: string, options = {}): Promise<EventuallyDb> {
  const db = await openDatabase({ name, ...options })
  opened.push(db)
  return db
}

describe('schema versions', () => {
  it('has a fixture for every released version', () => {
    expect(Object.keys(FIXTURES).map(Number)).toEqual(SCHEMA.map((v) => v.version))
  })

  it.each(SCHEMA.map((v) => v.version))(
    'opens a version %i database with the current code and keeps every record',
    async (version) => {
      const name = fresh()
      await buildFixture(name, version)
      const db = await open(name)
      expect(db.verno).toBe(CURRENT_VERSION)
      // Until a version changes record shapes, each table reads back exactly as written.
      const fixture = FIXTURES[version] ?? {}
      for (const [table, records] of Object.entries(fixture))
        expect(await db.table(table).toArray(), table).toEqual(records)
    },
  )

  it('leaves a version 1 run usable: reopened, appended to, its rows and scenarios read', async () => {
    const name = fresh()
    await buildFixture(name, 1)
    const db = await open(name)
    const store = await DexieEventStore.open(db, 1)
    expect(store.head()).toBe(3)
    expect(store.version('todo/t1')).toBe(2)
    store.append('todo/t1', 2, [{ type: 'TodoCompleted', data: { id: 't1' } }], 400)
    await store.flush()
    expect((await DexieEventStore.open(db, 1)).head()).toBe(4)
    expect(await readCheckpoints(db, 1)).toEqual({ p: 3 })
    expect(Object.keys(await readRows(db, 1, 'p'))).toEqual(['t1', 't2'])
    expect((await listScenarios(db)).map((s) => s.name)).toEqual(['Fixture'])
  })
})

describe('another tab with another version', () => {
  it('hears that a newer version is opening, steps aside so it is not blocked, then reopens', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined) // Dexie says it is closing
    const name = fresh()
    const onVersionChange = vi.fn()
    const db = await open(name, { onVersionChange })
    const newer = new Dexie(name)
    newer.version(CURRENT_VERSION + 1).stores(SCHEMA[SCHEMA.length - 1]?.stores ?? {})
    await newer.open()
    expect(onVersionChange).toHaveBeenCalledOnce()
    expect(db.isOpen()).toBe(false)
    // The next call reopens at the newer version: the tables this code knows are still there.
    expect(await db.runs.count()).toBe(0)
    expect(db.isOpen()).toBe(true)
    newer.close()
  })

  it('says the upgrade is blocked while an old connection stays open, then finishes', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const name = fresh()
    // An old tab that ignores version changes: a bare connection at a lower version.
    const old = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, 1)
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(new Error(String(request.error)))
    })
    const onBlocked = vi.fn(() => old.close())
    const db = await open(name, { onBlocked })
    expect(onBlocked).toHaveBeenCalledOnce()
    expect(db.verno).toBe(CURRENT_VERSION)
  })
})
