import type { Dexie, Transaction } from 'dexie'

/**
 * Every released schema of the database, oldest first. A released entry is frozen: a change of
 * tables, keys or indexes is a new entry with a higher version and, when old records must change
 * shape, an `upgrade` that rewrites them inside the upgrade transaction. Each entry has a fixture
 * builder in `fixtures.ts` and a test that opens that fixture with the current code.
 *
 * Dexie's store syntax: the first item is the primary key (`[a+b]` compound, `++id`
 * auto-increment), the rest are indexes (`&` unique). Fields that are only stored, never
 * queried, are not listed: every index costs appends throughput (TOOLCHAIN.md).
 */
export interface SchemaVersion {
  readonly version: number
  readonly stores: Readonly<Record<string, string | null>>
  readonly upgrade?: (tx: Transaction) => Promise<void>
}

export const SCHEMA: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      runs: '++id, updatedAt',
      events: '[runId+position], &[runId+stream+version], &[runId+id]',
      checkpoints: '[runId+projection]',
      rows: '[runId+projection+key]',
      scenarios: '++id, savedAt',
    },
  },
]

export const CURRENT_VERSION = (SCHEMA[SCHEMA.length - 1] as SchemaVersion).version

/** Declares the versions up to `upTo` on a Dexie instance: the app uses all, fixtures fewer. */
export function declareVersions(db: Dexie, upTo: number = CURRENT_VERSION): void {
  for (const v of SCHEMA) {
    if (v.version > upTo) break
    const declared = db.version(v.version).stores(v.stores)
    if (v.upgrade) declared.upgrade(v.upgrade)
  }
}
