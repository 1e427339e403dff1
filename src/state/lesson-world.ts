import type { LessonWorld } from '../scenarios/lessons'
import type { AppState } from './types'

/**
 * What a lesson step's claims are checked against in the app: the run on screen at the instant
 * shown, read the same way the timelines and the read side read it. The golden test checks the
 * same claims on a headless run; both must agree (lesson-actions.test.ts).
 */
export function lessonWorld(state: AppState): LessonWorld | null {
  const trace = state.readTrace()
  const frame = state.frame
  if (!trace || !frame) return null
  const rows = new Map(frame.projections.map((p) => [p.id, new Map(p.rows.map((r) => [r.key, r]))]))
  const truth = new Map<string, (typeof frame.projections)[number]['rows'][number]>()
  for (const p of frame.projections) for (const r of p.rows) truth.set(r.key, r)
  return {
    trace,
    local: (projection, key) => rows.get(projection)?.get(key)?.local ?? null,
    truth: (key) => truth.get(key)?.truth ?? null,
  }
}
