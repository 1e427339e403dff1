/**
 * A 64-bit running hash (two independent 32-bit FNV-1a lanes) over numbers and strings, used for
 * the trace hash: equal traces give equal hashes, and a single changed delivery changes it.
 */
export class TraceHasher {
  private h1 = 0x811c9dc5
  private h2 = 0x01000193 ^ 0x5bd1e995
  private readonly view = new DataView(new ArrayBuffer(8))

  num(x: number): this {
    this.view.setFloat64(0, x)
    this.word(this.view.getUint32(0))
    this.word(this.view.getUint32(4))
    return this
  }

  str(text: string): this {
    this.word(text.length)
    for (let i = 0; i < text.length; i++) this.word(text.charCodeAt(i))
    return this
  }

  private word(w: number): void {
    this.h1 = Math.imul(this.h1 ^ w, 0x01000193)
    this.h2 = Math.imul(this.h2 ^ (w + 0x9e3779b9), 0x5bd1e995)
    this.h2 ^= this.h2 >>> 15
  }

  hex(): string {
    return (
      (this.h1 >>> 0).toString(16).padStart(8, '0') + (this.h2 >>> 0).toString(16).padStart(8, '0')
    )
  }
}
