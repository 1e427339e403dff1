/**
 * Growable columns of numbers backed by typed arrays. The engine's logs hold millions of numbers;
 * in typed arrays they cost the garbage collector nothing to scan, and growing one is a single copy
 * of raw memory.
 *
 * Whole numbers (positions, indexes, counts, codes, all far below 2^31) go in an `IntColumn`,
 * half the memory of a `Column` of doubles. Memory is time here: the first write to a fresh page
 * costs a few microseconds (measured ~3 µs per 4 KiB page on the benchmark machine), several times
 * what filling the page costs once it is mapped, and a run writes ~100 MB of columns.
 *
 * The two are separate classes with the same methods, not one class over either array: one class
 * whose storage is sometimes an Int32Array makes every access in it polymorphic, which cost more
 * time than the memory saved. Each call site sees one class and stays monomorphic.
 *
 * `append` and `put` skip the capacity check, for a writer that fills several columns in step
 * (a log row, a sample) and checks the room once per row with `capacity` and `reserve`. They are
 * kept small enough that V8 always inlines them: a `push` that is not inlined costs a call per
 * value, and a double handed to it is boxed into a fresh heap number.
 */
export class Column {
  private data: Float64Array
  length = 0

  constructor(
    capacity = 256,
    private readonly fill = 0,
  ) {
    this.data = this.allocate(capacity)
  }

  /** A column of whole numbers in [-2^31, 2^31). */
  static ints(capacity = 256, fill = 0): IntColumn {
    return new IntColumn(capacity, fill)
  }

  push(x: number): number {
    if (this.length === this.data.length) this.grow(this.length + 1)
    this.data[this.length] = x
    return this.length++
  }

  /** How many values fit before the column must grow. */
  get capacity(): number {
    return this.data.length
  }

  /** `push` without the capacity check: the caller made room with `reserve`. */
  append(x: number): void {
    this.data[this.length++] = x
  }

  /** Overwrites a value below `length`. */
  put(i: number, x: number): void {
    this.data[i] = x
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

  private allocate(capacity: number): Float64Array {
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

/** `Column` over an Int32Array, for whole numbers; see the file comment for why it is a copy. */
export class IntColumn {
  private data: Int32Array
  length = 0

  constructor(
    capacity = 256,
    private readonly fill = 0,
  ) {
    this.data = this.allocate(capacity)
  }

  push(x: number): number {
    if (this.length === this.data.length) this.grow(this.length + 1)
    this.data[this.length] = x
    return this.length++
  }

  /** How many values fit before the column must grow. */
  get capacity(): number {
    return this.data.length
  }

  /** `push` without the capacity check: the caller made room with `reserve`. */
  append(x: number): void {
    this.data[this.length++] = x
  }

  /** Overwrites a value below `length`. */
  put(i: number, x: number): void {
    this.data[i] = x
  }

  at(i: number): number {
    return i < this.length ? (this.data[i] as number) : this.fill
  }

  set(i: number, x: number): void {
    if (i >= this.data.length) this.grow(i + 1)
    if (i >= this.length) this.length = i + 1
    this.data[i] = x
  }

  truncate(length: number): void {
    if (length >= this.length) return
    this.data.fill(this.fill, length, this.length)
    this.length = length
  }

  reserve(capacity: number): void {
    if (capacity > this.data.length) this.grow(capacity)
  }

  toArray(): number[] {
    return Array.from(this.data.subarray(0, this.length))
  }

  private allocate(capacity: number): Int32Array {
    const data = new Int32Array(capacity)
    if (this.fill !== 0) data.fill(this.fill)
    return data
  }

  private grow(min: number): void {
    const bigger = this.allocate(Math.max(min, this.data.length * 2))
    bigger.set(this.data)
    this.data = bigger
  }
}
