/**
 * The byte layer of share links: deflate-raw through the web-standard compression streams (in
 * every current browser and in Node >= 20, so no dependency) and base64url without padding.
 * Decoding trusts nothing: base64url is checked to the last bit, and inflating stops as soon as
 * the output passes its limit, so a small link that unpacks to gigabytes costs one chunk, not the
 * whole bomb.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
const VALUE = new Map([...ALPHABET].map((c, i) => [c.charCodeAt(0), i]))

export function toBase64Url(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0)
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6))
    for (let k = 0; k < chars; k++) out += ALPHABET[(n >> (18 - 6 * k)) & 63]
  }
  return out
}

/**
 * The bytes of unpadded base64url text, or null when it is not exactly that: a character outside
 * the alphabet, a length no byte count gives, or set bits after the last byte. Strict, so one
 * byte string has one spelling and a cut or edited link fails here rather than further down.
 */
export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | null {
  if (text.length % 4 === 1) return null
  const bytes = new Uint8Array(Math.floor((text.length * 6) / 8))
  let bits = 0
  let buffer = 0
  let j = 0
  for (let i = 0; i < text.length; i++) {
    const v = VALUE.get(text.charCodeAt(i))
    if (v === undefined) return null
    buffer = ((buffer << 6) | v) & 0xfff
    bits += 6
    if (bits >= 8) {
      bits -= 8
      bytes[j++] = (buffer >> bits) & 0xff
    }
  }
  if ((buffer & ((1 << bits) - 1)) !== 0) return null
  return bytes
}

export async function deflateRaw(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'))
  return new Uint8Array(await new Response(stream).arrayBuffer())
}

export type Inflated =
  | { readonly ok: true; readonly bytes: Uint8Array<ArrayBuffer> }
  | { readonly ok: false; readonly reason: 'corrupt' | 'too-large' }

/** Inflates deflate-raw data, giving up (and cancelling the stream) past `limit` bytes. */
export async function inflateRaw(bytes: Uint8Array<ArrayBuffer>, limit: number): Promise<Inflated> {
  const stream = new DecompressionStream('deflate-raw')
  const writer = stream.writable.getWriter()
  // Not awaited: the write resolves only as the output is read. Its failure (corrupt data, or the
  // cancel below) also surfaces on the reader, so here it is only kept from going unhandled.
  writer
    .write(bytes)
    .then(() => writer.close())
    .catch(() => undefined)
  const reader = stream.readable.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      total += value.byteLength
      if (total > limit) {
        await reader.cancel()
        return { ok: false, reason: 'too-large' }
      }
      chunks.push(value)
    }
  } catch {
    return { ok: false, reason: 'corrupt' }
  }
  const out = new Uint8Array(total)
  let at = 0
  for (const chunk of chunks) {
    out.set(chunk, at)
    at += chunk.byteLength
  }
  return { ok: true, bytes: out }
}
