import type { HandlerName } from './handlers'
import { K } from './items'
import type { Projection } from './projection'
import type { Simulation } from './simulation'
import { roundTime } from '../time'

/**
 * Rebuilding a read model, as event stores do it: the projection stops taking deliveries, throws
 * its rows away, reads every event from the store in order and folds it with its handler (a new
 * handler, when the rebuild deploys other code), then goes back to live delivery. While it
 * rebuilds it is down: copies that arrive are dropped (at-least-once push sends them again later,
 * a pull subscriber does not poll), and the fold covers every event appended up to its end.
 *
 * Reading and folding take time: REBUILD_BASE_MS plus REBUILD_MS_PER_EVENT for each event in the
 * store when it starts, so a big store visibly takes longer to rebuild than a small one.
 */
export const REBUILD_BASE_MS = 20
export const REBUILD_MS_PER_EVENT = 0.05

export function startRebuild(
  sim: Simulation,
  p: Projection,
  handler: HandlerName,
  newestBy?: 'version' | 'timestamp',
): void {
  const from = sim.now
  const to = roundTime(from + REBUILD_BASE_MS + REBUILD_MS_PER_EVENT * sim.head())
  p.rebuilding = { from, to }
  p.downs.push({ from, to })
  sim.openFaults++
  p.reset(handler, newestBy)
  sim.schedule(to, K.RebuildEnd, p.index, 0, 0, true)
}

/** The end of a rebuild: everything in the store is folded in order, and deliveries resume. */
export function finishRebuild(sim: Simulation, p: Projection): void {
  sim.openFaults--
  p.fold(sim.head(), (position) => sim.event(position))
  p.rebuilding = null
  sim.reads.applied(p)
}
