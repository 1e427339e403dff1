import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ScenarioInput } from '../core'
import { builtIns, load, readAfterWrite } from '../scenarios'
import {
  decodeShare,
  encodeShare,
  MAX_SHARE_HASH_CHARS,
  shareUrl,
  type ParseInterventions,
} from './share'
import { deflateRaw, toBase64Url } from './share-bytes'

/** Stands in for the interventions schema, which is written elsewhere: objects with a type. */
type Intervention = { type: string }
const isIntervention = (x: unknown): x is Intervention =>
  typeof x === 'object' && x !== null && typeof (x as { type?: unknown }).type === 'string'
const interventionsOf: ParseInterventions<Intervention> = (raw) =>
  Array.isArray(raw) && raw.every(isIntervention)
    ? { ok: true, value: raw }
    : { ok: false, message: 'each intervention needs a type' }
const anyList: ParseInterventions<unknown> = (raw) => ({ ok: true, value: raw as unknown[] })

const samples = [
  { type: 'partition', projection: 'shelf', at: 120, until: 900 },
  { type: 'note', at: 5, text: 'héllo "world" <b>bold</b> ✓' },
  { type: 'speed', at: 7.25, factor: 0.5, nested: { on: true, ids: [1, 2, null] } },
]

const utf8 = (text: string) => new TextEncoder().encode(text)
const pack = async (bytes: Uint8Array<ArrayBuffer>) =>
  `run=1.${toBase64Url(await deflateRaw(bytes))}`
const packText = (text: string) => pack(utf8(text))
const packJson = (value: unknown) => packText(JSON.stringify(value))
const scenario = load(readAfterWrite)
const withScenario = (s: unknown, interventions: unknown = []) =>
  packJson({ scenario: s, interventions })
let bombHash: Promise<string> | undefined
/** 50 MB of zeros, a link of some 68,000 characters: made once, as it takes a while. */
const bomb = () => (bombHash ??= pack(new Uint8Array(50 * 1024 * 1024)))
const polluted = () => (Object.prototype as Record<string, unknown>).polluted

describe('a shared run', () => {
  it.each(builtIns.map((b) => [b.id, b.scenario] as const))(
    'survives the round trip through a link: %s',
    async (_, input) => {
      const hash = await encodeShare({ scenario: input, interventions: samples })
      expect(hash).toMatch(/^run=1\.[A-Za-z0-9_-]+$/)
      expect(hash.length).toBeLessThan(8 * 1024)
      const decoded = await decodeShare(`#${hash}`, interventionsOf)
      if (!decoded?.ok) throw new Error(JSON.stringify(decoded))
      expect(JSON.stringify(decoded.value.scenario)).toBe(JSON.stringify(load(input)))
      expect(JSON.stringify(decoded.value.interventions)).toBe(JSON.stringify(samples))
    },
  )

  it('gives the same link for the same run, whatever order its fields were written in', async () => {
    const reordered = Object.fromEntries(Object.entries(readAfterWrite).reverse()) as ScenarioInput
    const a = await encodeShare({ scenario: readAfterWrite, interventions: samples })
    expect(await encodeShare({ scenario: readAfterWrite, interventions: samples })).toBe(a)
    expect(await encodeShare({ scenario: reordered, interventions: samples })).toBe(a)
  })

  it('is found among other keys of the hash', async () => {
    const hash = await encodeShare({ scenario: readAfterWrite, interventions: [] })
    const decoded = await decodeShare(`#tab=events&${hash}&zoom=2`, anyList)
    expect(decoded).toEqual({ ok: true, value: { scenario, interventions: [] } })
  })

  it('hands the validated scenario to the interventions check', async () => {
    const check = vi.fn(anyList)
    await decodeShare(await encodeShare({ scenario: readAfterWrite, interventions: [1] }), check)
    expect(check).toHaveBeenCalledWith([1], scenario)
  })

  it('refuses to make a link for an invalid scenario', async () => {
    const broken = { ...readAfterWrite, seed: -1 }
    await expect(encodeShare({ scenario: broken, interventions: [] })).rejects.toThrow(/invalid/)
  })

  it('builds the full link on this page', () => {
    const page = { origin: 'https://a.github.io', pathname: '/eventually/', search: '?lang=en' }
    expect(shareUrl(page, 'run=1.abc')).toBe('https://a.github.io/eventually/?lang=en#run=1.abc')
    expect(shareUrl(page, '#run=1.abc')).toBe('https://a.github.io/eventually/?lang=en#run=1.abc')
  })
})

describe('a hash that holds no run', () => {
  it.each([
    ['an empty hash', ''],
    ['a bare #', '#'],
    ['other keys', '#tab=events&zoom=2'],
    ['a key that only starts like run', 'running=1.abc'],
    ['an over-long hash without a run', 'x'.repeat(MAX_SHARE_HASH_CHARS + 1)],
  ])('is not a shared run: %s', async (_, hash) => {
    expect(await decodeShare(hash, anyList)).toBeNull()
  })
})

const damaged = (what: string) => `This link is damaged: ${what}.`
const invalidScenario = { ...readAfterWrite, seed: -1, domain: 'nope' }
const markup = '<img src=x onerror=alert(1)>'
const longMarkup = markup.repeat(20)
const nested = (depth: number): unknown => (depth === 0 ? 1 : [nested(depth - 1)])
const hostile: [string, () => Promise<string> | string, string][] = [
  ['the run key alone', () => '#run', damaged('its run data is empty')],
  ['an empty run', () => '#run=', damaged('its run data is empty')],
  ['two runs', () => 'run=1.AAAA&run=1.AAAA', damaged('it holds more than one run')],
  ['no version', () => 'run=AAAA', damaged('its run data has no version')],
  [
    'a newer version',
    () => 'run=2.AAAA',
    'This link was made by a newer version of Eventually (run format 2; this page reads format 1). Reload the page to get the newest version, then open the link again.',
  ],
  ['a bad prefix', () => 'run=v1.AAAA', damaged('its run data has an unknown version "v1"')],
  [
    'markup as the version',
    () => `run=${markup}.AAAA`,
    damaged('its run data has an unknown version "<img src=x onerror=a…"'),
  ],
  [
    'a character outside base64url',
    () => 'run=1.ab+c',
    damaged('its run data is not valid base64'),
  ],
  ['padded base64', () => 'run=1.AA==', damaged('its run data is not valid base64')],
  ['a length base64 never has', () => 'run=1.AAAAA', damaged('its run data is not valid base64')],
  ['stray bits after the last byte', () => 'run=1.AB', damaged('its run data is not valid base64')],
  [
    'truncated deflate data',
    async () => {
      const whole = await deflateRaw(utf8(JSON.stringify({ scenario, interventions: samples })))
      return `run=1.${toBase64Url(whole.slice(0, -8))}`
    },
    damaged('its run data does not decompress (was the link cut short when it was copied?)'),
  ],
  [
    'bytes that are not deflate data',
    () => `run=1.${toBase64Url(new Uint8Array([255, 255, 255, 255]))}`,
    damaged('its run data does not decompress (was the link cut short when it was copied?)'),
  ],
  [
    'a deflate bomb (50 MB of zeros)',
    bomb,
    "This link's run data is too large: it unpacks to more than 2 MB.",
  ],
  [
    'invalid UTF-8',
    () => pack(new Uint8Array([0x7b, 0xff, 0x7d])),
    damaged('its run data is not valid UTF-8 text'),
  ],
  [
    'a UTF-8 surrogate',
    () => pack(new Uint8Array([0x22, 0xed, 0xa0, 0x80, 0x22])),
    damaged('its run data is not valid UTF-8 text'),
  ],
  ['invalid JSON', () => packText('{"scenario": '), damaged('its run data is not valid JSON')],
  ['a JSON list', () => packJson([scenario]), damaged('its run data is a list, not a JSON object')],
  ['a JSON string', () => packJson('run'), damaged('its run data is a string, not a JSON object')],
  ['JSON null', () => packJson(null), damaged('its run data is null, not a JSON object')],
  ['no scenario', () => packJson({ interventions: [] }), damaged('its run data has no scenario')],
  ['no interventions', () => packJson({ scenario }), damaged('its run data has no interventions')],
  [
    'interventions that are not a list',
    () => withScenario(scenario, { 0: 'x' }),
    damaged('its interventions are an object, not a list'),
  ],
  [
    'an unknown field',
    () => packJson({ scenario, interventions: [], [longMarkup]: 1 }),
    damaged(`its run data has an unknown field "${longMarkup.slice(0, 40)}…"`),
  ],
  [
    'a __proto__ key beside the scenario',
    () =>
      packText(
        `{"__proto__":{"polluted":1},"scenario":${JSON.stringify(scenario)},"interventions":[]}`,
      ),
    damaged('its run data has a "__proto__" field'),
  ],
  [
    'a __proto__ key in an intervention, spelled with an escape',
    () =>
      packText(
        `{"scenario":${JSON.stringify(scenario)},"interventions":[{"\\u005f_proto__":{"polluted":1}}]}`,
      ),
    damaged('its run data has a "__proto__" field'),
  ],
  [
    'JSON nested 100 deep',
    () => withScenario(scenario, nested(100)),
    damaged('its run data is nested more than 64 deep'),
  ],
  [
    'a scenario with problems',
    () => withScenario(invalidScenario),
    'The scenario in this link is not valid (2 problems), so it was not run.',
  ],
  [
    'interventions the check refuses',
    () => withScenario(scenario, [{ at: 0 }]),
    'The interventions in this link are not valid: each intervention needs a type',
  ],
  [
    'an over-long hash',
    () => `run=1.${'A'.repeat(MAX_SHARE_HASH_CHARS)}`,
    'This link is too long to be a run link: it has 257 KB, a run link at most 256 KB.',
  ],
]

describe('a malformed or hostile hash', () => {
  afterEach(() => expect(polluted()).toBeUndefined())

  it.each(hostile)('is refused with a clear message: %s', async (_, make, message) => {
    const check = vi.fn(interventionsOf)
    const decoded = await decodeShare(await make(), check)
    expect(decoded).toMatchObject({ ok: false, message })
    if (!message.startsWith('The interventions')) expect(check).not.toHaveBeenCalled()
  })

  it('lists the problems of the scenario', async () => {
    expect(await decodeShare(await withScenario(invalidScenario), anyList)).toMatchObject({
      problems: [
        { path: 'seed', message: 'must not be negative' },
        { path: 'domain', message: expect.stringMatching(/^Invalid option/) as string },
      ],
    })
  })

  it('stops inflating a bomb soon after the limit instead of unpacking it all', async () => {
    const Real = DecompressionStream
    let seen = 0
    class Counting {
      readonly writable: WritableStream<BufferSource>
      readonly readable: ReadableStream<Uint8Array>
      constructor(format: CompressionFormat) {
        const inner = new Real(format)
        const count = new TransformStream<Uint8Array, Uint8Array>({
          transform(chunk, out) {
            seen += chunk.byteLength
            out.enqueue(chunk)
          },
        })
        this.writable = inner.writable
        this.readable = inner.readable.pipeThrough(count)
      }
    }
    vi.stubGlobal('DecompressionStream', Counting)
    try {
      const decoded = await decodeShare(await bomb(), anyList)
      expect(decoded?.ok).toBe(false)
    } finally {
      vi.unstubAllGlobals()
    }
    expect(seen).toBeGreaterThan(2 * 1024 * 1024)
    expect(seen).toBeLessThan(4 * 1024 * 1024)
  })

  it('keeps markup in a scenario name as plain data', async () => {
    const input = { ...readAfterWrite, name: markup }
    const decoded = await decodeShare(
      await encodeShare({ scenario: input, interventions: [] }),
      anyList,
    )
    expect(decoded).toMatchObject({ ok: true, value: { scenario: { name: markup } } })
  })

  it('echoes no more than a short piece of attacker text in its messages', async () => {
    const s = {
      ...scenario,
      [longMarkup]: 1,
      workload: { rate: 1, count: 1, keys: 1, mix: { [longMarkup]: 1 } },
    }
    const shout = (): ReturnType<ParseInterventions<unknown>> => ({
      ok: false,
      message: `bad "${longMarkup}" ${longMarkup}`,
    })
    const results = [
      await decodeShare(await withScenario(s), anyList),
      await decodeShare(await withScenario(scenario), shout),
    ]
    const texts = results.flatMap((r) =>
      r && !r.ok ? [r.message, ...(r.problems ?? []).flatMap((p) => [p.path, p.message])] : [],
    )
    expect(texts.length).toBeGreaterThan(3)
    for (const text of texts)
      for (let i = 0; i < markup.length; i++)
        expect(text).not.toContain(longMarkup.slice(i, i + 81))
  })

  it('does not let constructor or prototype keys reach a prototype', async () => {
    const sneaky = JSON.parse(
      '[{"constructor":{"prototype":{"polluted":1}},"prototype":{"polluted":1}}]',
    ) as unknown
    const merge: ParseInterventions<unknown> = (raw) => ({
      ok: true,
      value: (raw as object[]).map((x) => Object.assign({}, x)),
    })
    expect(await decodeShare(await withScenario(scenario, sneaky), merge)).toMatchObject({
      ok: true,
    })
    const inScenario = { ...scenario, constructor: { prototype: { polluted: 1 } } }
    expect(await decodeShare(await withScenario(inScenario), anyList)).toMatchObject({ ok: false })
  })

  it('turns an interventions check that throws into a message', async () => {
    const throws: ParseInterventions<unknown> = () => {
      throw new Error('boom')
    }
    expect(await decodeShare(await withScenario(scenario), throws)).toEqual({
      ok: false,
      message: 'This link could not be read.',
    })
  })
})
