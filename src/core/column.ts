/**
 * A growable column of numbers backed by a Float64Array. The engine's logs hold millions of
 * numbers; in typed arrays they cost the garbage collector nothing to scan, and growing one is a
 * single copy of raw memory. One element type only: a column that is sometimes Int32Array makes
 * every access polymorphic, which cost more time than the halved memory saved.
 */
type Store = Float64Array

export class Column {
  private data: Store
  length = 0

  constructor(
    capacity = 256,
    private readonly fill = 0,
  ) {
    this.data = this.allocate(capacity)
  }

  /** A column of whole numbers (positions, counts, indexes, codes); same storage, named for intent. */
  static ints(capacity = 256, fill = 0): Column {
    return new Column(capacity, fill)
  }

  push(x: number): number {
    if (this.length === this.data.length) this.grow(this.length + 1)
    this.data[this.length] = x
    return this.length++
  }

  at(i: number): number {
    return i < this.length ? (this.data[i] as number) : this.fill
  }

  set(i: number, x: number): void {
    if (i >= this.data.length) this.grow(i + 1)
    if (i >= this.length) this.length = i + 1
    this.data[i] = x
  }

  /** Drops everything from `length` on; slots past the end read as the fill value again. */
  truncate(length: number): void {
    if (length >= this.length) return
    this.data.fill(this.fill, length, this.length)
    this.length = length
  }

  /** Makes room for `capacity` values at once, when the caller knows roughly how many will come. */
  reserve(capacity: number): void {
    if (capacity > this.data.length) this.grow(capacity)
  }

  toArray(): number[] {
    return Array.from(this.data.subarray(0, this.length))
  }

  private allocate(capacity: number): Store {
    const data = new Float64Array(capacity)
    if (this.fill !== 0) data.fill(this.fill)
    return data
  }

  private grow(min: number): void {
    const bigger = this.allocate(Math.max(min, this.data.length * 2))
    bigger.set(this.data)
    this.data = bigger
  }
}
