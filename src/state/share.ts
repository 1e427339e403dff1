import {
  formatProblems,
  parseScenario,
  type Scenario,
  type ScenarioInput,
  type ScenarioProblem,
} from '../core'
import { deflateRaw, fromBase64Url, inflateRaw, toBase64Url } from './share-bytes'

/**
 * Share links: a whole run in the URL hash, `#run=1.<base64url of deflate-raw JSON>`, the JSON
 * being `{"scenario": {...}, "interventions": [...]}` (the seed is in the scenario). Opening the
 * link runs the very same thing, or nothing: a hash comes from anyone, so it is measured before
 * it is read, inflated under a byte limit, and the scenario and the interventions are both
 * checked before the caller gets either. Every refusal is a plain-text message that says what is
 * wrong and echoes at most a short, cut piece of the link.
 */

export const SHARE_KEY = 'run'
export const SHARE_VERSION = 1
/** Checked before anything is decoded. A lesson's link is under 1 KB; this is for big runs. */
export const MAX_SHARE_HASH_CHARS = 256 * 1024
/** Checked while inflating: a zip bomb is stopped at this many bytes of JSON. */
export const MAX_SHARE_JSON_BYTES = 2 * 1024 * 1024
/** Deeper JSON is refused before a validator recurses into it. A run is about six levels deep. */
export const MAX_SHARE_DEPTH = 64
const MAX_PROBLEMS = 20

export interface SharedRun {
  scenario: unknown
  interventions: unknown[]
}

export type DecodeResult<T> =
  { ok: true; value: T } | { ok: false; message: string; problems?: readonly ScenarioProblem[] }

export type ParseInterventions<I> = (
  raw: unknown,
  scenario: Scenario,
) => { ok: true; value: I[] } | { ok: false; message: string }

const PREFIX = `${SHARE_KEY}=${SHARE_VERSION}.`
const size = (n: number) =>
  n >= 1024 * 1024 ? `${Math.ceil((n / 1024 / 1024) * 10) / 10} MB` : `${Math.ceil(n / 1024)} KB`
const damaged = (what: string) => fail(`This link is damaged: ${what}.`)

/**
 * The hash (without '#') that holds this run. The scenario is stored as validated, with every
 * default written out, so a link keeps meaning the same run if a default changes later, and
 * equal scenarios give equal links whatever order their fields were written in. Rejects (throws)
 * for an invalid scenario or a run too large for a link: never a link that `decodeShare` refuses.
 */
export async function encodeShare(run: {
  scenario: ScenarioInput
  interventions: readonly unknown[]
}): Promise<string> {
  const parsed = parseScenario(run.scenario)
  if (!parsed.ok)
    throw new Error(`cannot share an invalid scenario:\n${formatProblems(parsed.problems)}`)
  const payload: SharedRun = { scenario: parsed.scenario, interventions: [...run.interventions] }
  const json = new TextEncoder().encode(JSON.stringify(payload))
  if (json.byteLength > MAX_SHARE_JSON_BYTES)
    throw new Error(`this run is too large to share as a link (${size(json.byteLength)} of JSON)`)
  const hash = PREFIX + toBase64Url(await deflateRaw(json))
  if (hash.length > MAX_SHARE_HASH_CHARS)
    throw new Error(`this run is too large to share as a link (${size(hash.length)})`)
  return hash
}

/** The full link to a run: this page, with the run as its hash. */
export function shareUrl(
  location: { readonly origin: string; readonly pathname: string; readonly search: string },
  hash: string,
): string {
  return `${location.origin}${location.pathname}${location.search}#${hash.replace(/^#/, '')}`
}

/**
 * Reads a run from a URL hash (with or without its '#'). Null when the hash holds no run at all,
 * so that other uses of the hash are left alone. Never throws.
 */
export async function decodeShare<I>(
  hash: string,
  parseInterventions: ParseInterventions<I>,
): Promise<DecodeResult<{ scenario: Scenario; interventions: I[] }> | null> {
  try {
    return await decode(hash, parseInterventions)
  } catch {
    // Every known failure has its own message; this catch is the promise that nothing escapes
    // (an interventions check that throws, say).
    return fail('This link could not be read.')
  }
}

type Failure = Extract<DecodeResult<never>, { ok: false }>
type Decoded<I> = DecodeResult<{ scenario: Scenario; interventions: I[] }>

async function decode<I>(
  hash: string,
  parseInterventions: ParseInterventions<I>,
): Promise<Decoded<I> | null> {
  const value = findRun(hash.startsWith('#') ? hash.slice(1) : hash)
  if (typeof value !== 'string') return value
  const doc = await unpack(value)
  return doc.ok ? checkRun(doc.value, parseInterventions) : doc
}

/** The value of the hash's `run=` parameter; null when there is none. */
function findRun(text: string): string | Failure | null {
  if (text.length > MAX_SHARE_HASH_CHARS)
    return new RegExp(`(?:^|&)${SHARE_KEY}(?:=|&|$)`).test(text)
      ? fail(
          `This link is too long to be a run link: it has ${size(text.length)}, a run link at most ${size(MAX_SHARE_HASH_CHARS)}.`,
        )
      : null
  const values = text
    .split('&')
    .filter((part) => part === SHARE_KEY || part.startsWith(`${SHARE_KEY}=`))
    .map((part) => part.slice(SHARE_KEY.length + 1))
  const [value] = values
  if (value === undefined) return null
  if (values.length > 1) return damaged('it holds more than one run')
  if (value === '') return damaged('its run data is empty')
  return value
}

/** `1.<base64url>` to parsed JSON: each layer is checked, and refused with its own message. */
async function unpack(value: string): Promise<{ ok: true; value: unknown } | Failure> {
  const dot = value.indexOf('.')
  if (dot < 0) return damaged('its run data has no version')
  const version = value.slice(0, dot)
  if (version !== String(SHARE_VERSION))
    return /^[1-9][0-9]{0,8}$/.test(version) && Number(version) > SHARE_VERSION
      ? fail(
          `This link was made by a newer version of Eventually (run format ${version}; this page reads format ${SHARE_VERSION}). Reload the page to get the newest version, then open the link again.`,
        )
      : damaged(`its run data has an unknown version ${quote(version, 20)}`)
  const packed = fromBase64Url(value.slice(dot + 1))
  if (!packed) return damaged('its run data is not valid base64')
  const inflated = await inflateRaw(packed, MAX_SHARE_JSON_BYTES)
  if (!inflated.ok)
    return inflated.reason === 'too-large'
      ? fail(
          `This link's run data is too large: it unpacks to more than ${size(MAX_SHARE_JSON_BYTES)}.`,
        )
      : damaged('its run data does not decompress (was the link cut short when it was copied?)')
  let json: string
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(inflated.bytes)
  } catch {
    return damaged('its run data is not valid UTF-8 text')
  }
  let doc: unknown
  try {
    doc = JSON.parse(json)
  } catch {
    return damaged('its run data is not valid JSON')
  }
  const shape = inspect(doc)
  return shape ? damaged(shape) : { ok: true, value: doc }
}

/** The envelope, then the scenario, then the interventions against it: all of it or nothing. */
function checkRun<I>(doc: unknown, parseInterventions: ParseInterventions<I>): Decoded<I> {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc))
    return damaged(`its run data is ${describe(doc)}, not a JSON object`)
  const extra = Object.keys(doc).find((k) => k !== 'scenario' && k !== 'interventions')
  if (extra !== undefined) return damaged(`its run data has an unknown field ${quote(extra)}`)
  const { scenario: rawScenario, interventions: rawInterventions } = doc as Partial<SharedRun>
  if (rawScenario === undefined) return damaged('its run data has no scenario')
  if (rawInterventions === undefined) return damaged('its run data has no interventions')
  if (!Array.isArray(rawInterventions))
    return damaged(`its interventions are ${describe(rawInterventions)}, not a list`)

  const parsed = parseScenario(rawScenario)
  if (!parsed.ok) {
    const problems = parsed.problems.slice(0, MAX_PROBLEMS).map((p) => ({
      path: clip(p.path, 80),
      message: tidy(p.message),
    }))
    const count = parsed.problems.length === 1 ? '1 problem' : `${parsed.problems.length} problems`
    return fail(`The scenario in this link is not valid (${count}), so it was not run.`, problems)
  }
  const interventions = parseInterventions(rawInterventions, parsed.scenario)
  if (!interventions.ok)
    return fail(
      `The interventions in this link are not valid: ${clip(tidy(interventions.message), 80)}`,
    )
  return { ok: true, value: { scenario: parsed.scenario, interventions: interventions.value } }
}

function fail(message: string, problems?: readonly ScenarioProblem[]): Failure {
  return problems ? { ok: false, message, problems } : { ok: false, message }
}

/**
 * Why a parsed document is refused before any validator sees it, or null. A '__proto__' key is
 * inert in JSON.parse's output but turns into a prototype the moment code copies it with
 * assignment (Object.assign, a merge), and deep nesting overflows recursive validators. The walk
 * uses its own stack, so depth cannot overflow it either.
 */
function inspect(doc: unknown): string | null {
  const stack: [unknown, number][] = [[doc, 1]]
  for (let item = stack.pop(); item; item = stack.pop()) {
    const [value, depth] = item
    if (typeof value !== 'object' || value === null) continue
    if (depth > MAX_SHARE_DEPTH) return `its run data is nested more than ${MAX_SHARE_DEPTH} deep`
    if (Object.hasOwn(value, '__proto__')) return 'its run data has a "__proto__" field'
    for (const child of Object.values(value)) stack.push([child, depth + 1])
  }
  return null
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`
}

/** A string from the link, quoted and cut short, so a message never carries a payload. */
function quote(text: string, max = 40): string {
  return `"${clip(text, max)}"`
}

/**
 * Cuts every quoted piece of a message (zod quotes the unknown keys it echoes), then the whole:
 * long enough for the schema's own longest message, a poll budget of some 150 characters.
 */
function tidy(message: string): string {
  return clip(
    message.replace(/"((?:[^"\\]|\\.)*)"/g, (_, inner: string) => quote(inner)),
    200,
  )
}

// Control characters and direction overrides: inert as React text, but they can hide or reorder
// what a message shows.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g

/** At most `max` characters (never half a surrogate pair), unsafe characters shown as '?'. */
function clip(text: string, max: number): string {
  const safe = text.replace(UNSAFE, '?')
  if (safe.length <= max) return safe
  const cut = /[\ud800-\udbff]/.test(safe.charAt(max - 1)) ? max - 1 : max
  return `${safe.slice(0, cut)}…`
}
