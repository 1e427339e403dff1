import {
  Simulation,
  Timeline,
  type Intervention,
  type InterventionInput,
  type InterventionOutcome,
  type Scenario,
} from '../core'
import { RunSession, StorageError } from '../persistence'
import { stepBack, stepForward } from './steps'

/**
 * Plays one run in the page: a Timeline over the simulation (so any past instant can be shown
 * exactly), driven in slices of a few milliseconds so that input stays responsive however big
 * the run, with the interventions the learner makes, undo and redo, and, for a saved run, group
 * commit of what changed after every slice. It knows nothing of React; the store turns it into
 * plain data for the components (see frame.ts).
 */

/** `running` computes toward a target time (the end, or a later point the learner seeked to). */
export type PlayMode = 'paused' | 'playing' | 'running'

export interface PlayerHooks {
  /**
   * The shown state or the mode changed; `speed` when only the playback speed did (nothing to
   * recompute for the panels, which matters while a big run computes).
   */
  readonly onChange: (what?: 'speed') => void
  /** Saving failed (quota, another writer...): the run goes on in memory, unsaved. */
  readonly onSaveFailed: (error: StorageError) => void
}

export interface Scheduler {
  /** Milliseconds of wall time. */
  readonly now: () => number
  /** Runs `f` on a later turn of the event loop, after the browser had a chance to paint. */
  readonly later: (f: () => void) => void
}

export const browserScheduler: Scheduler = {
  now: () => performance.now(),
  later: (f) => {
    // A frame when the page is visible (smooth playback), a macrotask when it is not.
    if (typeof requestAnimationFrame === 'function' && document.visibilityState === 'visible')
      requestAnimationFrame(() => f())
    else setTimeout(f, 0)
  },
}

/** Engine work per slice: small enough to keep input and painting smooth. */
export const TICK_MS = 8
const STEPS_PER_SLICE = 500
/** The longest wall time one slice of playback may cover (a tab in the background). */
const MAX_FRAME_MS = 100
/**
 * Events a saved run may compute ahead of its saves. A save commits everything unsaved in one
 * transaction, whose per-event `add` calls run on the main thread in one go: unbounded, a backlog
 * of tens of thousands of events (the engine outruns IndexedDB) blocked input for seconds
 * (bench/input-latency.ts). Bounded, each save is a short task between frames, and a run
 * computes no faster than it is saved, which it never finished doing sooner anyway.
 */
export const MAX_UNSAVED = 500

/** The learner changed the past: what was thrown away, for the notice that says so. */
export interface Fork {
  readonly at: number
  /** How far the run had been computed before the fork. */
  readonly frontier: number
  /** Interventions that came after the fork point and were discarded. */
  readonly discarded: number
}

interface Version {
  readonly interventions: readonly Intervention[]
  readonly now: number
}

export class Player {
  readonly sim: Simulation
  readonly timeline: Timeline
  mode: PlayMode = 'paused'
  speed = 1
  /** The furthest simulated time computed under the current interventions. */
  frontier = 0
  /** Where the run ended under the current interventions, once it got there. */
  endedAt: number | null = null
  lastFork: Fork | null = null
  private target = Infinity
  /** Playing stops (pauses) when simulated time reaches this (a lesson step's end). */
  private stopAt = Infinity
  private undoStack: Version[] = []
  private redoStack: Version[] = []
  private lastWall = NaN
  private ticking = false
  private disposed = false
  private saving: boolean
  private inFlight: Promise<void> | null = null
  private saveAgain = false
  private inputWaiting = false

  constructor(
    source: RunSession | { scenario: Scenario; interventions?: readonly Intervention[] },
    private readonly hooks: PlayerHooks,
    private readonly scheduler: Scheduler = browserScheduler,
  ) {
    this.session = source instanceof RunSession ? source : null
    this.sim =
      source instanceof RunSession
        ? source.sim
        : new Simulation(source.scenario, {
            timeTravel: true,
            interventions: source.interventions ?? [],
          })
    this.timeline = new Timeline(this.sim)
    this.saving = this.session !== null
  }

  readonly session: RunSession | null

  // --- Playback --------------------------------------------------------------------------------

  play(): void {
    if (this.atEnd()) return
    this.setMode('playing')
  }

  pause(): void {
    this.setMode('paused')
  }

  /**
   * Plays at the current speed and pauses exactly at `time` (the end, for Infinity): a lesson
   * step runs where the class can watch it. Pausing and playing again keeps the stop; seeking,
   * stepping or running to a time forgets it.
   */
  playTo(time: number): void {
    if (time <= this.sim.now || this.atEnd()) return this.changed()
    this.stopAt = time
    this.play()
  }

  /** Where playing will stop by itself (Infinity: at the end of the run). */
  get stopsAt(): number {
    return this.stopAt
  }

  /**
   * The learner just pressed a key or a button: the next frame computes nothing, so that it
   * paints the effect of that input as soon as an idle page would. Playback loses no simulated
   * time (the frame after covers the wall time of both).
   */
  yieldToInput(): void {
    if (this.mode !== 'paused') this.inputWaiting = true
  }

  /** Computes on to `time` (the end by default) as fast as the page allows, then pauses. */
  runTo(time = Infinity): void {
    this.stopAt = Infinity
    if (time <= this.sim.now && time !== Infinity) return this.seek(time)
    this.target = time
    if (this.atEnd()) return this.changed()
    this.setMode('running')
  }

  setSpeed(speed: number): void {
    this.speed = Math.min(100, Math.max(0.1, speed))
    this.hooks.onChange('speed')
  }

  /** Shows the state at `time`: at once if it is in the past, by computing toward it if not. */
  seek(time: number): void {
    this.stopAt = Infinity
    const t = Math.max(0, time)
    if (t > this.sim.now && !this.sim.done) return this.runTo(t)
    this.mode = 'paused'
    this.timeline.seek(Math.min(t, this.endedAt ?? Infinity))
    this.changed()
  }

  /** On to the next visible change: an event, a delivery, a drop, an answer, an intervention. */
  stepForward(): void {
    this.stopAt = Infinity
    this.mode = 'paused'
    stepForward(this.timeline)
    this.changed()
  }

  /** Back to the previous visible change (or to just before the intervention made here). */
  stepBack(): void {
    this.stopAt = Infinity
    this.mode = 'paused'
    stepBack(this.timeline)
    this.changed()
  }

  get canStepBack(): boolean {
    return this.sim.steps > 0 || this.sim.cursor > 0
  }

  // --- Interventions ---------------------------------------------------------------------------

  /** Acts now. In the past, that forks the run (see Fork); undo puts it back. */
  act(input: InterventionInput): InterventionOutcome {
    const sim = this.sim
    const forked = sim.now < this.frontier || sim.cursor < sim.interventions.length
    this.remember()
    const frontier = this.frontier
    const { outcome, discarded } = this.timeline.act(input)
    this.lastFork = forked ? { at: sim.now, frontier, discarded: discarded.length } : null
    this.recomputed()
    this.changed()
    return outcome
  }

  get canUndo(): boolean {
    return this.undoStack.length > 0
  }

  get canRedo(): boolean {
    return this.redoStack.length > 0
  }

  undo(): void {
    const version = this.undoStack.pop()
    if (!version) return
    this.redoStack.push(this.version())
    this.restoreVersion(version)
  }

  redo(): void {
    const version = this.redoStack.pop()
    if (!version) return
    this.undoStack.push(this.version())
    this.restoreVersion(version)
  }

  /** Stops playing and saving; the run stays saved as far as it got. */
  dispose(): void {
    this.disposed = true
    this.mode = 'paused'
  }

  /** Goes on in memory only (another tab took over saving). */
  stopSaving(): void {
    this.saving = false
  }

  /** Events committed to IndexedDB (null for a run in memory). */
  get savedHead(): number | null {
    return this.session && this.saving ? this.session.store.durableHead : null
  }

  /** Resolves once everything shown so far is saved (or saving failed). */
  async settled(): Promise<void> {
    while (this.inFlight) await this.inFlight
  }

  // --- Inside ----------------------------------------------------------------------------------

  private version(): Version {
    return { interventions: this.sim.interventions, now: this.sim.now }
  }

  private remember(): void {
    this.undoStack.push(this.version())
    if (this.undoStack.length > 200) this.undoStack.shift()
    this.redoStack = []
  }

  private restoreVersion(v: Version): void {
    this.mode = 'paused'
    this.lastFork = null
    this.timeline.setInterventions(v.interventions)
    this.recomputed()
    if (v.now > this.sim.now) return this.runTo(v.now)
    this.timeline.seek(v.now)
    this.changed()
  }

  /** The list changed: what was computed beyond the current state no longer holds. */
  private recomputed(): void {
    this.frontier = this.sim.now
    this.endedAt = this.sim.done ? this.sim.now : null
  }

  private atEnd(): boolean {
    return this.sim.done && this.sim.cursor >= this.sim.interventions.length
  }

  private setMode(mode: PlayMode): void {
    this.mode = mode
    this.lastWall = NaN
    if (mode !== 'paused') this.schedule()
    this.hooks.onChange()
  }

  private schedule(): void {
    if (this.ticking || this.disposed) return
    this.ticking = true
    this.scheduler.later(() => this.tick())
  }

  private tick(): void {
    this.ticking = false
    if (this.disposed || this.mode === 'paused') return
    if (this.inputWaiting) {
      this.inputWaiting = false
      return this.schedule()
    }
    const sim = this.sim
    const start = this.scheduler.now()
    const before = { now: sim.now, steps: sim.steps }
    if (this.session?.divergence) {
      this.mode = 'paused'
      return this.changed()
    }
    if (this.mode === 'playing') {
      const elapsed = Number.isNaN(this.lastWall)
        ? 0
        : Math.min(start - this.lastWall, MAX_FRAME_MS)
      this.lastWall = start
      const goal = Math.min(sim.now + elapsed * this.speed, this.stopAt)
      this.advanceWithin(start, goal)
    } else this.advanceWithin(start, this.target)
    const reached =
      this.mode === 'running'
        ? this.target !== Infinity && sim.now >= this.target
        : sim.now >= this.stopAt
    if (sim.done || reached) {
      this.mode = 'paused'
      this.target = Infinity
      this.stopAt = Infinity
    }
    // A slice held back by its unsaved events (MAX_UNSAVED) moved nothing: nothing to show.
    const moved = sim.now !== before.now || sim.steps !== before.steps
    if (moved || this.mode === 'paused') this.changed()
    if (this.mode !== 'paused') this.schedule()
  }

  private advanceWithin(start: number, time: number): void {
    const sim = this.sim
    const budget = { time, maxSteps: STEPS_PER_SLICE }
    if (this.backlogged()) return
    do this.timeline.advance(budget)
    while (
      !sim.done &&
      sim.now < time &&
      !this.session?.divergence &&
      !this.backlogged() &&
      this.scheduler.now() - start < TICK_MS
    )
  }

  /** Enough unsaved events for one save: compute on once it has taken them (see MAX_UNSAVED). */
  private backlogged(): boolean {
    const session = this.session
    return session !== null && this.saving && session.store.pendingCount >= MAX_UNSAVED
  }

  /** After anything that moved the shown state: note how far the run got, save, tell the UI. */
  private changed(): void {
    const sim = this.sim
    if (sim.now >= this.frontier) {
      this.frontier = sim.now
      if (sim.done) this.endedAt = sim.now
    }
    this.requestSave()
    this.hooks.onChange()
  }

  /** Group commit: one save at a time; what changes meanwhile goes into the next one. */
  private requestSave(): void {
    const session = this.session
    if (!session || !this.saving || this.disposed) return
    if (this.inFlight) {
      this.saveAgain = true
      return
    }
    const p = session
      // Computing toward the end: the events now, the rows once it stops (see RunSession.save).
      .save({ readModels: this.mode !== 'running' })
      .catch((error: unknown) => {
        this.saving = false
        this.hooks.onSaveFailed(
          error instanceof StorageError
            ? error
            : new StorageError('failed', `Saving the run failed: ${String(error)}`),
        )
      })
      .finally(() => {
        if (this.inFlight === p) this.inFlight = null
        if (this.saveAgain) {
          this.saveAgain = false
          this.requestSave()
        }
        this.hooks.onChange()
      })
    this.inFlight = p
  }
}
