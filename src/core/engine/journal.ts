import { Column } from '../column'
import type { SimTime } from '../time'

/**
 * Per-position arrays (first-application times, acknowledgements) whose writes are journaled.
 * A snapshot keeps only the journal's length; restoring undoes the writes made since, newest
 * first. Snapshots stay O(1) in the number of events, which is what lets a long run be scrubbed
 * without copying per-event arrays at every snapshot. NaN means "nothing yet".
 */
export class JournaledArray {
  /**
   * The values, NaN past what was written. The array is held here rather than in a Column: these
   * run several times per delivery, and a double passed to or returned from a call V8 does not
   * inline is boxed into a fresh heap number, so reads and writes stay in these small methods.
   */
  private data = new Float64Array(256).fill(NaN)

  constructor(
    private readonly journal: Journal,
    readonly id: number,
    private readonly clock: { readonly now: SimTime },
  ) {}

  get(i: number): number {
    return i < this.data.length ? (this.data[i] as number) : NaN
  }

  reserve(capacity: number): void {
    if (capacity > this.data.length) this.grow(capacity)
  }

  has(i: number): boolean {
    return i < this.data.length && !Number.isNaN(this.data[i])
  }

  /**
   * Writes the simulated time now, only if nothing is there yet; returns whether it wrote. The
   * time is read from the clock, not passed in, for the boxing reason above.
   */
  stampOnce(i: number): boolean {
    if (this.has(i)) return false
    this.stamp(i)
    return true
  }

  /** `stampOnce` for a caller that knows nothing is there yet. */
  stamp(i: number): void {
    // The journal is checked before the call: passing a double boxes it even when it is off.
    if (this.journal.enabled) this.journal.record(this.id, i, NaN)
    if (i >= this.data.length) this.grow(i + 1)
    this.data[i] = this.clock.now
  }

  /** Keeps the smaller of the stored value and `value`. */
  lower(i: number, value: number): void {
    if (i >= this.data.length) this.grow(i + 1)
    const old = this.data[i] as number
    if (!Number.isNaN(old) && !(value < old)) return
    if (this.journal.enabled) this.journal.record(this.id, i, old)
    this.data[i] = value
  }

  /** Called by the journal only. */
  undo(i: number, previous: number): void {
    if (i >= this.data.length) this.grow(i + 1)
    this.data[i] = previous
  }

  private grow(min: number): void {
    const bigger = new Float64Array(Math.max(min, this.data.length * 2)).fill(NaN)
    bigger.set(this.data)
    this.data = bigger
  }
}

export class Journal {
  private readonly arrays: JournaledArray[] = []
  private readonly entries = new Column(4096)

  /**
   * A run that will never be moved back in time need not pay for the journal. `clock` is the
   * simulated clock the arrays stamp times from.
   */
  constructor(
    readonly enabled: boolean,
    private readonly clock: { readonly now: SimTime },
  ) {}

  create(): JournaledArray {
    const array = new JournaledArray(this, this.arrays.length, this.clock)
    this.arrays.push(array)
    return array
  }

  reserve(entries: number): void {
    if (this.enabled) this.entries.reserve(entries * 3)
  }

  record(array: number, index: number, previous: number): void {
    this.entries.push(array)
    this.entries.push(index)
    this.entries.push(previous)
  }

  mark(): number {
    if (!this.enabled) throw new Error('this simulation was created without time travel')
    return this.entries.length
  }

  rewind(mark: number): void {
    const e = this.entries
    for (let j = e.length - 3; j >= mark; j -= 3)
      this.arrays[e.at(j)]?.undo(e.at(j + 1), e.at(j + 2))
    e.truncate(mark)
  }
}
