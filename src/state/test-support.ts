/**
 * Helpers for the state tests (a plain module: importing it runs no tests): a browser profile of
 * tabs over one fake-indexeddb database, schedulers, and waiting for a run to finish.
 */
import { afterEach, expect } from 'vitest'
import { EventuallyDb, type DatabaseOptions } from '../persistence'
import { injectFaults, type WriteFaults } from '../persistence/testing'
import { TICK_MS, type Scheduler } from './player'
import { createAppStore, type AppStore } from './store'
import type { AppDeps } from './types'
import { soleWriter, type WriterLock } from './writer-lock'

let names = 0
export const nextName = () => `eventually-state-${++names}`
export const opened: EventuallyDb[] = []
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete()
})

/** One browser profile: a database name and the localStorage slot, shared by its "tabs". */
export function profile(options: { faults?: (f: WriteFaults) => void } = {}) {
  const name = nextName()
  let lastRun: number | null = null
  let tick = 1_700_000_000_000
  const dbOptions: DatabaseOptions = { name, now: () => tick++ }
  let last: EventuallyDb | null = null
  return {
    name,
    /** The connection of the tab opened last. */
    db: () => {
      if (!last) throw new Error('no tab opened the database yet')
      return last
    },
    /** A tab: a store with its own connection; `alive` false makes it stop like a closed tab. */
    tab(lock: WriterLock = soleWriter, scheduler: Scheduler = immediate) {
      const deps: AppDeps = {
        openDb: async () => {
          const db = new EventuallyDb(dbOptions)
          const faults = injectFaults(db)
          options.faults?.(faults)
          await db.open()
          opened.push(db)
          last = db
          return db
        },
        lock,
        scheduler,
        lastRun: { get: () => lastRun, set: (id) => (lastRun = id) },
      }
      return createAppStore(deps)
    },
  }
}

export const immediate: Scheduler = {
  now: () => performance.now(),
  later: (f) => void setTimeout(f, 0),
}

/** A scheduler whose tab "closes" after `ticks` ticks: later callbacks never run. */
export function closingAfter(ticks: number): Scheduler {
  let left = ticks
  let clock = 0
  // Every reading is a tick's worth later, so each tick runs exactly one slice of steps.
  return { now: () => (clock += TICK_MS), later: (f) => void (left-- > 0 && setTimeout(f, 0)) }
}

export const reader: WriterLock = { claim: (e) => e.onReader(), takeOver: () => {} }

export async function until(
  store: AppStore,
  done: (s: ReturnType<AppStore['getState']>) => boolean,
) {
  for (let i = 0; i < 2000 && !done(store.getState()); i++)
    await new Promise((r) => setTimeout(r, 5))
  expect(done(store.getState())).toBe(true)
}

export const finished = (store: AppStore) =>
  until(store, (s) => s.run.kind === 'done' || s.run.kind === 'error')

export function hashOf(store: AppStore): string {
  const run = store.getState().run
  if (run.kind !== 'done') throw new Error(`expected a finished run, got ${run.kind}`)
  return run.summary.traceHash
}
