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

  get length(): number {
    return this.t.length
  }

  reserve(samples: number): void {
    for (const c of [this.t, this.behind, this.oldestAt, this.divergent]) c.reserve(samples)
  }

  record(t: SimTime, behind: number, oldestAt: number, divergent: number): void {
    const n = this.t.length
    if (n > 0) {
      const i = n - 1
      if (this.t.at(i) === t) {
        this.behind.set(i, behind)
        this.oldestAt.set(i, oldestAt)
        this.divergent.set(i, divergent)
        return
      }
      if (
        this.behind.at(i) === behind &&
        Object.is(this.oldestAt.at(i), oldestAt) &&
        this.divergent.at(i) === divergent
      )
        return
    }
    this.t.push(t)
    this.behind.push(behind)
    this.oldestAt.push(oldestAt)
    this.divergent.push(divergent)
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
    if (s.last) {
      this.behind.set(s.length - 1, s.last[0])
      this.oldestAt.set(s.length - 1, s.last[1])
      this.divergent.set(s.length - 1, s.last[2])
    }
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
