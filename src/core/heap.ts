/**
 * The simulation's agenda: a min-heap ordered by (time, seq), stored in typed arrays rather than
 * objects. A 100k-event run schedules over a million items; keeping them out of the
 * garbage-collected heap is most of the engine's speed. The sequence number breaks ties in
 * insertion order, which is what makes runs deterministic when two things happen at one instant.
 *
 * The heap itself holds only the sort key and a slot number; an item's payload (kind,
 * projection, a, b, keep) waits in its slot and is written once and read once. Sifting an item
 * up or down then moves three numbers per level instead of seven. The whole-number part of the
 * payload is kept as int32, so the popped item's fields come out as small integers.
 */
export interface Item {
  t: number
  s: number
  k: number
  p: number
  a: number
  b: number
  keep: boolean
}

export function emptyItem(): Item {
  return { t: 0, s: 0, k: 0, p: 0, a: 0, b: 0, keep: false }
}

/** The waiting items in heap order, one column per field: t, s, k, p, a, b, keep. */
export interface QueueSnapshot {
  readonly columns: readonly Float64Array[]
  readonly size: number
}

/** Whole numbers per slot: k, p, a, keep; `b` (a time for some kinds) has a column of its own. */
const STRIDE = 4

type Columns = [
  Float64Array,
  Float64Array,
  Float64Array,
  Float64Array,
  Float64Array,
  Float64Array,
  Float64Array,
]

const EMPTY_F64 = new Float64Array(0)
const EMPTY_I32 = new Int32Array(0)

export class EventQueue {
  private time = EMPTY_F64
  private seq = EMPTY_F64
  private slot = EMPTY_I32
  private payload = EMPTY_I32
  private b = EMPTY_F64
  /** Free slots, used as a stack. */
  private free = EMPTY_I32
  private freeCount = 0
  private n = 0

  constructor(capacity = 1024) {
    this.allocate(capacity)
    this.freeAll(0)
  }

  get size(): number {
    return this.n
  }

  /** The time of the next item, or Infinity when there is none. */
  peekTime(): number {
    return this.n > 0 ? (this.time[0] as number) : Infinity
  }

  /** Adds an item; `k`, `p` and `a` are whole numbers (codes and indexes), `b` any number. */
  push(t: number, s: number, k: number, p: number, a: number, b: number, keep: boolean): void {
    if (this.n === this.time.length) this.grow()
    const slot = this.free[--this.freeCount] as number
    const payload = this.payload
    const at = slot * STRIDE
    payload[at] = k
    payload[at + 1] = p
    payload[at + 2] = a
    payload[at + 3] = keep ? 1 : 0
    this.b[slot] = b
    const T = this.time
    const S = this.seq
    const Slot = this.slot
    let i = this.n++
    while (i > 0) {
      const parent = (i - 1) >> 1
      const pt = T[parent] as number
      if (pt < t || (pt === t && (S[parent] as number) < s)) break
      T[i] = pt
      S[i] = S[parent] as number
      Slot[i] = Slot[parent] as number
      i = parent
    }
    T[i] = t
    S[i] = s
    Slot[i] = slot
  }

  /** Removes the next item into `out`; returns false when the queue is empty. */
  pop(out: Item): boolean {
    if (this.n === 0) return false
    const T = this.time
    const S = this.seq
    const Slot = this.slot
    const top = Slot[0] as number
    const payload = this.payload
    const at = top * STRIDE
    out.t = T[0] as number
    out.s = S[0] as number
    out.k = payload[at] as number
    out.p = payload[at + 1] as number
    out.a = payload[at + 2] as number
    out.b = this.b[top] as number
    out.keep = payload[at + 3] === 1
    this.free[this.freeCount++] = top
    const last = --this.n
    if (last === 0) return true
    const t = T[last] as number
    const s = S[last] as number
    const slot = Slot[last] as number
    let i = 0
    for (;;) {
      const l = 2 * i + 1
      if (l >= last) break
      const r = l + 1
      let c = l
      if (r < last) {
        const rt = T[r] as number
        const lt = T[l] as number
        if (rt < lt || (rt === lt && (S[r] as number) < (S[l] as number))) c = r
      }
      const ct = T[c] as number
      if (t < ct || (t === ct && s < (S[c] as number))) break
      T[i] = ct
      S[i] = S[c] as number
      Slot[i] = Slot[c] as number
      i = c
    }
    T[i] = t
    S[i] = s
    Slot[i] = slot
    return true
  }

  snapshot(): QueueSnapshot {
    const n = this.n
    const columns = Array.from({ length: 7 }, () => new Float64Array(n))
    const [T, S, K, P, A, B, Keep] = columns as Columns
    T.set(this.time.subarray(0, n))
    S.set(this.seq.subarray(0, n))
    for (let i = 0; i < n; i++) {
      const slot = this.slot[i] as number
      const at = slot * STRIDE
      K[i] = this.payload[at] as number
      P[i] = this.payload[at + 1] as number
      A[i] = this.payload[at + 2] as number
      B[i] = this.b[slot] as number
      Keep[i] = this.payload[at + 3] as number
    }
    return { columns, size: n }
  }

  /** Puts the items back in the same heap order, item i in slot i. */
  restore(s: QueueSnapshot): void {
    const n = s.size
    this.allocate(Math.max(1024, n * 2))
    const [T, S, K, P, A, B, Keep] = s.columns as Columns
    this.time.set(T)
    this.seq.set(S)
    for (let i = 0; i < n; i++) {
      this.slot[i] = i
      const at = i * STRIDE
      this.payload[at] = K[i] as number
      this.payload[at + 1] = P[i] as number
      this.payload[at + 2] = A[i] as number
      this.payload[at + 3] = Keep[i] as number
      this.b[i] = B[i] as number
    }
    this.n = n
    this.freeAll(n)
  }

  private allocate(capacity: number): void {
    this.time = new Float64Array(capacity)
    this.seq = new Float64Array(capacity)
    this.slot = new Int32Array(capacity)
    this.payload = new Int32Array(capacity * STRIDE)
    this.b = new Float64Array(capacity)
    this.free = new Int32Array(capacity)
  }

  /** Makes the slots from `from` to the end free, the lowest on top of the stack. */
  private freeAll(from: number): void {
    this.freeCount = 0
    for (let slot = this.free.length - 1; slot >= from; slot--) this.free[this.freeCount++] = slot
  }

  /** Doubles every array. The heap is full: every old slot is taken, and the new ones are free. */
  private grow(): void {
    const { time, seq, slot, payload, b } = this
    this.allocate(time.length * 2)
    this.time.set(time)
    this.seq.set(seq)
    this.slot.set(slot)
    this.payload.set(payload)
    this.b.set(b)
    this.freeAll(time.length)
  }
}
