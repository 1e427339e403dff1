import type { Row, StoredEvent } from '../events'
import type { Projection } from './projection'
import type { ReadRecord } from './reads'
import type { Simulation } from './simulation'

/** Helpers the checker's parts share to name the events behind what a read saw. */

export function projectionOf(sim: Simulation, id: string): Projection {
  return sim.projections[sim.projectionIndex(id)] as Projection
}

/** Events of the key's stream appended before the read answered and not applied by then. */
export function missingEvents(sim: Simulation, r: ReadRecord): StoredEvent[] {
  const p = projectionOf(sim, r.projection)
  const head = sim.reads.headsOf(r).answered
  return sim.store
    .readStream(sim.domain.streamOf(r.key))
    .filter((e) => e.position <= head && !(p.measures.firstApplied.get(e.position) <= r.answeredAt))
}

/** The true row of a key when the store's head was `head`: its stream folded up to there. */
export function rowAt(sim: Simulation, key: string, head: number): Row | undefined {
  let row: Row | undefined
  for (const e of sim.store.readStream(sim.domain.streamOf(key)))
    if (e.position <= head) row = sim.domain.evolve(row, e)
  return row
}

export function labels(events: readonly StoredEvent[]): string {
  return events.map((e) => `${e.type} #${e.position}`).join(', ')
}
