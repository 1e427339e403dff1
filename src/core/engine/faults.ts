import { K } from './items'
import type { Simulation } from './simulation'

/**
 * Puts the scenario's faults in place: a partition on the projection's link, a crash as a window
 * in which the projection is down. Their start and end are scheduled too: an open fault keeps a
 * run from ending quiet, and a crash loses what the handler keeps in memory when it starts.
 */
export function scheduleFaults(sim: Simulation): void {
  sim.scenario.faults.forEach((f, i) => {
    const p = sim.projectionIndex(f.projection)
    const [from, to] = f.type === 'partition' ? [f.from, f.to] : [f.at, f.restartAt]
    const window = { from, to: to ?? Infinity }
    if (f.type === 'partition') sim.projections[p]?.link.partitions.push(window)
    else sim.projections[p]?.downs.push(window)
    sim.schedule(from, K.FaultStart, p, i, 0, true)
    if (to !== undefined) sim.schedule(to, K.FaultEnd, p, i, 0, true)
  })
}

/** Fault `index` of the scenario starts on projection `p`. */
export function faultStarts(sim: Simulation, p: number, index: number): void {
  sim.openFaults++
  const projection = sim.projections[p]
  if (projection && sim.scenario.faults[index]?.type === 'crash') sim.network.crashed(projection)
}
