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
export const DROP_REASONS = ['loss', 'partition', 'crash', 'rebuild'] as const
export type DropReason = (typeof DROP_REASONS)[number]

export const KIND = { first: 0, duplicate: 1, redelivery: 2, fetch: 3 } as const
export const OUTCOME = { applied: 0, skipped: 1, dropped: 2, buffered: 3, repaired: 4 } as const
export const DROP = { none: -1, loss: 0, partition: 1, crash: 2, rebuild: 3 } as const

export interface LogMark {
  readonly sends: number
  readonly arrivals: number
  readonly drains: number
  readonly lateLosses: number
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

  /**
   * Sends lost after the step that sent them (a held message the learner drops), in the order
   * lost: rewinding past one must forget its loss, which a length alone does not.
   */
  private readonly lateLosses: number[] = []

  /** Buffered copies applied later: which send, and when. */
  readonly drainedSend = Column.ints(64)
  readonly drainedAt = new Column(64)

  /**
   * Times are read from the clock rather than passed in: a time handed to a function V8 does not
   * inline is boxed into a fresh heap number, and these run several times per delivery.
   */
  constructor(private readonly clock: { readonly now: SimTime }) {
    this.reserve(0)
  }

  /**
   * How many sends, and how many arrivals, fit before their columns must grow: the columns of a
   * row grow together, so a row checks the room once rather than once per column.
   */
  private sendRoom = 0
  private arrivalRoom = 0

  /** Sizes the columns for about `sends` copies, to avoid growing them step by step. */
  reserve(sends: number): void {
    this.reserveSends(sends)
    this.reserveArrivals(sends)
  }

  private reserveSends(n: number): void {
    const columns = [
      this.position,
      this.projection,
      this.sentAt,
      this.kind,
      this.lostAt,
      this.arrivalOf,
    ]
    for (const c of columns) c.reserve(n)
    this.sendRoom = Math.min(...columns.map((c) => c.capacity))
  }

  private reserveArrivals(n: number): void {
    const columns = [this.arrivedSend, this.arrivedAt, this.outcome, this.dropReason]
    for (const c of columns) c.reserve(n)
    this.arrivalRoom = Math.min(...columns.map((c) => c.capacity))
  }

  get sends(): number {
    return this.position.length
  }

  get arrivals(): number {
    return this.arrivedSend.length
  }

  /** Records a copy sent now; returns its index. */
  send(position: number, projection: number, kind: number): number {
    const send = this.position.length
    if (send >= this.sendRoom) this.reserveSends(2 * send + 1)
    this.projection.append(projection)
    this.sentAt.append(this.clock.now)
    this.kind.append(kind)
    this.lostAt.append(NaN)
    this.arrivalOf.append(-1)
    this.position.append(position)
    return send
  }

  /** The copy was lost on the way; `at` is when it would have arrived. */
  lost(send: number, at: SimTime): void {
    this.lostAt.set(send, at)
  }

  /** A copy sent earlier is lost now (the learner dropped a held message). */
  loseLater(send: number): void {
    this.lostAt.set(send, this.clock.now)
    this.lateLosses.push(send)
  }

  arrive(send: number, outcome: number, reason: number): void {
    const arrival = this.arrivedSend.length
    if (arrival >= this.arrivalRoom) this.reserveArrivals(2 * arrival + 1)
    if (send < this.arrivalOf.length) this.arrivalOf.put(send, arrival)
    else this.arrivalOf.set(send, arrival)
    this.arrivedSend.append(send)
    this.arrivedAt.append(this.clock.now)
    this.outcome.append(outcome)
    this.dropReason.append(reason)
  }

  /** A buffered copy was applied now. */
  drain(send: number): void {
    this.drainedSend.push(send)
    this.drainedAt.push(this.clock.now)
  }

  mark(): LogMark {
    return {
      sends: this.sends,
      arrivals: this.arrivals,
      drains: this.drainedSend.length,
      lateLosses: this.lateLosses.length,
    }
  }

  rewind(mark: LogMark): void {
    for (const send of this.lateLosses.splice(mark.lateLosses))
      if (send < mark.sends) this.lostAt.set(send, NaN)
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
