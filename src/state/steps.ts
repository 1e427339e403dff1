import type { Simulation, Timeline } from '../core'

/**
 * Stepping by what a learner can see: an engine item is often invisible (a poll that brings
 * nothing, an ack timer), so a step goes on to the next item after which something visible
 * changed, and a step back returns to the last such item before. Both move a Timeline, so the
 * state they land on is exact.
 */

/** A step forward gives up looking for a visible change after this many items. */
const MAX_STEP_SCAN = 20_000

/**
 * A string that changes whenever something a learner can see changes: an event appended, a copy
 * sent, arriving or lost, a read answered, an intervention applied, a command rejected, the end.
 */
function signature(sim: Simulation): string {
  let moved = 0
  for (const p of sim.projections) moved += p.stats.sent + p.stats.delivered + p.stats.dropped
  return `${sim.head()}/${moved}/${sim.readRecords().length}/${sim.cursor}/${sim.rejected.length}/${sim.done}`
}

/** On to the next visible change. */
export function stepForward(timeline: Timeline): void {
  const sim = timeline.sim
  const before = signature(sim)
  for (let i = 0; i < MAX_STEP_SCAN && !sim.done; i++) {
    timeline.advance({ maxSteps: 1 })
    if (signature(sim) !== before) break
  }
}

/** Back to the previous visible change, or to just before the intervention made here. */
export function stepBack(timeline: Timeline): void {
  const sim = timeline.sim
  const last = sim.interventions[sim.cursor - 1]
  if (last && last.step === sim.steps && sim.steps > 0) {
    timeline.seekStep(sim.steps)
    return
  }
  // Look back over a window of items that grows until it finds a change or reaches the start.
  const current = sim.steps
  for (let window = 64; ; window *= 8) {
    const from = Math.max(0, current - window)
    const stop = lastStopBefore(timeline, from, current)
    if (stop !== null || from === 0) {
      timeline.seekStep(stop ?? 0)
      return
    }
  }
}

/** The last step in (from, to) after which something visible changed, or null. */
function lastStopBefore(timeline: Timeline, from: number, to: number): number | null {
  const sim = timeline.sim
  timeline.seekStep(from)
  let previous = signature(sim)
  let stop: number | null = null
  while (sim.steps < to - 1) {
    timeline.advance({ maxSteps: 1 })
    const now = signature(sim)
    if (now !== previous) stop = sim.steps
    previous = now
    if (sim.done) break
  }
  return stop
}
