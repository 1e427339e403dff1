import type { Row } from '../events'
import type { QueueSnapshot } from '../heap'
import type { HeldSnapshot } from './learner'
import type { ProjectionSnapshot } from './projection'
import type { LogMark } from './log'
import type { ReadDeskSnapshot } from './reads'
import type { EndReason, Simulation } from './simulation'

/**
 * Everything needed to put a simulation back at an earlier instant. Append-only logs are kept as
 * lengths and set-once arrays as a journal mark, so a snapshot costs about the size of the rows
 * and of what is in flight, not of the whole history.
 */
export interface SimulationSnapshot {
  readonly now: number
  readonly seq: number
  readonly keep: number
  readonly steps: number
  readonly openFaults: number
  /** Interventions applied (their outcomes beyond it are forgotten on restore). */
  readonly cursor: number
  readonly done: boolean
  readonly endedAt: number | null
  readonly endReason: EndReason | null
  readonly heap: QueueSnapshot
  readonly truth: readonly (Row | undefined)[]
  readonly keys: number
  readonly head: number
  readonly reads: ReadDeskSnapshot
  readonly anomalies: number
  readonly rejected: number
  readonly lastWrite: ReadonlyMap<string, number>
  readonly journal: number
  readonly log: LogMark
  readonly requests: { requests: number; answers: number }
  readonly projections: readonly ProjectionSnapshot[]
  readonly held: HeldSnapshot
}

export function snapshotSimulation(sim: Simulation): SimulationSnapshot {
  return {
    now: sim.now,
    seq: sim.seq,
    keep: sim.keep,
    steps: sim.steps,
    openFaults: sim.openFaults,
    cursor: sim.cursor,
    done: sim.done,
    endedAt: sim.endedAt,
    endReason: sim.endReason,
    heap: sim.heap.snapshot(),
    truth: sim.truthRows.slice(),
    keys: sim.keys.size,
    head: sim.head(),
    reads: sim.reads.snapshot(),
    anomalies: sim.anomalies.length,
    rejected: sim.rejected.length,
    lastWrite: new Map(sim.lastWrite),
    journal: sim.journal.mark(),
    log: sim.log.mark(),
    requests: sim.network.snapshot(),
    projections: sim.projections.map((p) => p.snapshot()),
    held: sim.held.snapshot(),
  }
}

export function restoreSimulation(sim: Simulation, s: SimulationSnapshot): void {
  sim.now = s.now
  sim.seq = s.seq
  sim.keep = s.keep
  sim.steps = s.steps
  sim.openFaults = s.openFaults
  sim.cursor = s.cursor
  sim.outcomes.length = Math.min(sim.outcomes.length, s.cursor)
  sim.done = s.done
  sim.endedAt = s.endedAt
  sim.endReason = s.endReason
  sim.heap.restore(s.heap)
  sim.truthRows = s.truth.slice()
  sim.keys.truncate(s.keys)
  sim.store.truncateAfter(s.head)
  sim.eventAt.truncate(s.head)
  sim.eventKey.truncate(s.head)
  sim.truthBefore.length = s.head
  sim.truthAfter.length = s.head
  sim.eventClient.length = s.head
  sim.reads.restore(s.reads)
  sim.anomalies.length = s.anomalies
  sim.rejected.length = s.rejected
  sim.lastWrite = new Map(s.lastWrite)
  sim.journal.rewind(s.journal)
  sim.log.rewind(s.log)
  sim.network.restore(s.requests)
  sim.projections.forEach((p, i) => {
    const ps = s.projections[i]
    if (ps) p.restore(ps)
  })
  sim.held.restore(s.held)
}
