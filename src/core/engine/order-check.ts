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
  /**
   * The fold, in stream order, of the events applied so far, per key, kept only while the row is
   * wrong: a right row is equal to it, so it stands for it and the common case writes nothing.
   */
  private expected: (Row | undefined)[] = []
  private wrong: number[] = []
  /** Per key: every version up to this one has been applied, and the fold of that prefix. */
  private prefix: number[] = []
  private prefixRow: (Row | undefined)[] = []
  /** Each key's stream name, built on first use rather than once per late event. */
  private streamNames: (string | undefined)[] = []

  /**
   * `evolve` is the domain's, memoised by the truth (see Projection.evolve): replaying the
   * in-order prefix of a stream then yields the truth's own rows rather than fresh copies, which
   * a faulty run would otherwise allocate by the hundred thousand.
   */
  constructor(
    private readonly domain: Domain,
    private readonly evolve: (row: Row | undefined, event: StoredEvent) => Row | undefined,
    private readonly store: EventStore,
    private readonly clock: { readonly now: SimTime },
    private readonly keyName: (id: number) => string,
    private readonly applied: (position: number) => boolean,
  ) {}

  check(
    id: number,
    event: StoredEvent,
    before: Row | undefined,
    after: Row | undefined,
    duplicate: boolean,
  ): Finding | null {
    const newest = this.maxVersion[id] ?? 0
    const late = !duplicate && event.version < newest
    // The expected row follows the applied set: a newer event extends the fold, a duplicate
    // leaves it, and only a late event makes us replay the key's stream.
    this.maxVersion[id] = Math.max(newest, event.version)
    if (!duplicate && !late && this.wrong[id] !== 1) {
      // The row was right and this event extends it in order: the row is the expected fold.
      this.extendPrefix(id, event, after)
      return null
    }
    return this.recheck(id, event, before, after, duplicate, late)
  }

  /** The slow path, apart so that the fast one stays small enough to be inlined. */
  private recheck(
    id: number,
    event: StoredEvent,
    before: Row | undefined,
    after: Row | undefined,
    duplicate: boolean,
    late: boolean,
  ): Finding | null {
    // A row that was right stands for the expected fold, which was not kept for it.
    let expected = this.wrong[id] === 1 ? this.expected[id] : before
    if (late) expected = this.refold(id, event)
    else if (!duplicate) {
      expected = this.evolve(expected, event)
      this.extendPrefix(id, event, expected)
    }
    this.expected[id] = expected
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
      at: this.clock.now,
      position: event.position,
      local: after ?? null,
      truth: expected ?? null,
    }
  }

  /**
   * A new event that directly follows the gap-free prefix extends it: nothing newer has been
   * applied (it is not late), so the prefix's fold is the expected row. Kept up as events come,
   * the prefix spares a later refold from folding the in-order stretch again.
   */
  private extendPrefix(id: number, event: StoredEvent, expected: Row | undefined): void {
    if ((this.prefix[id] ?? 0) !== event.version - 1) return
    this.prefix[id] = event.version
    this.prefixRow[id] = expected
  }

  /**
   * The in-order fold of the applied events after a late one arrived. The fold of the gap-free
   * prefix of versions is kept and extended, so only the versions after the first gap are
   * replayed: a late event usually fills that gap, and the replay is short.
   */
  private refold(id: number, event: StoredEvent): Row | undefined {
    const name = (this.streamNames[id] ??= this.domain.streamOf(this.keyName(id)))
    const stream = this.store.readStream(name)
    const late = event.position
    let c = this.prefix[id] ?? 0
    let row = this.prefixRow[id]
    for (let e = stream[c]; e && (e.position === late || this.applied(e.position)); e = stream[c]) {
      row = this.evolve(row, e)
      c++
    }
    this.prefix[id] = c
    this.prefixRow[id] = row
    for (let i = c + 1; i < stream.length; i++) {
      const e = stream[i] as StoredEvent
      if (e.position === late || this.applied(e.position)) row = this.evolve(row, e)
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
    // Restoring may also have forgotten keys, and a key number can come back with another name.
    this.streamNames = []
  }
}

export interface OrderCheckSnapshot {
  readonly maxVersion: readonly number[]
  readonly expected: readonly (Row | undefined)[]
  readonly wrong: readonly number[]
  readonly prefix: readonly number[]
  readonly prefixRow: readonly (Row | undefined)[]
}
