import type { Row } from '../events'
import type { Simulation } from './simulation'

/**
 * A projection's local copy as code outside the engine may see it while a run goes on: what the
 * persistence layer saves and the UI shows. Read-only, and valid until the next step.
 */
export interface ReadModelView {
  readonly id: string
  /** The last position the projection has processed in order (its checkpoint). */
  readonly checkpoint: number
  /**
   * Rows by key number; undefined where the key has no row. A row object is never changed in
   * place: a changed row is a new object, so comparing references finds what changed.
   */
  readonly rows: readonly (Row | undefined)[]
  /** The read-model key of a key number. */
  keyName(id: number): string
}

/** Every projection's read model, in the scenario's order. */
export function readModels(sim: Simulation): ReadModelView[] {
  const keyName = (id: number) => sim.keys.name(id)
  return sim.projections.map((p) => ({
    id: p.id,
    checkpoint: p.checkpoint,
    rows: p.rows,
    keyName,
  }))
}
