/**
 * Which positions a handler has applied, in bounded memory. Positions are global and gap-free, so
 * everything at or below a watermark is known to be applied and only the positions above it are
 * kept: the memory follows the reordering window, not the length of the history. If gaps never
 * fill (events lost for good) the set would grow, so past `capacity` the watermark jumps to the
 * oldest remembered position and the gaps below it count as seen: a first copy of a forgotten
 * position that arrives after that is skipped, and the checker reports it lost. The bench reports
 * how large the set gets.
 */
export class DedupeWindow {
  watermark = 0
  private above = new Set<number>()
  /** The largest number of positions held above the watermark so far. */
  peak = 0

  constructor(private readonly capacity = 10_000) {}

  has(position: number): boolean {
    return position <= this.watermark || this.above.has(position)
  }

  /** Records a position; false if it was already there (a duplicate). */
  add(position: number): boolean {
    if (this.has(position)) return false
    this.above.add(position)
    while (this.above.delete(this.watermark + 1)) this.watermark++
    if (this.above.size > this.capacity) this.forgetGaps()
    this.peak = Math.max(this.peak, this.above.size)
    return true
  }

  get size(): number {
    return this.above.size
  }

  private forgetGaps(): void {
    let lowest = Infinity
    for (const p of this.above) lowest = Math.min(lowest, p)
    this.watermark = lowest
    this.above.delete(lowest)
    while (this.above.delete(this.watermark + 1)) this.watermark++
  }

  snapshot(): DedupeSnapshot {
    return { watermark: this.watermark, above: [...this.above], peak: this.peak }
  }

  restore(s: DedupeSnapshot): void {
    this.watermark = s.watermark
    this.above = new Set(s.above)
    this.peak = s.peak
  }
}

export interface DedupeSnapshot {
  readonly watermark: number
  readonly above: readonly number[]
  readonly peak: number
}
