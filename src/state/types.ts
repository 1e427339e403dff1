import type {
  InterventionInput,
  Scenario,
  ScenarioInput,
  ScenarioProblem,
  StoredEvent,
  TraceView,
} from '../core'
import type { EventQuery, EventuallyDb, Restored } from '../persistence'
import type { Frame } from './frame'
import type { LessonProgress } from './lesson-actions'
import type { Player, Scheduler } from './player'
import type { ActResult } from './run-actions'
import type { RunSummary } from './summary'
import type { Estimator } from './visibility-estimate'
import type { WriterLock } from './writer-lock'

/** Where this tab keeps its runs, in the words the status line uses. */
export type StorageStatus =
  | { readonly kind: 'opening' }
  /** This tab saves runs to IndexedDB. */
  | { readonly kind: 'saving' }
  /** Another tab saves runs; this one runs in memory (and may take over). */
  | { readonly kind: 'other-tab' }
  /** No IndexedDB here (private mode, storage disabled): everything runs in memory. */
  | { readonly kind: 'unavailable'; readonly message: string }
  /** An old tab keeps the database at an older version: the upgrade waits for it to close. */
  | { readonly kind: 'blocked' }
  /** A newer version of the app took over the database in another tab: reload this one. */
  | { readonly kind: 'outdated' }

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

/**
 * The run on screen: `open` somewhere in its time (paused or playing), `running` while it
 * computes toward the end (or a later time) as fast as the page allows, `stopped` when the
 * learner stopped that, `done` when the state shown is the end of the run.
 */
export type RunStatus =
  | { readonly kind: 'idle' }
  | {
      readonly kind: 'open' | 'running' | 'stopped'
      readonly name: string
      readonly runId: number | null
      readonly tick: TickInfo
      readonly restored: Restored | null
    }
  | {
      readonly kind: 'done'
      readonly summary: RunSummary
      readonly runId: number | null
      readonly restored: Restored | null
      readonly tick: TickInfo
    }
  | { readonly kind: 'error'; readonly message: string }

/** A saved run as the list shows it. */
export interface SavedRun {
  readonly id: number
  readonly name: string
  readonly scenarioName: string
  readonly domain: string
  readonly seed: number
  readonly status: 'running' | 'ended' | 'imported'
  readonly events: number
  readonly clock: number
  readonly updatedAt: number
  readonly projections: readonly string[]
}

export interface SavedScenario {
  readonly id: number
  readonly name: string
  readonly scenario: ScenarioInput
}

/** The answer to the last thing the learner asked of the library (import, rebuild, delete...). */
export interface Notice {
  readonly tone: 'info' | 'error'
  readonly text: string
  readonly problems?: readonly ScenarioProblem[]
}

export interface RebuildStatus {
  readonly runId: number
  readonly projection: string
  readonly done: number
  readonly total: number
}

export interface AppState {
  readonly scenario: ScenarioInput
  readonly run: RunStatus
  /** The state of the run at the instant shown, for the playground's panels. */
  readonly frame: Frame | null
  /** Bumped when the timelines should read the trace again (see run-actions). */
  readonly traceVersion: number
  /** A Monte Carlo estimate of visibility over many seeds of the run's scenario, or null. */
  readonly estimate: VisibilityEstimate | null
  /** The event picked on the timelines: its copies light up there, its row in the read side. */
  readonly picked: { readonly position: number; readonly key: string } | null
  /** Why the link the page was opened with could not be opened. */
  readonly linkError: {
    readonly text: string
    readonly problems: readonly ScenarioProblem[]
  } | null
  /** Why the current run is no longer being saved, if it is not. */
  readonly unsaved: string | null
  readonly storage: StorageStatus
  readonly runs: readonly SavedRun[]
  readonly scenarios: readonly SavedScenario[]
  readonly notice: Notice | null
  readonly rebuild: RebuildStatus | null
  /**
   * The stretch of time the timelines should show (a lesson step's), replacing any zoom when it
   * changes; null for the whole run.
   */
  readonly timeHint: readonly [number, number] | null
  /** The lesson on screen and the learner's progress through it, or null outside lessons. */
  readonly lesson: LessonProgress | null

  /** Opens a lesson at a step (by id; the first step for null), as a step's link says. */
  readonly openLessonStep: (lesson: string, step: string | null) => void
  /** The learner's prediction for the step shown (a choice's index). */
  readonly answerStep: (choice: number) => void
  /** Plays the step's run to the step's end, where the class can watch it. */
  readonly runStep: () => void
  /** Jumps to the step's end at once. */
  readonly finishStep: () => void
  /** Back to the step's start, to predict and run it again. */
  readonly replayStep: () => void
  readonly closeLesson: () => void
  /** Internal: explains a running step once its run reached the step's end. */
  readonly watchLesson: (s: AppState) => void

  /** Opens the database, settles which tab writes, and reopens the run shown before a reload. */
  readonly init: (options?: { readonly reopen?: boolean }) => Promise<void>
  readonly loadScenario: (input: ScenarioInput) => void
  /** Starts the current scenario as a new run (saved when this tab saves) and runs it to the end. */
  readonly runScenario: () => Promise<void>
  /** Starts the current scenario as a new run, paused at its beginning. */
  readonly startScenario: () => Promise<void>
  /** Opens a saved run: recomputes it from its scenario and seed and goes on where it stopped. */
  readonly openRun: (id: number) => Promise<void>
  readonly stopRun: () => void
  readonly continueRun: () => void
  readonly play: () => void
  readonly pause: () => void
  /** Runs the scenario of the run on screen over `runs` seeds and pools the visibility times. */
  readonly estimateVisibility: (runs: number) => void
  readonly cancelEstimate: () => void
  readonly pickEvent: (picked: { readonly position: number; readonly key: string } | null) => void
  /** What the timelines draw: the run's trace up to the instant shown (null with no run). */
  readonly readTrace: () => TraceView | null
  /** A key or pointer press: the next frame paints its effect before computing on. */
  readonly yieldToInput: () => void
  readonly togglePlay: () => void
  /** On to the next visible change (an event, a delivery, an answer...). */
  readonly stepForward: () => void
  readonly stepBack: () => void
  readonly jumpToStart: () => void
  readonly jumpToEnd: () => void
  readonly faster: () => void
  readonly slower: () => void
  readonly seek: (time: number) => void
  readonly setSpeed: (speed: number) => void
  /**
   * Acts on the run at the instant shown, once the input passed the same checks as a shared
   * link's; in the past, that forks the run (undo restores it).
   */
  readonly act: (input: InterventionInput) => ActResult
  readonly shareLink: () => Promise<string | null>
  readonly openLink: (hash: string) => Promise<void>
  readonly dismissLinkError: () => void
  readonly undo: () => void
  readonly redo: () => void
  readonly renameRun: (id: number, name: string) => Promise<void>
  readonly deleteRun: (id: number) => Promise<void>
  /** A run bundle's file name and text, for the UI to download. */
  readonly exportRun: (id: number) => Promise<{ name: string; text: string } | null>
  readonly exportScenario: () => { name: string; text: string }
  readonly importFile: (file: {
    name: string
    size: number
    text: () => Promise<string>
  }) => Promise<void>
  readonly rebuildProjection: (runId: number, projection: string) => Promise<void>
  /** A page of a saved run's events, newest first (null when nothing is stored here). */
  readonly browseEvents: (
    runId: number,
    query: EventQuery,
  ) => Promise<readonly StoredEvent[] | null>
  readonly takeOver: () => void
  readonly dismissNotice: () => void
}

/** What the store needs from the world; tests pass their own. */
export interface AppDeps {
  readonly openDb: (events: DbEvents) => Promise<EventuallyDb>
  readonly lock: WriterLock
  readonly scheduler?: Scheduler
  readonly channel?: LibraryChannel | undefined
  /** Remembers which run the tab shows, so a reload reopens it. */
  readonly lastRun: { get(): number | null; set(id: number | null): void }
  /** Runs Monte Carlo visibility estimates (a Web Worker in the browser). */
  readonly estimator?: Estimator
}

export interface DbEvents {
  /** An older tab holds the database open and blocks the upgrade this tab needs. */
  readonly onBlocked: () => void
  /** A newer version of the app opened the database in another tab. */
  readonly onVersionChange: () => void
}

/** Tells the other tabs that the saved runs or scenarios changed, and hears them say so. */
export interface LibraryChannel {
  post(): void
  listen(f: () => void): void
}

export interface VisibilityEstimate {
  readonly runs: number
  readonly done: number
  readonly firstSeed: number
  /** Pooled visibility times per projection, in scenario order. */
  readonly times: readonly (readonly number[])[]
}

/** What the actions share and components never see. */
export interface Context {
  db: EventuallyDb | null
  player: Player | null
  /** The learner stopped the computation toward the end. */
  stopped: boolean
  /** The end of the run on screen was announced to the library (list refresh, other tabs). */
  announced: boolean
  writer: boolean
  readonly deps: AppDeps
  /** Reloads the saved runs and scenarios into the state. */
  refresh: () => Promise<void>
  /** Stops the Monte Carlo estimate under way, if any. */
  cancelEstimate: (() => void) | null
  /** Opens a scenario as the run on screen, in memory, paused at its start (for lessons). */
  openInMemory: (scenario: Scenario) => Player
}
