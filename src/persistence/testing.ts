/**
 * Helpers for the persistence tests (a plain module: importing it runs no tests). Each test gets
 * its own database, named uniquely and deleted afterwards.
 */
import type { DBCoreMutateRequest } from 'dexie'
import { afterEach, beforeEach } from 'vitest'
import { EventuallyDb, type DatabaseOptions } from './db'

let databases = 0

/** A database per test; `before` runs on it before it opens (middleware must be added then). */
export function useTestDb(
  before: (db: EventuallyDb) => void = () => undefined,
  options: DatabaseOptions = {},
): () => EventuallyDb {
  let db: EventuallyDb | undefined
  beforeEach(async () => {
    let tick = 1_700_000_000_000
    db = new EventuallyDb({ name: `eventually-test-${++databases}`, now: () => tick++, ...options })
    before(db)
    await db.open()
  })
  afterEach(async () => {
    await db?.delete()
    db = undefined
  })
  return () => {
    if (!db) throw new Error('no test database outside a test')
    return db
  }
}

/** The error a browser raises when the origin's storage quota is exhausted. */
export function quotaExceeded(): DOMException {
  return new DOMException('The quota has been exceeded.', 'QuotaExceededError')
}

export interface WriteFaults {
  /** Fail the next write that matches (checked in order of the writes). */
  failWhen: ((table: string, request: DBCoreMutateRequest) => boolean) | null
  error: Error
  /** Read-write transactions opened so far. */
  writeTransactions: number
}

/**
 * A DBCore middleware that can fail a chosen write inside a transaction, after the writes before
 * it in that transaction went through, as a full disk does, and counts write transactions.
 */
export function injectFaults(db: EventuallyDb): WriteFaults {
  const faults: WriteFaults = { failWhen: null, error: quotaExceeded(), writeTransactions: 0 }
  db.use({
    stack: 'dbcore',
    name: 'test-faults',
    create: (down) => ({
      ...down,
      transaction: (stores, mode, options) => {
        if (mode === 'readwrite') faults.writeTransactions++
        return down.transaction(stores, mode, options)
      },
      table: (name) => {
        const table = down.table(name)
        return {
          ...table,
          mutate: (request) => {
            if (faults.failWhen?.(name, request)) {
              faults.failWhen = null
              return Promise.reject(faults.error)
            }
            return table.mutate(request)
          },
        }
      },
    }),
  })
  return faults
}
