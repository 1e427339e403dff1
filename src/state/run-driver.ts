import { Simulation, type Scenario } from '../core'
import { RunSession, StorageError } from '../persistence'

/**
 * Drives one run to its end in slices, so the page stays responsive however long the run: each
 * tick advances the engine for a few milliseconds of wall time, then yields to the browser. A
 * saved run also saves each tick (group commit: one transaction for everything the tick
 * appended), and the save of one tick overlaps the engine work of the next, so the run goes as
 * fast as the slower of the two.
 */
export interface DriveHooks {
  /** After every tick: how far the run has got. */
  readonly onTick: (tick: TickInfo) => void
  /** Saving failed (quota, another writer...): the run goes on in memory, unsaved. */
  readonly onSaveFailed: (error: StorageError) => void
  /** The engine finished and, for a saved run, its last batch is committed (or saving failed). */
  readonly onDone: (sim: Simulation) => void
}

export interface TickInfo {
  readonly now: number
  /** Where the run ends at the latest (until + settle): a progress bar's maximum. */
  readonly bound: number
  readonly events: number
  /** Events committed to IndexedDB (null for a run in memory). */
  readonly saved: number | null
  /** A reopened run recomputing what it had already stored. */
  readonly catchingUp: boolean
}

export interface Scheduler {
  /** Milliseconds of wall time, for the per-tick budget. */
  readonly now: () => number
  /** Runs `f` on a later turn of the event loop, after the browser had a chance to paint. */
  readonly later: (f: () => void) => void
}

export const browserScheduler: Scheduler = {
  now: () => performance.now(),
  later: (f) => void setTimeout(f, 0),
}

/** Engine work per tick: small enough to keep input and painting smooth. */
export const TICK_MS = 12
const STEPS_PER_SLICE = 1000

export interface Drive {
  readonly sim: Simulation
  readonly session: RunSession | null
  /** Stops driving after the current tick; the run stays where it got to (and saved so far). */
  stop(): void
  /** Goes on after `stop`. */
  resume(): void
  /** Goes on in memory only (another tab took over saving). */
  stopSaving(): void
}

export function startDrive(
  source: RunSession | Scenario,
  hooks: DriveHooks,
  scheduler: Scheduler = browserScheduler,
): Drive {
  const session = source instanceof RunSession ? source : null
  const sim = source instanceof RunSession ? source.sim : new Simulation(source)
  let stopped = false
  let saving = session !== null

  const save = (): Promise<void> =>
    !session || !saving
      ? Promise.resolve()
      : session.save().catch((error: unknown) => {
          saving = false
          hooks.onSaveFailed(
            error instanceof StorageError
              ? error
              : new StorageError('failed', `Saving the run failed: ${String(error)}`),
          )
        })

  const info = (): TickInfo => ({
    now: sim.now,
    bound: sim.bound,
    events: sim.head(),
    saved: session && saving ? session.store.durableHead : null,
    catchingUp: session?.catchingUp ?? false,
  })

  // Group commit: while one save is in flight the engine goes on, and the next save takes
  // everything appended meanwhile. The engine never waits for the disk; batches grow when the
  // disk is slower, and a row changed many times between saves is written once.
  let inFlight: Promise<void> | null = null
  const startSave = () => {
    const p = save().finally(() => {
      if (inFlight === p) inFlight = null
    })
    inFlight = p
  }

  const tick = async () => {
    if (stopped) return
    const start = scheduler.now()
    const budget = { maxSteps: STEPS_PER_SLICE }
    do
      if (session) session.advance(budget)
      else sim.runUntil(budget)
    while (!sim.done && !session?.divergence && scheduler.now() - start < TICK_MS)
    if (!inFlight) startSave()
    hooks.onTick(info())
    if (!sim.done && !session?.divergence) return scheduler.later(() => void tick())
    // The end: wait for the save in flight, then save what came after it.
    await inFlight
    await save()
    hooks.onTick(info())
    if (!stopped) hooks.onDone(sim)
  }
  scheduler.later(() => void tick())
  return {
    sim,
    session,
    stop: () => {
      stopped = true
    },
    resume: () => {
      if (!stopped || sim.done) return
      stopped = false
      scheduler.later(() => void tick())
    },
    stopSaving: () => {
      saving = false
    },
  }
}
