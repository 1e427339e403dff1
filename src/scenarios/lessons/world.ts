import { readModels, Simulation, traceView, type ScenarioInput } from '../../core'
import { load } from '../load'
import type { LessonWorld } from './claims'

/**
 * Runs a scenario headless to `at` (Infinity: to its end) and returns what a step's claims are
 * checked against: the same trace and rows the app shows at that instant.
 */
export function worldAt(input: ScenarioInput, at: number): LessonWorld {
  const sim = new Simulation(load(input))
  if (at === Infinity) sim.run()
  else sim.runUntil({ time: at })
  const models = new Map(readModels(sim).map((m) => [m.id, m]))
  const keyOf = (key: string) => sim.keys.find(key)
  return {
    trace: traceView(sim),
    local: (projection, key) => {
      const id = keyOf(key)
      return (id < 0 ? undefined : models.get(projection)?.rows[id]) ?? null
    },
    truth: (key) => {
      const id = keyOf(key)
      return (id < 0 ? undefined : sim.truthRows[id]) ?? null
    },
  }
}
