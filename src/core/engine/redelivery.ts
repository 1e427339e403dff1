import { Column } from '../column'

export interface RedeliverySnapshot {
  readonly length: number
  readonly head: number
  readonly timerAt: number
}

/**
 * The publisher's acknowledgement deadlines for one projection and the positions they are for, in
 * send order. Sends are made in time order and the timeout is the same for all, so deadlines come
 * out in order too and one timer per projection suffices: it fires at the first deadline whose ack
 * is not back yet, handles every deadline that has passed, and re-arms. The outcome is the same as
 * one timer per message (each send is checked at its own deadline), but most acks return long
 * before their deadline, so the timer skips them without a heap operation each.
 */
export class RedeliveryQueue {
  private readonly positions = Column.ints(1024)
  private readonly deadlines = new Column(1024)
  private head = 0
  /** The last deadline added (0 for none), and how many fit before the columns must grow. */
  private last = 0
  private room = 1024
  /** When the timer is armed for, or NaN when it is not. */
  timerAt = NaN

  get size(): number {
    return this.positions.length - this.head
  }

  /** Runs once per send, so the two columns are filled in step with one check for room. */
  add(position: number, deadline: number): void {
    const n = this.positions.length
    if (n >= this.room) {
      this.positions.reserve(2 * n + 1)
      this.deadlines.reserve(2 * n + 1)
      this.room = Math.min(this.positions.capacity, this.deadlines.capacity)
    }
    // A deadline never precedes the one before it, even if the timeout setting was lowered.
    this.last = Math.max(deadline, this.last)
    this.deadlines.append(this.last)
    this.positions.append(position)
  }

  nextPosition(): number {
    return this.positions.at(this.head)
  }

  nextDeadline(): number {
    return this.head < this.positions.length ? this.deadlines.at(this.head) : Infinity
  }

  shift(): void {
    this.head++
  }

  /** Drops every deadline still waiting (a publisher switched to at-most-once). */
  clear(): void {
    this.head = this.positions.length
  }

  snapshot(): RedeliverySnapshot {
    return { length: this.positions.length, head: this.head, timerAt: this.timerAt }
  }

  restore(s: RedeliverySnapshot): void {
    this.positions.truncate(s.length)
    this.deadlines.truncate(s.length)
    this.last = s.length > 0 ? this.deadlines.at(s.length - 1) : 0
    this.head = s.head
    this.timerAt = s.timerAt
  }
}
