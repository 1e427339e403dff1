/**
 * The app store over a real (fake-indexeddb) database: runs are saved as they go, a reload
 * reopens the run and ends where an uninterrupted run ends, and storage trouble leaves the app
 * working in memory with what was stored intact.
 */
import { describe, expect, it } from 'vitest'
import { simulate, type Scenario } from '../core'
import { EventuallyDb, listRuns, readAllEvents, StorageError } from '../persistence'
import type { WriteFaults } from '../persistence/testing'
import { largePush, load, outOfOrder, readAfterWrite } from '../scenarios'
import { MAX_UNSAVED, TICK_MS, type Scheduler } from './player'
import { createAppStore } from './store'
import {
  closingAfter,
  finished,
  hashOf,
  immediate,
  nextName,
  opened,
  profile,
  reader,
  until,
} from './test-support'
import type { DbEvents } from './types'
import { soleWriter, type WriterLock } from './writer-lock'

const busy: Scenario = load(largePush(3000))

describe('a run in the app', () => {
  it('is saved as it goes and ends with the result of the engine alone', async () => {
    const store = profile().tab()
    await store.getState().init()
    expect(store.getState().storage).toEqual({ kind: 'saving' })
    store.getState().loadScenario(busy)
    await store.getState().runScenario()
    await finished(store)
    expect(hashOf(store)).toBe(simulate(busy).traceHash)
    await until(store, (s) => s.runs[0]?.status === 'ended')
    expect(store.getState().runs).toMatchObject([
      { status: 'ended', events: simulate(busy).events.length },
    ])
  }, 30_000)

  it('reopens after a reload mid-run, says how far it got, and ends as if never interrupted', async () => {
    const browser = profile()
    // The tab closes after three ticks of one slice each; the save it had started still lands.
    const first = browser.tab(soleWriter, closingAfter(3))
    await first.getState().init()
    first.getState().loadScenario(busy)
    await first.getState().runScenario()
    let saved = (await listRuns(browser.db()))[0]
    for (let i = 0; i < 400 && !saved?.head; i++) {
      await new Promise((r) => setTimeout(r, 5))
      saved = (await listRuns(browser.db()))[0]
    }
    expect(saved?.status).toBe('running')
    const want = simulate(busy)
    expect(saved?.head).toBeGreaterThan(0)
    expect(saved?.head).toBeLessThan(want.events.length)

    // The reopened run comes back paused where it was shown, and goes on when asked.
    await new Promise((r) => setTimeout(r, 100))
    saved = (await listRuns(browser.db()))[0]
    const second = browser.tab()
    await second.getState().init()
    await until(second, (s) => s.run.kind === 'open')
    expect(second.getState().frame?.now).toBe(saved?.clock)
    second.getState().continueRun()
    await finished(second)
    const run = second.getState().run
    expect(run).toMatchObject({ kind: 'done', runId: saved?.id })
    if (run.kind !== 'done') return
    expect(run.restored?.head).toBeGreaterThan(0)
    expect(run.restored?.status).toBe('running')
    expect(run.summary.traceHash).toBe(want.traceHash)
    await until(second, (s) => s.runs[0]?.status === 'ended')
    expect(second.getState().runs[0]).toMatchObject({ status: 'ended', events: want.events.length })
  }, 30_000)

  it('goes on in memory and says so when the disk is full, keeping what was stored', async () => {
    let faults: WriteFaults | undefined
    const browser = profile({ faults: (f) => (faults = f) })
    const store = browser.tab()
    await store.getState().init()
    store.getState().loadScenario(busy)
    if (!faults) throw new Error('no fault injector')
    // The first save of events is written; the next one finds the disk full.
    let first: number | null = null
    faults.failWhen = (table) => {
      if (table !== 'events' || !faults) return false
      first ??= faults.writeTransactions
      return faults.writeTransactions > first
    }
    await store.getState().runScenario()
    await finished(store)
    await until(store, (s) => s.unsaved !== null)
    expect(store.getState().unsaved).toMatch(/storage for this site is full/)
    expect(store.getState().unsaved).toMatch(/goes on in memory/)
    const want = simulate(busy)
    expect(hashOf(store)).toBe(want.traceHash)
    const [saved] = await listRuns(browser.db())
    const stored = await readAllEvents(browser.db(), saved?.id ?? 0)
    expect(stored.length).toBeGreaterThan(0)
    expect(stored.length).toBe(saved?.head)
    expect(stored).toEqual(want.events.slice(0, stored.length))
  }, 30_000)
})

describe('storage trouble and other tabs', () => {
  it('runs in memory and says why when IndexedDB is unavailable', async () => {
    const store = createAppStore({
      openDb: () =>
        Promise.reject(
          new StorageError(
            'unavailable',
            'Opening the event store failed: IndexedDB is not available here',
          ),
        ),
      lock: soleWriter,
      scheduler: immediate,
      lastRun: { get: () => null, set: () => {} },
    })
    await store.getState().init()
    expect(store.getState().storage).toMatchObject({
      kind: 'unavailable',
      message: /not available/,
    })
    await store.getState().runScenario()
    await finished(store)
    expect(hashOf(store)).toBe(simulate(load(readAfterWrite)).traceHash)
  })

  it('runs in memory in a second tab while the first one saves, and saves nothing there', async () => {
    const browser = profile()
    const first = browser.tab()
    await first.getState().init()
    await first.getState().runScenario()
    await finished(first)
    const second = browser.tab(reader)
    await second.getState().init()
    expect(second.getState().storage).toEqual({ kind: 'other-tab' })
    expect(second.getState().runs).toHaveLength(1)
    second.getState().loadScenario(outOfOrder)
    await second.getState().runScenario()
    await finished(second)
    expect(hashOf(second)).toBe(simulate(load(outOfOrder)).traceHash)
    expect(await listRuns(browser.db())).toHaveLength(1)
  })

  it('asks to close the old tabs while an upgrade waits for them, and to reload after one elsewhere', async () => {
    let release: (() => void) | undefined
    let events: DbEvents | undefined
    const db = new EventuallyDb({ name: nextName() })
    opened.push(db)
    const store = createAppStore({
      openDb: async (e) => {
        events = e
        e.onBlocked()
        await new Promise<void>((r) => (release = r))
        await db.open()
        return db
      },
      lock: soleWriter,
      scheduler: immediate,
      lastRun: { get: () => null, set: () => {} },
    })
    const init = store.getState().init()
    await until(store, (s) => s.storage.kind === 'blocked')
    release?.()
    await init
    expect(store.getState().storage.kind).toBe('saving')
    events?.onVersionChange()
    expect(store.getState().storage.kind).toBe('outdated')
  })

  it('starts saving when the writer tab goes away, and stops when another tab takes over', async () => {
    let events: Parameters<WriterLock['claim']>[0] | undefined
    const lock: WriterLock = { claim: (e) => ((events = e), e.onReader()), takeOver: () => {} }
    const store = profile().tab(lock)
    await store.getState().init()
    expect(store.getState().storage.kind).toBe('other-tab')
    events?.onWriter()
    expect(store.getState().storage.kind).toBe('saving')
    events?.onLost()
    expect(store.getState().storage.kind).toBe('other-tab')
  })
})

/** A saved run computing to the end, one slice per `tick` (each clock reading a slice later). */
async function computing() {
  let clock = 0
  const ticks: (() => void)[] = []
  const manual: Scheduler = { now: () => (clock += TICK_MS), later: (f) => void ticks.push(f) }
  const store = profile().tab(soleWriter, manual)
  await store.getState().init()
  store.getState().loadScenario(busy)
  await store.getState().runScenario()
  const tick = async (n: number) => {
    for (let i = 0; i < n; i++) {
      ticks.shift()?.()
      await new Promise((r) => setTimeout(r, 0))
    }
  }
  return { store, tick }
}

describe('input while a run computes', () => {
  it('shows a speed change in the next frame, not when the run’s progress is next drawn', async () => {
    const { store, tick } = await computing()
    await tick(2)
    expect(store.getState().run.kind).toBe('running')
    expect(store.getState().frame?.speed).toBe(1)
    store.getState().faster()
    expect(store.getState().frame?.speed).toBe(2)
  })

  it('holds the panels still while the run computes ahead, except after what the learner does', async () => {
    const { store, tick } = await computing()
    const held = store.getState().frame
    await tick(4)
    const state = () => store.getState()
    expect(state().run.kind).toBe('running')
    const progress = state().run
    if (progress.kind !== 'running') return
    expect(progress.tick.now).toBeGreaterThan(0)
    // The progress line moved; the panels did not.
    expect(state().frame).toBe(held)
    // A speed change shows at once, and redraws nothing else.
    state().faster()
    expect(state().frame).toEqual({ ...held, speed: 2 })
    await tick(2)
    expect(state().frame?.now).toBe(held?.now)
    // A partition cut by hand redraws the panels at once, with what it did.
    const issued = state().act({ type: 'partition', projection: busy.projections[0]?.id ?? '' })
    expect(issued.ok).toBe(true)
    const redrawn = state().frame
    expect(redrawn?.now).toBeGreaterThan(held?.now ?? 0)
    expect(redrawn?.projections[0]?.status).toBe('partitioned')
    await tick(2)
    expect(state().frame).toBe(redrawn)
    // Stopped, the panels show where it stopped.
    state().stopRun()
    const stopped = state().run
    expect(stopped.kind).toBe('stopped')
    expect(state().frame?.now).toBe(stopped.kind === 'stopped' ? stopped.tick.now : -1)
    expect(state().frame?.now).toBeGreaterThan(redrawn?.now ?? 0)
  })

  it('reads the timelines’ trace again at most every 200 ms while playing, and at once when paused', async () => {
    let clock = 0
    const ticks: (() => void)[] = []
    // Each clock reading moves 2 ms: a tick reads it a few times, so a tick is ~10 ms of wall time.
    const manual: Scheduler = { now: () => (clock += 2), later: (f) => void ticks.push(f) }
    const store = profile().tab(soleWriter, manual)
    await store.getState().init()
    store.getState().loadScenario(busy)
    await store.getState().startScenario()
    const first = store.getState().traceVersion
    store.getState().play()
    let frames = 0
    for (let i = 0; i < 60; i++) {
      const before = store.getState().frame
      ticks.shift()?.()
      await new Promise((r) => setTimeout(r, 0))
      if (store.getState().frame !== before) frames++
    }
    const during = store.getState().traceVersion - first
    // Many frames were drawn, the trace read far fewer times: wall time / 200 ms at most, plus one.
    expect(frames).toBeGreaterThan(20)
    expect(during).toBeGreaterThan(0)
    expect(during).toBeLessThanOrEqual(Math.ceil(clock / 200) + 1)
    expect(during).toBeLessThan(frames / 2)
    const paused = store.getState().traceVersion
    store.getState().pause()
    expect(store.getState().traceVersion).toBe(paused + 1)
    store.getState().stepForward()
    expect(store.getState().traceVersion).toBe(paused + 2)
  })

  it('reads the trace again only when the run moved: not for a finished save or a second pause', async () => {
    const store = profile().tab()
    await store.getState().init()
    store.getState().loadScenario(busy)
    await store.getState().runScenario()
    await finished(store)
    await until(store, (s) => s.runs[0]?.status === 'ended')
    const ended = store.getState().traceVersion
    // The last save finished and told the store; a pause when paused changes nothing either.
    store.getState().pause()
    expect(store.getState().traceVersion).toBe(ended)
    store.getState().stepBack()
    expect(store.getState().traceVersion).toBe(ended + 1)
  }, 30_000)

  it('never computes more than a save’s worth of events ahead of what is saved', async () => {
    const store = profile().tab()
    await store.getState().init()
    const big = load(largePush(8000))
    store.getState().loadScenario(big)
    let ahead = 0
    const unsubscribe = store.subscribe(({ run }) => {
      if (run.kind === 'running') ahead = Math.max(ahead, run.tick.events - (run.tick.saved ?? 0))
    })
    await store.getState().runScenario()
    await finished(store)
    unsubscribe()
    expect(hashOf(store)).toBe(simulate(big).traceHash)
    // One save in flight and the next one waiting, each at most the bound and a slice more.
    expect(ahead).toBeGreaterThan(0)
    expect(ahead).toBeLessThanOrEqual(2 * (MAX_UNSAVED + 500))
  }, 60_000)
})
