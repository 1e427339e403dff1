import { rowsEqual, type Row } from '../events'
import type { SimTime } from '../time'
import type { Journal, JournaledArray } from './journal'
import { Series, type SeriesSnapshot } from './series'

/** What the engine knows about the world that a projection's measures are taken against. */
export interface Truth {
  head(): number
  appendedAt(position: number): SimTime
  /** The key number of the event at a position. */
  keyAt(position: number): number
  /** The true row of a key number. */
  rowById(id: number): Row | undefined
  /**
   * The true row of the key of the event at `position` just before that event was appended, and
   * just after: that event applied in order to a row equal to the first gives the second.
   */
  rowBefore(position: number): Row | undefined
  rowAfter(position: number): Row | undefined
}

/**
 * The measures taken on one projection as it goes: first application of each position (visibility
 * time), how far behind it is in events and in time, and which rows differ from the truth. They
 * are taken during the run because measuring afterwards would mean replaying it.
 */
export class Measures {
  readonly firstApplied: JournaledArray
  readonly series: Series
  private appliedCount = 0
  /** The lowest position not applied yet. */
  private low = 1
  /** 1 where the row differs from the truth, by key number, and how many do. */
  private differs: number[] = []
  private divergent = 0

  /**
   * `clock` is read where a time is needed (by the series and the journal) rather than passed in:
   * a time handed to a function that V8 does not inline is boxed into a fresh heap number, and
   * these run on every delivery.
   */
  constructor(
    private readonly truth: Truth,
    clock: { readonly now: SimTime },
    journal: Journal,
  ) {
    this.firstApplied = journal.create()
    this.series = new Series(clock, truth)
  }

  reserve(events: number): void {
    this.firstApplied.reserve(events + 1)
    this.series.reserve(events * 2)
  }

  /** Records an application; returns whether the position had been applied before. */
  applied(position: number): boolean {
    if (this.firstApplied.has(position)) return true
    this.firstApplication(position)
    return false
  }

  /** Records the first application of a position the caller knows was not applied before. */
  firstApplication(position: number): void {
    this.firstApplied.stamp(position)
    this.appliedCount++
    // Only applying the lowest missing position can move it.
    if (position !== this.low) return
    const head = this.truth.head()
    while (this.low <= head && this.firstApplied.has(this.low)) this.low++
  }

  /**
   * The truth of a key changed (an append). A row that matched the old truth and not the new one
   * now differs without comparing it; only a row that already differed may have come right.
   */
  truthChanged(id: number, local: Row | undefined, changed: boolean): void {
    const differs = this.differs[id]
    if (differs === 1 || (differs === undefined && local !== undefined))
      return this.compare(id, local)
    if (changed) {
      this.differs[id] = 1
      this.divergent++
    }
    this.sample()
  }

  /** Re-checks one key of the local copy against the truth and records the measures. */
  compare(id: number, local: Row | undefined): void {
    const differs = rowsEqual(local, this.truth.rowById(id)) ? 0 : 1
    this.divergent += differs - (this.differs[id] ?? 0)
    this.differs[id] = differs
    this.sample()
  }

  sample(): void {
    this.series.record(this.truth.head() - this.appliedCount, this.low, this.divergent)
  }

  /** Events appended and not applied yet. */
  behind(): number {
    return this.truth.head() - this.appliedCount
  }

  /** Age of the oldest event not applied yet, 0 when caught up. */
  lagMs(now: SimTime): number {
    return this.low <= this.truth.head() ? now - this.truth.appendedAt(this.low) : 0
  }

  divergentCount(): number {
    return this.divergent
  }

  differsAt(id: number): boolean {
    return this.differs[id] === 1
  }

  snapshot(): MeasuresSnapshot {
    return {
      appliedCount: this.appliedCount,
      low: this.low,
      differs: this.differs.slice(),
      divergent: this.divergent,
      series: this.series.snapshot(),
    }
  }

  restore(s: MeasuresSnapshot): void {
    this.appliedCount = s.appliedCount
    this.low = s.low
    this.differs = s.differs.slice()
    this.divergent = s.divergent
    this.series.restore(s.series)
  }
}

export interface MeasuresSnapshot {
  readonly appliedCount: number
  readonly low: number
  readonly differs: readonly number[]
  readonly divergent: number
  readonly series: SeriesSnapshot
}
