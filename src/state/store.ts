import { useEffect } from 'react'
import { useStore } from 'zustand'
import { createStore } from 'zustand/vanilla'
import { domains, type DomainName, type ScenarioInput } from '../core'
import { DATABASE_NAME, openDatabase } from '../persistence'
import { builtIns, defaultScenario } from '../scenarios'
import { lessonActions } from './lesson-actions'
import { libraryActions } from './library-actions'
import { timelineActions } from './timeline-actions'
import { runActions } from './run-actions'
import type { AppDeps, AppState, Context, LibraryChannel } from './types'
import { webWriterLock } from './writer-lock'

export type { AppState, RunStatus, StorageStatus, SavedRun, Notice } from './types'
export type { StoredEvent } from '../core'

/**
 * The app's one store, vanilla so that tests and the engine driver use it without React. Its
 * actions reach the database, the writer lock and the scheduler only through `deps`.
 */
export function createAppStore(deps: AppDeps, initial: ScenarioInput = defaultScenario) {
  const ctx: Context = {
    db: null,
    player: null,
    stopped: false,
    announced: false,
    writer: false,
    deps,
    refresh: async () => {},
    cancelEstimate: null,
    openInMemory: () => {
      throw new Error('the run actions set openInMemory')
    },
  }
  const store = createStore<AppState>()((set, get) => ({
    scenario: initial,
    run: { kind: 'idle' },
    frame: null,
    traceVersion: 0,
    picked: null,
    estimate: null,
    linkError: null,
    unsaved: null,
    storage: { kind: 'opening' },
    runs: [],
    scenarios: [],
    notice: null,
    rebuild: null,
    ...runActions(set, get, ctx),
    ...timelineActions(set, ctx),
    ...libraryActions(set, get, ctx),
    ...lessonActions(set, get, ctx),
  }))
  store.subscribe((s) => s.watchLesson(s))
  return store
}

export type AppStore = ReturnType<typeof createAppStore>

// Keys unique to this app: every GitHub Pages site of a user shares one origin.
const LAST_RUN_KEY = `${DATABASE_NAME}/last-run`
const CHANNEL_NAME = `${DATABASE_NAME}/library`

/** The browser's IndexedDB, Web Locks, localStorage and BroadcastChannel. */
export function browserDeps(): AppDeps {
  return {
    openDb: (events) => openDatabase(events),
    lock: webWriterLock(),
    lastRun: {
      get: () => {
        try {
          const n = Number(localStorage.getItem(LAST_RUN_KEY))
          return Number.isSafeInteger(n) && n > 0 ? n : null
        } catch {
          return null
        }
      },
      set: (id) => {
        try {
          if (id === null) localStorage.removeItem(LAST_RUN_KEY)
          else localStorage.setItem(LAST_RUN_KEY, String(id))
        } catch {
          // Storage refused (private mode): a reload then starts fresh, nothing else is lost.
        }
      },
    },
    channel: broadcastChannel(),
  }
}

function broadcastChannel(): LibraryChannel | undefined {
  if (typeof BroadcastChannel === 'undefined') return undefined
  const channel = new BroadcastChannel(CHANNEL_NAME)
  return {
    post: () => channel.postMessage('changed'),
    listen: (f) => channel.addEventListener('message', () => f()),
  }
}

export const appStore = createAppStore(browserDeps())

/** Binds a component to the app's store (or to another one, as tests pass their own). */
/** For selectors that pick several fields: re-render only when one of them changes. */
export { useShallow } from 'zustand/react/shallow'

export function useApp<T>(selector: (state: AppState) => T, store: AppStore = appStore): T {
  return useStore(store, selector)
}

/**
 * Transient updates: calls `onChange` with the selected value now and whenever it changes, without
 * re-rendering the component (zustand's pattern for things that move every frame, such as a
 * playback cursor drawn by setting a style). `onChange` should be stable (useCallback) or the
 * subscription is renewed on each render.
 */
export function useTransient<T>(
  selector: (state: AppState) => T,
  onChange: (value: T) => void,
  store: AppStore = appStore,
): void {
  useEffect(() => {
    let last = selector(store.getState())
    onChange(last)
    return store.subscribe((state) => {
      const next = selector(state)
      if (Object.is(next, last)) return
      last = next
      onChange(next)
    })
  }, [selector, onChange, store])
}

// Named selectors, so components subscribe to exactly what they render.
export const selectRun = (s: AppState) => s.run
export const selectScenarioName = (s: AppState) => s.scenario.name ?? 'Untitled'
export const selectRunScenario = (s: AppState) => s.runScenario
export const selectLoadScenario = (s: AppState) => s.loadScenario
export const selectScenario = (s: AppState) => s.scenario
export const selectPickedKey = (s: AppState) => s.picked?.key ?? null
export const selectNow = (s: AppState) => s.frame?.now ?? 0
export const selectStorage = (s: AppState) => s.storage
export const selectUnsaved = (s: AppState) => s.unsaved
export const selectRuns = (s: AppState) => s.runs
export const selectSavedScenarios = (s: AppState) => s.scenarios
export const selectNotice = (s: AppState) => s.notice
export const selectRebuild = (s: AppState) => s.rebuild
export const selectFrame = (s: AppState) => s.frame
export const selectAct = (s: AppState) => s.act
export const selectLinkError = (s: AppState) => s.linkError

export { commandForms, type CommandForm, type CommandField } from './commands'
export type { Frame, ProjectionFrame, RowFrame, InterventionFrame, ServiceStatus } from './frame'
export type {
  ArrivalFrame,
  HeldEventFrame,
  HeldFrame,
  LearnerFrame,
  ProjectionArrivals,
} from './held-frame'
export type { ActResult } from './run-actions'
export type { LessonProgress } from './lesson-actions'
export { SPEEDS, fasterSpeed, slowerSpeed } from './speeds'
export { shareUrl } from './share'
export {
  comparisonMeasures,
  type ComparisonMeasures,
  type ProjectionMeasures,
  type VariantMeasures,
} from './compare'

/** Whether a URL hash holds a shared run (its content is checked when it is opened). */
export function hasSharedRun(hash: string): boolean {
  return /(?:^#?|&)run=/.test(hash)
}

/** The event types of a domain, for the event store browser's filter. */
export function eventTypesOf(domain: string): readonly string[] {
  return Object.hasOwn(domains, domain) ? domains[domain as DomainName].eventTypes : []
}

/** The scenarios offered on the first page: id, name and the document itself. */
export const scenarioChoices = builtIns.map(({ id, scenario }) => ({
  id,
  name: scenario.name ?? id,
  scenario,
}))
