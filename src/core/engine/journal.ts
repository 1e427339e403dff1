import { Column } from '../column'
import type { SimTime } from '../time'

/**
 * Per-position arrays (first-application times, acknowledgements) whose writes are journaled.
 * A snapshot keeps only the journal's length; restoring undoes the writes made since, newest
 * first. Snapshots stay O(1) in the number of events, which is what lets a long run be scrubbed
 * without copying per-event arrays at every snapshot. NaN means "nothing yet".
 */
export class JournaledArray {
  private readonly values = new Column(256, NaN)

  constructor(
    private readonly journal: Journal,
    readonly id: number,
    private readonly clock: { readonly now: SimTime },
  ) {}

  get(i: number): number {
    return this.values.at(i)
  }

  reserve(capacity: number): void {
    this.values.reserve(capacity)
  }

  has(i: number): boolean {
    return !Number.isNaN(this.values.at(i))
  }

  /**
   * Writes the simulated time now, only if nothing is there yet; returns whether it wrote. The
   * time is read from the clock, not passed in: a time handed to a function V8 does not inline is
   * boxed into a fresh heap number, and this runs on every delivery.
   */
  stampOnce(i: number): boolean {
    if (this.has(i)) return false
    this.write(i, this.clock.now)
    return true
  }

  /** Keeps the smaller of the stored value and `value`. */
  lower(i: number, value: number): void {
    const old = this.values.at(i)
    if (Number.isNaN(old) || value < old) this.write(i, value)
  }

  private write(i: number, value: number): void {
    // Checked before the call: passing `previous` would box it into a heap number even when off.
    if (this.journal.enabled) this.journal.record(this.id, i, this.values.at(i))
    this.values.set(i, value)
  }

  /** Called by the journal only. */
  undo(i: number, previous: number): void {
    this.values.set(i, previous)
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
