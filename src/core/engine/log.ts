import { Column } from '../column'
import type { SimTime } from '../time'

/** How a copy of an event came to be sent. */
export const KINDS = ['first', 'duplicate', 'redelivery', 'fetch'] as const
export type DeliveryKind = (typeof KINDS)[number]
/**
 * What became of a copy: applied, skipped (a duplicate or stale copy the handler ignored),
 * buffered (held until the gap before it filled; `appliedAt` says when), repaired (folded into a
 * row by read repair), dropped. `in-flight` only appears when a run is stopped early.
 */
export const OUTCOMES = [
  'applied',
  'skipped',
  'dropped',
  'buffered',
  'repaired',
  'in-flight',
] as const
export type DeliveryOutcome = (typeof OUTCOMES)[number]
export const DROP_REASONS = ['loss', 'partition', 'crash'] as const
export type DropReason = (typeof DROP_REASONS)[number]

export const KIND = { first: 0, duplicate: 1, redelivery: 2, fetch: 3 } as const
export const OUTCOME = { applied: 0, skipped: 1, dropped: 2, buffered: 3, repaired: 4 } as const
export const DROP = { none: -1, loss: 0, partition: 1, crash: 2 } as const

export interface LogMark {
  readonly sends: number
  readonly arrivals: number
  readonly drains: number
}

/**
 * Every copy of every event sent to a projection, append-only and columnar: one row per send
 * (position, projection, time, kind, and when it would have arrived if it was lost on the way)
 * and one per arrival. Append-only logs make snapshots a matter of remembering lengths.
 */
export class DeliveryLog {
  readonly position = Column.ints(4096)
  readonly projection = Column.ints(4096)
  readonly sentAt = new Column(4096)
  readonly kind = Column.ints(4096)
  readonly lostAt = new Column(4096)
  /** Index of each send's arrival row, or -1. */
  readonly arrivalOf = Column.ints(4096, -1)

  readonly arrivedSend = Column.ints(4096)
  readonly arrivedAt = new Column(4096)
  readonly outcome = Column.ints(4096)
  readonly dropReason = Column.ints(4096)

  /** Buffered copies applied later: which send, and when. */
  readonly drainedSend = Column.ints(64)
  readonly drainedAt = new Column(64)

  /** Sizes the columns for about `sends` copies, to avoid growing them step by step. */
  reserve(sends: number): void {
    for (const c of [
      this.position,
      this.projection,
      this.sentAt,
      this.kind,
      this.lostAt,
      this.arrivalOf,
    ])
      c.reserve(sends)
    for (const c of [this.arrivedSend, this.arrivedAt, this.outcome, this.dropReason])
      c.reserve(sends)
  }

  get sends(): number {
    return this.position.length
  }

  get arrivals(): number {
    return this.arrivedSend.length
  }

  send(position: number, projection: number, at: SimTime, kind: number, lostAt: number): number {
    this.projection.push(projection)
    this.sentAt.push(at)
    this.kind.push(kind)
    this.lostAt.push(lostAt)
    this.arrivalOf.push(-1)
    return this.position.push(position)
  }

  arrive(send: number, at: SimTime, outcome: number, reason: number): void {
    this.arrivalOf.set(send, this.arrivedSend.push(send))
    this.arrivedAt.push(at)
    this.outcome.push(outcome)
    this.dropReason.push(reason)
  }

  drain(send: number, at: SimTime): void {
    this.drainedSend.push(send)
    this.drainedAt.push(at)
  }

  mark(): LogMark {
    return { sends: this.sends, arrivals: this.arrivals, drains: this.drainedSend.length }
  }

  rewind(mark: LogMark): void {
    for (let j = mark.arrivals; j < this.arrivals; j++) {
      const send = this.arrivedSend.at(j)
      if (send < mark.sends) this.arrivalOf.set(send, -1)
    }
    for (const c of [
      this.position,
      this.projection,
      this.sentAt,
      this.kind,
      this.lostAt,
      this.arrivalOf,
    ])
      c.truncate(mark.sends)
    for (const c of [this.arrivedSend, this.arrivedAt, this.outcome, this.dropReason])
      c.truncate(mark.arrivals)
    this.drainedSend.truncate(mark.drains)
    this.drainedAt.truncate(mark.drains)
  }
}
