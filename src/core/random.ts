/**
 * Seeded pseudo-random numbers. Every random choice of a run comes from a named stream derived
 * from the scenario seed, so adding a projection or a read never shifts the draws of another.
 * sfc32 is small, fast and passes PractRand to 2^40; its whole state is four uint32s, which makes
 * snapshots for scrubbing trivial.
 */

/** FNV-1a over a string, then a murmur3 finaliser: a well-mixed 32-bit seed for a stream name. */
export function hashString(text: string, seed = 0): number {
  let h = (0x811c9dc5 ^ seed) >>> 0
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return mix32(h)
}

function mix32(x: number): number {
  x ^= x >>> 16
  x = Math.imul(x, 0x85ebca6b)
  x ^= x >>> 13
  x = Math.imul(x, 0xc2b2ae35)
  x ^= x >>> 16
  return x >>> 0
}

export type RngState = readonly [number, number, number, number]

export class Rng {
  /**
   * sfc32's four 32-bit words. They live in a typed array rather than in fields: where V8
   * compresses pointers (Chromium does, Node does not), a small integer has 31 bits, so a field
   * holding a full 32-bit word is boxed as a heap number and every write pays for it. Measured in
   * Chromium, `next` took a sixth of a large run with fields.
   */
  private readonly s = new Int32Array(4)
  /** How many numbers this stream has given out (benchmarks replay the same count). */
  draws = 0

  constructor(state: RngState) {
    this.restore(state)
  }

  /** A stream named `name` under `seed`; the same pair always yields the same sequence. */
  static stream(seed: number, name: string): Rng {
    const h = hashString(name, seed)
    const rng = new Rng([mix32(h ^ 0x9e3779b9), mix32(h + 0x6a09e667), mix32(h ^ seed), mix32(~h)])
    for (let i = 0; i < 12; i++) rng.next() // warm up: the first outputs of sfc32 are weak
    return rng
  }

  /** A float in [0, 1). */
  next(): number {
    this.draws++
    const s = this.s
    const a = s[0] as number
    const b = s[1] as number
    const c = s[2] as number
    const d = s[3] as number
    const t = (((a + b) | 0) + d) | 0
    s[0] = b ^ (b >>> 9)
    s[1] = (c + (c << 3)) | 0
    s[2] = (((c << 21) | (c >>> 11)) + t) | 0
    s[3] = (d + 1) | 0
    return (t >>> 0) / 4294967296
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n)
  }

  /** The four words as signed 32-bit integers. */
  state(): RngState {
    const s = this.s
    return [s[0] as number, s[1] as number, s[2] as number, s[3] as number]
  }

  restore(state: RngState): void {
    this.s.set(state)
  }
}
