import { z } from 'zod'
import { domains } from './domains'
import { eventId, type EventData, type StoredEvent } from './events'
import { MAX_TIME } from './scenario/distribution'
import { parseInterventions, type Intervention } from './scenario/interventions'
import { formatPath, parseScenario, type ScenarioProblem } from './scenario/parse'
import type { Scenario } from './scenario/schema'

/**
 * The run bundle, `eventually.run/v1`: a run as one JSON file (the scenario, the events in
 * position order and, optionally, each projection's checkpoint), for export and import. A file
 * comes from anywhere, so nothing in it is trusted: the text is measured before it is parsed, and
 * every field and every cross-event invariant is checked before anything is written. Strings are
 * kept as they are and never interpreted: markup in a name or a value is inert text, and a
 * message that echoes one quotes it, cut short.
 */

export const BUNDLE_FORMAT = 'eventually.run/v1'
/** Checked on the raw text before JSON.parse: 32 MiB holds a 100k-event run with room to spare. */
export const MAX_BUNDLE_CHARS = 32 * 1024 * 1024
export const MAX_BUNDLE_EVENTS = 200_000
/** A bad file can have a problem per event: the first few say enough. */
export const MAX_BUNDLE_PROBLEMS = 20
const MAX_FIELDS = 32
const MAX_VALUE_CHARS = 1000
const FIELD_NAME = /^[A-Za-z_$][A-Za-z0-9_$]{0,63}$/

export interface RunBundle {
  readonly format: typeof BUNDLE_FORMAT
  readonly scenario: Scenario
  readonly events: readonly StoredEvent[]
  /** Each projection's last processed position, by projection id. */
  readonly checkpoints?: Readonly<Record<string, number>>
  /** What the learner did to the run in the playground (see scenario/interventions). */
  readonly interventions?: readonly Intervention[]
}

export type BundleParseResult =
  | { readonly ok: true; readonly bundle: RunBundle }
  | { readonly ok: false; readonly problems: readonly ScenarioProblem[] }

const whole = (min: number, max: number) =>
  z
    .number()
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`)
    .refine(Number.isInteger, 'must be a whole number')

const envelope = z.strictObject({
  format: z.literal(BUNDLE_FORMAT, { message: `must be "${BUNDLE_FORMAT}"` }),
  // Optional here only so that a missing scenario gets our message, not zod's "nonoptional".
  scenario: z.unknown().optional(),
  events: z
    .array(z.unknown())
    .max(MAX_BUNDLE_EVENTS, `must hold at most ${MAX_BUNDLE_EVENTS} events`),
  checkpoints: z.record(z.string(), whole(0, MAX_BUNDLE_EVENTS)).optional(),
  interventions: z.unknown().optional(),
})

const eventSchema = z.strictObject({
  position: whole(1, MAX_BUNDLE_EVENTS),
  stream: z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  version: whole(1, MAX_BUNDLE_EVENTS),
  id: z.string().max(64, 'must be at most 64 characters'),
  type: z.string().max(64, 'must be at most 64 characters'),
  data: z.record(z.string(), z.unknown()),
  at: z.number().min(0, 'must not be negative').max(MAX_TIME, `must be at most ${MAX_TIME} ms`),
})

/** Measures, parses and validates a bundle file's text. */
export function parseBundleText(text: string): BundleParseResult {
  if (text.length > MAX_BUNDLE_CHARS)
    return refuse(
      '',
      `the file is too large (${megabytes(text.length)} MB); a run bundle is at most ${megabytes(MAX_BUNDLE_CHARS)} MB`,
    )
  let doc: unknown
  try {
    doc = JSON.parse(text)
  } catch (error) {
    return refuse('', `not valid JSON (is the file complete?): ${(error as Error).message}`)
  }
  return parseBundle(doc)
}

/** Validates a parsed document: either all of it is a valid bundle or nothing is returned. */
export function parseBundle(doc: unknown): BundleParseResult {
  const shape = envelope.safeParse(doc)
  if (!shape.success) return { ok: false, problems: zodProblems(shape.error.issues, []) }
  const problems = new Problems()
  if (shape.data.scenario === undefined) problems.add('scenario', 'is missing')
  const parsed = parseScenario(shape.data.scenario ?? {})
  if (!parsed.ok && shape.data.scenario !== undefined)
    for (const p of parsed.problems) problems.add(joinPath('scenario', p.path), p.message)
  const scenario = parsed.ok ? parsed.scenario : null
  const events = checkEvents(shape.data.events, scenario, problems)
  const checkpoints = shape.data.checkpoints
  if (checkpoints && scenario) {
    const ids = new Set(scenario.projections.map((p) => p.id))
    for (const [id, position] of Object.entries(checkpoints)) {
      const path = formatPath(['checkpoints', id])
      if (!ids.has(id)) problems.add(path, `unknown projection ${quote(id)}`)
      else if (position > shape.data.events.length)
        problems.add(path, `must be at most the last position (${shape.data.events.length})`)
    }
  }
  let interventions: Intervention[] | null = null
  if (shape.data.interventions !== undefined && scenario) {
    const checked = parseInterventions(shape.data.interventions, scenario)
    if (checked.ok) interventions = checked.interventions
    else for (const p of checked.problems) problems.add(p.path, p.message)
  }
  if (problems.list.length > 0 || !scenario) return { ok: false, problems: problems.list }
  return {
    ok: true,
    bundle: {
      format: BUNDLE_FORMAT,
      scenario,
      events,
      ...(checkpoints ? { checkpoints: { ...checkpoints } } : {}),
      ...(interventions && interventions.length > 0 ? { interventions } : {}),
    },
  }
}

/**
 * Checks each event's fields, then what must hold between events. Once an event is unreadable,
 * the checks that compare an event with those before it stop (they would only repeat the same
 * defect), while each later event is still checked on its own.
 */
function checkEvents(
  items: readonly unknown[],
  scenario: Scenario | null,
  problems: Problems,
): StoredEvent[] {
  const types = scenario ? new Set(domains[scenario.domain].eventTypes) : null
  const versions = new Map<string, number>()
  const ids = new Map<string, number>()
  const positions = new Map<number, number>()
  const out: StoredEvent[] = []
  let linked = true
  let previousAt = 0
  let i = 0
  for (; i < items.length && !problems.full; i++) {
    const path = (field: string) => formatPath(['events', i, field])
    const shape = eventSchema.safeParse(items[i])
    if (!shape.success) {
      for (const p of zodProblems(shape.error.issues, ['events', i]))
        problems.add(p.path, p.message)
      linked = false
      continue
    }
    const e = shape.data
    if (types && !types.has(e.type))
      problems.add(
        path('type'),
        `unknown event type ${quote(e.type)} for domain ${scenario?.domain} (known: ${[...types].join(', ')})`,
      )
    // The raw object, not zod's copy: a copy made by assignment turns "__proto__" into a prototype.
    const raw = (items[i] as { data: Record<string, unknown> }).data
    const data = checkData(raw, formatPath(['events', i, 'data']), problems)
    out.push({
      position: e.position,
      stream: e.stream,
      version: e.version,
      id: e.id,
      type: e.type,
      data,
      at: e.at,
    })
    if (!linked) continue
    const twin = positions.get(e.position)
    if (twin !== undefined)
      problems.add(path('position'), `duplicate position (also events[${twin}])`)
    else if (e.position !== i + 1)
      problems.add(
        path('position'),
        `must be ${i + 1}: positions count 1, 2, 3… in order, without gaps (found ${e.position})`,
      )
    positions.set(e.position, i)
    const first = ids.get(e.id)
    if (first !== undefined) problems.add(path('id'), `duplicate id (also events[${first}])`)
    else if (e.id !== eventId(e.position))
      problems.add(
        path('id'),
        `must be "${eventId(e.position)}" (events are named after their position)`,
      )
    ids.set(e.id, i)
    const next = (versions.get(e.stream) ?? 0) + 1
    if (e.version !== next)
      problems.add(
        path('version'),
        `must be ${next}: versions count 1, 2, 3… within stream ${quote(e.stream)}`,
      )
    versions.set(e.stream, e.version)
    if (e.at < previousAt)
      problems.add(path('at'), `must not be before the previous event's time (${previousAt})`)
    previousAt = Math.max(previousAt, e.at)
  }
  if (i < items.length)
    problems.add('events', `and more: only the first ${MAX_BUNDLE_PROBLEMS} problems are listed`)
  return out
}

/** Event data is flat: named fields holding a string, a finite number, a boolean or null. */
function checkData(data: Record<string, unknown>, at: string, problems: Problems): EventData {
  const entries = Object.entries(data)
  if (entries.length > MAX_FIELDS) problems.add(at, `must have at most ${MAX_FIELDS} fields`)
  for (const [name, value] of entries.slice(0, MAX_FIELDS)) {
    const path = joinPath(at, formatPath([name]))
    if (!FIELD_NAME.test(name) || name === '__proto__')
      problems.add(at, `field name ${quote(name)} must be letters, digits, _ or $ (at most 64)`)
    else if (typeof value === 'string') {
      if (value.length > MAX_VALUE_CHARS)
        problems.add(path, `must be at most ${MAX_VALUE_CHARS} characters`)
    } else if (typeof value === 'number') {
      if (!Number.isFinite(value)) problems.add(path, 'must be a finite number')
    } else if (typeof value !== 'boolean' && value !== null)
      problems.add(path, 'must be a string, a number, true, false or null (event data is flat)')
  }
  // A fresh object of own fields, in the file's order.
  return Object.fromEntries(entries) as EventData
}

/**
 * The bundle as text: the scenario indented, one event per line (a 100k-event run stays well
 * under the size limit and still diffs line by line). Throws if the run is too large to be
 * imported again, so that an export is never a file the importer refuses.
 */
export function exportBundle(bundle: Omit<RunBundle, 'format'>): string {
  if (bundle.events.length > MAX_BUNDLE_EVENTS)
    throw new Error(
      `a run bundle holds at most ${MAX_BUNDLE_EVENTS} events, this run has ${bundle.events.length}`,
    )
  const indent = (json: string) => json.replace(/\n/g, '\n  ')
  const events = bundle.events.map((e) =>
    JSON.stringify({
      position: e.position,
      stream: e.stream,
      version: e.version,
      id: e.id,
      type: e.type,
      data: e.data,
      at: e.at,
    }),
  )
  const parts = [
    `  "format": ${JSON.stringify(BUNDLE_FORMAT)}`,
    `  "scenario": ${indent(JSON.stringify(bundle.scenario, null, 2))}`,
    events.length === 0 ? '  "events": []' : `  "events": [\n    ${events.join(',\n    ')}\n  ]`,
  ]
  if (bundle.checkpoints) {
    // In the scenario's projection order, whatever order they were stored in: one run, one text.
    const order = bundle.scenario.projections.map((p) => p.id)
    const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length)
    const sorted = Object.entries(bundle.checkpoints).sort(([a], [b]) => rank(a) - rank(b))
    parts.push(`  "checkpoints": ${indent(JSON.stringify(Object.fromEntries(sorted), null, 2))}`)
  }
  if (bundle.interventions && bundle.interventions.length > 0)
    parts.push(
      `  "interventions": [\n    ${bundle.interventions.map((iv) => JSON.stringify(iv)).join(',\n    ')}\n  ]`,
    )
  const text = `{\n${parts.join(',\n')}\n}\n`
  if (text.length > MAX_BUNDLE_CHARS)
    throw new Error(`this run is too large for a bundle (${megabytes(text.length)} MB)`)
  return text
}

class Problems {
  readonly list: ScenarioProblem[] = []

  get full(): boolean {
    return this.list.length >= MAX_BUNDLE_PROBLEMS
  }

  add(path: string, message: string): void {
    if (!this.full || path === 'events') this.list.push({ path, message })
  }
}

function zodProblems(
  issues: readonly { readonly path: readonly PropertyKey[]; readonly message: string }[],
  prefix: readonly PropertyKey[],
): ScenarioProblem[] {
  return issues
    .slice(0, MAX_BUNDLE_PROBLEMS)
    .map((issue) => ({ path: formatPath([...prefix, ...issue.path]), message: issue.message }))
}

function refuse(path: string, message: string): BundleParseResult {
  return { ok: false, problems: [{ path, message }] }
}

function joinPath(parent: string, child: string): string {
  if (!child) return parent
  return child.startsWith('[') ? parent + child : `${parent}.${child}`
}

function megabytes(chars: number): string {
  return (chars / (1024 * 1024)).toFixed(1)
}

/** Echoes a string from the file, cut short and quoted: never a huge or live message. */
function quote(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text)
}
