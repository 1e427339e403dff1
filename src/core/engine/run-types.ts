import type { Intervention } from '../scenario/interventions'
import type { EventStore } from '../store'
import type { SimTime } from '../time'

/** The vocabulary of creating and driving a Simulation (simulation.ts re-exports it). */

/**
 * How a run ended: `quiet` (nothing in flight, nothing owed, no fault open, every subscriber
 * caught up), `bound` (cut off at until + settle while still busy), or `stalled` (nothing left to
 * happen, yet not quiet: a fault never heals, or an event is lost for good to a projection that
 * waits for it).
 */
export type EndReason = 'quiet' | 'bound' | 'stalled'

export interface Rejection {
  readonly at: SimTime
  readonly type: string
  readonly client: string | null
  readonly reason: string
}

export interface SimulationOptions {
  /** Where events are appended; a fresh in-memory store by default. */
  readonly store?: EventStore
  /** Keep what `snapshot` and `restore` need (a Timeline asks for it). Off, a run is leaner. */
  readonly timeTravel?: boolean
  /**
   * Watch order-sensitive handlers for order and duplicate anomalies as they apply events (on by
   * default). Off, a run is somewhat faster (about a tenth on the benchmark scenario): for Monte
   * Carlo estimates over many seeds that need only the measures. Anomalies read off the records
   * (stale reads, lost events...) stay.
   */
  readonly check?: boolean
  /** What the learner did to the run, validated (see parseInterventions), in order. */
  readonly interventions?: readonly Intervention[]
}

export interface Budget {
  /** Process items up to and including this simulated time. */
  readonly time?: SimTime
  /** Process at most this many items. */
  readonly maxSteps?: number
}

export interface Progress {
  readonly now: SimTime
  readonly steps: number
  readonly done: boolean
}
