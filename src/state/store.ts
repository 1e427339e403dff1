import { useStore } from 'zustand'
import { createStore } from 'zustand/vanilla'
import { formatProblems, parseScenario, simulate, type Scenario, type ScenarioInput } from '../core'
import { builtIns, defaultScenario } from '../scenarios'
import { summarize, type RunSummary } from './summary'

export type RunStatus =
  | { readonly kind: 'idle' }
  | { readonly kind: 'done'; readonly summary: RunSummary }
  | { readonly kind: 'error'; readonly message: string }

interface ScenarioSlice {
  readonly scenario: ScenarioInput
}

interface RunSlice {
  readonly run: RunStatus
}

interface Actions {
  /** Validates and runs the current scenario to the end. */
  readonly runScenario: () => void
  readonly loadScenario: (input: ScenarioInput) => void
}

export type AppState = ScenarioSlice & RunSlice & Actions

function describeProjection(scenario: Scenario, id: string) {
  const p = scenario.projections.find((q) => q.id === id)
  const d = p?.delivery
  const delivery = !d
    ? ''
    : d.mode === 'push'
      ? `push, ${d.guarantee}`
      : `pull every ${d.interval} ms`
  return { handler: p?.handler ?? '', delivery }
}

/** The app's one store, vanilla so that the engine driver and tests can use it without React. */
export function createAppStore(initial: ScenarioInput = defaultScenario) {
  return createStore<AppState>()((set, get) => ({
    scenario: initial,
    run: { kind: 'idle' },
    loadScenario: (scenario) => set({ scenario, run: { kind: 'idle' } }),
    runScenario: () => {
      const parsed = parseScenario(get().scenario)
      if (!parsed.ok)
        return set({ run: { kind: 'error', message: formatProblems(parsed.problems) } })
      const result = simulate(parsed.scenario)
      set({
        run: {
          kind: 'done',
          summary: summarize(result, (id) => describeProjection(parsed.scenario, id)),
        },
      })
    },
  }))
}

export const appStore = createAppStore()

export function useApp<T>(selector: (state: AppState) => T): T {
  return useStore(appStore, selector)
}

// Named selectors, so components subscribe to exactly what they render.
export const selectRun = (s: AppState) => s.run
export const selectScenarioName = (s: AppState) => s.scenario.name ?? 'Untitled'
export const selectRunScenario = (s: AppState) => s.runScenario
export const selectLoadScenario = (s: AppState) => s.loadScenario
export const selectScenario = (s: AppState) => s.scenario

/** The scenarios offered on the first page: id, name and the document itself. */
export const scenarioChoices = builtIns.map(({ id, scenario }) => ({
  id,
  name: scenario.name ?? id,
  scenario,
}))
