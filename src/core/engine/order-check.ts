import type { Domain } from '../domains'
import { rowsEqual, type Row, type StoredEvent } from '../events'
import type { EventStore } from '../store'
import type { SimTime } from '../time'

/**
 * What the order check found, kept small: the sentence that explains it is written only when the
 * result is built (see checker.ts), since a faulty run can find tens of thousands.
 */
export interface Finding {
  readonly type: 'resurrection' | 'duplicate-effect' | 'out-of-order-overwrite'
  /** The key number. */
  readonly key: number
  readonly at: SimTime
  readonly position: number
  readonly local: Row | null
  readonly truth: Row | null
}

/**
 * Watches an order-sensitive handler (naive, idempotent) apply events and says when an
 * application makes a row differ from what the same events would give in stream order: a
 * duplicate counted again, an older event overwriting a newer one, a deleted row coming back.
 * Only the application that starts a difference is reported, so one cause gives one anomaly.
 * Events in order on a row that is right cost nothing; the others replay the key's stream.
 */
export class OrderCheck {
  private maxVersion: number[] = []
  /** The fold, in stream order, of the events applied so far, per key. */
  private expected: (Row | undefined)[] = []
  private wrong: number[] = []
  /** Per key: every version up to this one has been applied, and the fold of that prefix. */
  private prefix: number[] = []
  private prefixRow: (Row | undefined)[] = []

  constructor(
    private readonly domain: Domain,
    private readonly store: EventStore,
    private readonly keyName: (id: number) => string,
    private readonly applied: (position: number) => boolean,
  ) {}

  check(
    id: number,
    event: StoredEvent,
    before: Row | undefined,
    after: Row | undefined,
    duplicate: boolean,
    now: SimTime,
  ): Finding | null {
    const newest = this.maxVersion[id] ?? 0
    const late = !duplicate && event.version < newest
    // The expected row follows the applied set: a newer event extends the fold, a duplicate
    // leaves it, and only a late event makes us replay the key's stream.
    this.maxVersion[id] = Math.max(newest, event.version)
    if (!duplicate && !late && this.wrong[id] !== 1) {
      // The row was right and this event extends it in order: the row is the expected fold.
      this.expected[id] = after
      return null
    }
    if (late) this.expected[id] = this.refold(id, event)
    else if (!duplicate) this.expected[id] = this.domain.evolve(this.expected[id], event)
    const expected = this.expected[id]
    const wrong = !rowsEqual(after, expected)
    const started = wrong && this.wrong[id] !== 1
    this.wrong[id] = wrong ? 1 : 0
    if (!started) return null
    const type =
      before === undefined && after !== undefined && expected === undefined
        ? 'resurrection'
        : duplicate
          ? 'duplicate-effect'
          : 'out-of-order-overwrite'
    return {
      type,
      key: id,
      at: now,
      position: event.position,
      local: after ?? null,
      truth: expected ?? null,
    }
  }

  /**
   * The in-order fold of the applied events after a late one arrived. The fold of the gap-free
   * prefix of versions is kept and extended, so only the versions after the first gap are
   * replayed: a late event usually fills that gap, and the replay is short.
   */
  private refold(id: number, event: StoredEvent): Row | undefined {
    const stream = this.store.readStream(this.domain.streamOf(this.keyName(id)))
    const isApplied = (e: StoredEvent) => e.position === event.position || this.applied(e.position)
    let c = this.prefix[id] ?? 0
    let row = this.prefixRow[id]
    for (let e = stream[c]; e && isApplied(e); e = stream[c]) {
      row = this.domain.evolve(row, e)
      c++
    }
    this.prefix[id] = c
    this.prefixRow[id] = row
    for (let i = c + 1; i < stream.length; i++) {
      const e = stream[i] as StoredEvent
      if (isApplied(e)) row = this.domain.evolve(row, e)
    }
    return row
  }

  snapshot(): OrderCheckSnapshot {
    return {
      maxVersion: this.maxVersion.slice(),
      expected: this.expected.slice(),
      wrong: this.wrong.slice(),
      prefix: this.prefix.slice(),
      prefixRow: this.prefixRow.slice(),
    }
  }

  restore(s: OrderCheckSnapshot): void {
    this.maxVersion = s.maxVersion.slice()
    this.expected = s.expected.slice()
    this.wrong = s.wrong.slice()
    this.prefix = s.prefix.slice()
    this.prefixRow = s.prefixRow.slice()
  }
}

export interface OrderCheckSnapshot {
  readonly maxVersion: readonly number[]
  readonly expected: readonly (Row | undefined)[]
  readonly wrong: readonly number[]
  readonly prefix: readonly number[]
  readonly prefixRow: readonly (Row | undefined)[]
}
