import { Column } from '../column'
import type { SimTime } from '../time'

/**
 * A projection's measures over time, recorded only when one of them changes: how many events it
 * is behind, when the oldest event it has not applied was appended (lag in ms at time t is
 * t - oldestAt, so it need not be sampled as it grows; NaN when nothing is missing), and how many
 * rows differ from the truth. Samples at one instant replace each other.
 */
export class Series {
  readonly t = new Column()
  readonly behind = Column.ints()
  readonly oldestAt = new Column()
  readonly divergent = Column.ints()
  /**
   * The last sample again, in fields: a sample is recorded on every append and every application,
   * and comparing with fields costs less than reading four columns back each time.
   */
  private lastT = NaN
  private lastBehind = 0
  private lastOldestAt = NaN
  private lastDivergent = 0
  /** Samples that fit before the columns must grow (they grow together). */
  private room = 0

  /**
   * `clock` gives a sample's time and `appendedAt` its oldestAt, read here rather than passed in:
   * a double handed to a call V8 does not inline is boxed into a fresh heap number, and a sample
   * is recorded on every append and every application.
   */
  constructor(
    private readonly clock: { readonly now: SimTime },
    private readonly events: { head(): number; appendedAt(position: number): SimTime },
  ) {
    this.reserve(0)
  }

  get length(): number {
    return this.t.length
  }

  reserve(samples: number): void {
    const columns = [this.t, this.behind, this.oldestAt, this.divergent]
    for (const c of columns) c.reserve(samples)
    this.room = Math.min(...columns.map((c) => c.capacity))
  }

  /** Records the measures now; `oldest` is the lowest position not applied yet. */
  record(behind: number, oldest: number, divergent: number): void {
    const t = this.clock.now
    const events = this.events
    const oldestAt = oldest <= events.head() ? events.appendedAt(oldest) : NaN
    const n = this.t.length
    if (n > 0) {
      const same =
        this.lastBehind === behind &&
        Object.is(this.lastOldestAt, oldestAt) &&
        this.lastDivergent === divergent
      if (this.lastT === t) {
        if (same) return
        const i = n - 1
        this.behind.put(i, behind)
        this.oldestAt.put(i, oldestAt)
        this.divergent.put(i, divergent)
        return this.remember(t, behind, oldestAt, divergent)
      }
      if (same) return
    }
    if (n >= this.room) this.reserve(2 * n + 1)
    this.t.append(t)
    this.behind.append(behind)
    this.oldestAt.append(oldestAt)
    this.divergent.append(divergent)
    this.remember(t, behind, oldestAt, divergent)
  }

  private remember(t: SimTime, behind: number, oldestAt: number, divergent: number): void {
    this.lastT = t
    this.lastBehind = behind
    this.lastOldestAt = oldestAt
    this.lastDivergent = divergent
  }

  snapshot(): SeriesSnapshot {
    const i = this.t.length - 1
    return {
      length: i + 1,
      last: i >= 0 ? [this.behind.at(i), this.oldestAt.at(i), this.divergent.at(i)] : null,
    }
  }

  /** Truncates to the snapshot and puts back the last sample, which later samples may have replaced. */
  restore(s: SeriesSnapshot): void {
    for (const column of [this.t, this.behind, this.oldestAt, this.divergent])
      column.truncate(s.length)
    const i = s.length - 1
    if (s.last) {
      this.behind.set(i, s.last[0])
      this.oldestAt.set(i, s.last[1])
      this.divergent.set(i, s.last[2])
    }
    if (i >= 0)
      this.remember(this.t.at(i), this.behind.at(i), this.oldestAt.at(i), this.divergent.at(i))
    else this.remember(NaN, 0, NaN, 0)
  }

  /** The largest lag in ms up to `end`: it peaks just before the oldest unapplied event changes. */
  maxLagMs(end: SimTime): number {
    let max = 0
    const n = this.t.length
    for (let i = 0; i < n; i++) {
      const oldest = this.oldestAt.at(i)
      if (Number.isNaN(oldest)) continue
      const until = i + 1 < n ? this.t.at(i + 1) : end
      max = Math.max(max, until - oldest)
    }
    return max
  }

  maxBehind(): number {
    let max = 0
    for (let i = 0; i < this.behind.length; i++) max = Math.max(max, this.behind.at(i))
    return max
  }

  /** The time from which no row differs until the end, or null if rows still differ at the end. */
  convergedAt(): SimTime | null {
    const n = this.t.length
    if (n === 0) return 0
    if (this.divergent.at(n - 1) > 0) return null
    let i = n - 1
    while (i > 0 && this.divergent.at(i - 1) === 0) i--
    return i === 0 ? 0 : this.t.at(i)
  }
}

export interface SeriesSnapshot {
  readonly length: number
  readonly last: readonly [number, number, number] | null
}
