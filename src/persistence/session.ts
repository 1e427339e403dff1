import {
  readModels,
  Simulation,
  type Budget,
  type Intervention,
  type Progress,
  type Scenario,
} from '../core'
import type { EventuallyDb, RunRecord } from './db'
import { DexieEventStore } from './dexie-store'
import { failure } from './errors'
import { ReadModelTracker } from './read-models'
import { createRun } from './runs'

/** How far a stored run had got when it was opened again. */
export interface Restored {
  readonly head: number
  readonly clock: number
  readonly status: RunRecord['status']
}

/**
 * A run that saves itself as it goes: the engine on a DexieEventStore, advanced by budget, and a
 * `save` that commits, in one transaction, the events appended since the last save, the changed
 * read-model rows with their checkpoints, and the run's clock and status (group commit per tick).
 *
 * Opening a stored run replays it: the engine runs the same scenario and seed from time 0, the
 * store checks every event it appends against the stored one (a page at a time, during the
 * saves, so reopening reads nothing but the run record), and saving starts again only once the
 * replay is past the stored clock, so the stored read models never go back in time. A run
 * reopened this way ends exactly as a run never interrupted (the engine is deterministic); if it
 * cannot (the stored events differ), `divergence` says where and nothing is written.
 */
/** How a session runs its simulation. */
export interface SessionOptions {
  /** Keep what a Timeline needs to go back in time (the playground does). */
  readonly timeTravel?: boolean
}

export class RunSession {
  private readonly tracker = new ReadModelTracker()
  private ended = false
  private caughtUp = false
  /** The interventions as last saved (compared by reference: the list is replaced, never changed). */
  private savedInterventions: readonly Intervention[]

  private constructor(
    readonly runId: number,
    readonly sim: Simulation,
    readonly store: DexieEventStore,
    /** The stored state when the run was reopened; null for a new run. */
    readonly restored: Restored | null,
  ) {
    this.ended = restored?.status === 'ended'
    this.savedInterventions = sim.interventions
  }

  static async start(
    db: EventuallyDb,
    scenario: Scenario,
    name?: string,
    options: SessionOptions = {},
  ): Promise<RunSession> {
    const runId = await createRun(db, scenario, name)
    const store = await DexieEventStore.open(db, runId)
    const sim = new Simulation(scenario, { store, timeTravel: options.timeTravel ?? false })
    return new RunSession(runId, sim, store, null)
  }

  /** Reopens a stored run with the interventions it was saved with. */
  static async reopen(
    db: EventuallyDb,
    runId: number,
    options: SessionOptions = {},
  ): Promise<RunSession> {
    const run = await db.runs.get(runId)
    if (!run) throw failure('missing', `Opening run ${runId}`)
    const store = await DexieEventStore.replay(db, runId)
    const restored = { head: run.head, clock: run.clock, status: run.status }
    const sim = new Simulation(run.scenario, {
      store,
      timeTravel: options.timeTravel ?? false,
      interventions: run.interventions ?? [],
    })
    return new RunSession(runId, sim, store, restored)
  }

  get divergence() {
    return this.store.divergence
  }

  /**
   * True while a reopened run is recomputing what was already stored. Once it has got back to the
   * stored clock it is caught up for good, even if a Timeline then takes it back in time.
   */
  get catchingUp(): boolean {
    if (this.caughtUp || this.restored === null) return false
    if (this.sim.now > this.restored.clock || this.sim.done) this.caughtUp = true
    else if (this.sim.journal.enabled && this.sim.now === this.restored.clock) this.caughtUp = true
    return !this.caughtUp
  }

  advance(budget: Budget): Progress {
    if (this.divergence) return { now: this.sim.now, steps: 0, done: this.sim.done }
    return this.sim.runUntil(budget)
  }

  /**
   * Commits what changed since the last save; see the class comment. While a reopened run catches
   * up, a save only checks the re-appended events against the stored ones, and every stored
   * event is checked before the first write past them. Rejects with a StorageError.
   *
   * `readModels: false` leaves the read-model rows and checkpoints for a later save: a run
   * computing toward its end saves its events as it goes and its rows once it stops, which keeps
   * each save short (rows change on most events; every save would rewrite them).
   */
  async save(options: { readonly readModels?: boolean } = {}): Promise<void> {
    const withRows = options.readModels ?? true
    await this.store.checkReplay()
    if (this.catchingUp || this.divergence) return
    // The engine may have appended more while the check read the store.
    while (this.store.uncheckedCount > 0 && !this.divergence) await this.store.checkReplay()
    if (this.divergence) return
    // A run is saved as ended only with its final rows.
    const done = this.sim.done && withRows
    const interventions = this.sim.interventions
    const changed = interventions !== this.savedInterventions
    if (this.ended && done && !this.store.dirty && !changed) return
    const diff = withRows ? this.tracker.diff(readModels(this.sim)) : null
    // A run moved back in time (the playground's Timeline) is running again until it ends again.
    const status = done ? 'ended' : this.ended ? 'running' : undefined
    await this.store.flush({
      clock: this.sim.now,
      readModels: diff?.changes ?? [],
      ...(status ? { status } : {}),
      ...(changed ? { interventions } : {}),
    })
    if (diff) this.tracker.accept(diff)
    this.savedInterventions = interventions
    this.ended = done
  }
}
