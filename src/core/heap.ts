/**
 * The simulation's agenda: a binary min-heap ordered by (time, seq), stored as parallel typed
 * arrays rather than objects. A 100k-event run schedules over a million items; keeping them out of
 * the garbage-collected heap is most of the engine's speed. The sequence number breaks ties in
 * insertion order, which is what makes runs deterministic when two things happen at one instant.
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

export interface QueueSnapshot {
  readonly columns: readonly Float64Array[]
  readonly size: number
}

const COLUMNS = 7 // t, s, k, p, a, b, keep

export class EventQueue {
  private cols: Float64Array[]
  private n = 0

  constructor(capacity = 1024) {
    this.cols = Array.from({ length: COLUMNS }, () => new Float64Array(capacity))
  }

  get size(): number {
    return this.n
  }

  /** The time of the next item, or Infinity when there is none. */
  peekTime(): number {
    return this.n > 0 ? ((this.cols[0] as Float64Array)[0] as number) : Infinity
  }

  push(t: number, s: number, k: number, p: number, a: number, b: number, keep: boolean): void {
    if (this.n === (this.cols[0] as Float64Array).length) this.grow()
    const [T, S, Kc, P, A, B, Keep] = this.cols as [
      Float64Array,
      Float64Array,
      Float64Array,
      Float64Array,
      Float64Array,
      Float64Array,
      Float64Array,
    ]
    let i = this.n++
    while (i > 0) {
      const parent = (i - 1) >> 1
      const pt = T[parent] as number
      if (pt < t || (pt === t && (S[parent] as number) < s)) break
      T[i] = pt
      S[i] = S[parent] as number
      Kc[i] = Kc[parent] as number
      P[i] = P[parent] as number
      A[i] = A[parent] as number
      B[i] = B[parent] as number
      Keep[i] = Keep[parent] as number
      i = parent
    }
    T[i] = t
    S[i] = s
    Kc[i] = k
    P[i] = p
    A[i] = a
    B[i] = b
    Keep[i] = keep ? 1 : 0
  }

  /** Removes the next item into `out`; returns false when the queue is empty. */
  pop(out: Item): boolean {
    if (this.n === 0) return false
    const [T, S, Kc, P, A, B, Keep] = this.cols as [
      Float64Array,
      Float64Array,
      Float64Array,
      Float64Array,
      Float64Array,
      Float64Array,
      Float64Array,
    ]
    out.t = T[0] as number
    out.s = S[0] as number
    out.k = Kc[0] as number
    out.p = P[0] as number
    out.a = A[0] as number
    out.b = B[0] as number
    out.keep = Keep[0] === 1
    const last = --this.n
    if (last === 0) return true
    const t = T[last] as number
    const s = S[last] as number
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
      Kc[i] = Kc[c] as number
      P[i] = P[c] as number
      A[i] = A[c] as number
      B[i] = B[c] as number
      Keep[i] = Keep[c] as number
      i = c
    }
    T[i] = t
    S[i] = s
    Kc[i] = Kc[last] as number
    P[i] = P[last] as number
    A[i] = A[last] as number
    B[i] = B[last] as number
    Keep[i] = Keep[last] as number
    return true
  }

  snapshot(): QueueSnapshot {
    return { columns: this.cols.map((c) => c.slice(0, this.n)), size: this.n }
  }

  restore(s: QueueSnapshot): void {
    const capacity = Math.max(1024, s.size * 2)
    this.cols = s.columns.map((c) => {
      const col = new Float64Array(capacity)
      col.set(c)
      return col
    })
    this.n = s.size
  }

  private grow(): void {
    this.cols = this.cols.map((c) => {
      const bigger = new Float64Array(c.length * 2)
      bigger.set(c)
      return bigger
    })
  }
}
