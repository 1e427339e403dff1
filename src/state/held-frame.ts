import { recentArrivals, type HeldMessage, type Simulation } from '../core'

/**
 * The learner as the network, as plain data: the messages it holds and, per projection, the
 * copies that arrived last, so the order the learner chose can be read back.
 */

/** At most this many held messages in a frame (an at-least-once publisher keeps adding more). */
export const HELD_LIMIT = 100
/** Arrivals listed per projection. */
export const ARRIVAL_LIMIT = 12

export interface HeldEventFrame {
  readonly position: number
  readonly type: string
}

export interface HeldFrame {
  readonly id: number
  readonly projection: string
  readonly kind: HeldMessage['kind']
  /** first, redelivery (push), fetch (a gap fetch's or a read's answer)... */
  readonly copy: string
  /** What an answer answers (poll, fetch, catch-up, repair); null for a pushed copy. */
  readonly purpose: string | null
  readonly events: readonly HeldEventFrame[]
  readonly sentAt: number
  /** How long it has waited, in simulated ms, at the instant shown. */
  readonly age: number
}

export interface ArrivalFrame {
  readonly position: number
  readonly type: string
  readonly copy: string
  readonly outcome: string
  readonly at: number
}

export interface ProjectionArrivals {
  readonly projection: string
  /** The last copies that arrived, oldest first. */
  readonly copies: readonly ArrivalFrame[]
}

export interface LearnerFrame {
  /** The learner holds the network: new messages with events wait for them. */
  readonly holding: boolean
  /** Held messages, oldest first, at most HELD_LIMIT. */
  readonly held: readonly HeldFrame[]
  /** Held messages left out of `held`. */
  readonly heldMore: number
  readonly arrivals: readonly ProjectionArrivals[]
}

export function buildLearnerFrame(sim: Simulation): LearnerFrame {
  const all = sim.heldMessages()
  const type = (position: number) => sim.event(position).type
  const held = all.slice(0, HELD_LIMIT).map((m): HeldFrame => ({
    id: m.id,
    projection: m.projection,
    kind: m.kind,
    copy: m.copy,
    purpose: m.purpose,
    events: m.positions.map((position) => ({ position, type: type(position) })),
    sentAt: m.sentAt,
    age: sim.now - m.sentAt,
  }))
  const recent = recentArrivals(sim, ARRIVAL_LIMIT)
  return {
    holding: sim.held.holding,
    held,
    heldMore: all.length - held.length,
    arrivals: sim.projections.map((p, i) => ({
      projection: p.id,
      copies: (recent[i] ?? []).map((c) => ({ ...c, type: type(c.position) })),
    })),
  }
}
