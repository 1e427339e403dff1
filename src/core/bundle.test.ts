/**
 * The run bundle is read from files of any origin: every defect is refused with a message that
 * says where and what, and a valid export always reads back as the same run.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  BUNDLE_FORMAT,
  exportBundle,
  MAX_BUNDLE_CHARS,
  MAX_BUNDLE_EVENTS,
  parseBundle,
  parseBundleText,
} from './bundle'
import { simulate } from './index'
import { scenario as validScenario } from './testing'
import type { ScenarioProblem } from './scenario/parse'

const scenario = validScenario({
  name: 'Bundle test',
  commands: [
    { at: 0, type: 'AddTodo', data: { id: 't1', title: 'milk' } },
    { at: 5, type: 'AddTodo', data: { id: 't2', title: 'bread' } },
    { at: 10, type: 'RenameTodo', data: { id: 't1', title: 'oat milk' } },
  ],
})
const events = simulate(scenario).events
const text = exportBundle({ scenario, events, checkpoints: { p: 3 } })
/** The bundle as a plain document, to break in one place per test. */
const doc = () =>
  JSON.parse(text) as { events: Record<string, unknown>[] } & Record<string, unknown>

function problemsOf(input: string | object): readonly ScenarioProblem[] {
  const result = typeof input === 'string' ? parseBundleText(input) : parseBundle(input)
  expect(result.ok).toBe(false)
  if (result.ok) return []
  for (const p of result.problems) expect(p.message).not.toBe('Invalid input')
  return result.problems
}

afterEach(() => vi.restoreAllMocks())

describe('run bundle export', () => {
  it('reads back as the same scenario, events and checkpoints', () => {
    expect(events).toHaveLength(3)
    expect(parseBundleText(text)).toEqual({
      ok: true,
      bundle: { format: BUNDLE_FORMAT, scenario, events, checkpoints: { p: 3 } },
    })
  })

  it('writes one event per line after an indented scenario', () => {
    const lines = text.split('\n')
    expect(lines[1]).toBe('  "format": "eventually.run/v1",')
    expect(lines.filter((l) => l.startsWith('    {"position":'))).toHaveLength(3)
    expect(lines).toContain(
      '    {"position":1,"stream":"todo/t1","version":1,"id":"evt-1","type":"TodoAdded","data":{"id":"t1","title":"milk"},"at":0},',
    )
  })

  it('leaves checkpoints out when there are none, and exports an empty run', () => {
    const empty = exportBundle({ scenario, events: [] })
    expect(empty).not.toContain('checkpoints')
    expect(parseBundleText(empty)).toMatchObject({ ok: true, bundle: { events: [] } })
  })

  it('carries the interventions of a run made in the playground, one per line', () => {
    const interventions = [
      { type: 'crash' as const, projection: 'p', at: 2, step: 1 },
      { type: 'restart' as const, projection: 'p', at: 7, step: 3 },
    ]
    const withThem = exportBundle({ scenario, events, interventions })
    expect(withThem.split('\n')).toContain('    {"type":"crash","projection":"p","at":2,"step":1},')
    expect(parseBundleText(withThem)).toEqual({
      ok: true,
      bundle: { format: BUNDLE_FORMAT, scenario, events, interventions },
    })
    expect(text).not.toContain('interventions')
  })

  it('refuses to export more events than an import accepts', () => {
    const many = Array.from({ length: MAX_BUNDLE_EVENTS + 1 }, () => events[0]!)
    expect(() => exportBundle({ scenario, events: many })).toThrow(/at most 200000 events/)
  })
})

describe('run bundle import refuses', () => {
  it('interventions that do not fit the scenario, with their path', () => {
    const bad = { ...doc(), interventions: [{ type: 'crash', projection: 'nope', at: 0, step: 0 }] }
    expect(problemsOf(bad)).toEqual([
      { path: 'interventions[0].projection', message: 'unknown projection "nope"' },
    ])
  })

  const edit = (f: (d: ReturnType<typeof doc>) => void) => {
    const d = doc()
    f(d)
    return d
  }

  it.each<[string, object | string, string, RegExp]>([
    [
      'a wrong format',
      edit((d) => (d.format = 'eventually.run/v2')),
      'format',
      /must be "eventually.run\/v1"/,
    ],
    ['an unknown top-level field', edit((d) => (d.extra = 1)), '', /Unrecognized key: "extra"/],
    [
      'events that are not a list',
      edit((d) => (d.events = {} as never)),
      'events',
      /expected array/,
    ],
    [
      'a position of the wrong type',
      edit((d) => (d.events[0]!.position = '1')),
      'events[0].position',
      /expected number, received string/,
    ],
    [
      'a missing field',
      edit((d) => delete d.events[1]!.stream),
      'events[1].stream',
      /expected string, received undefined/,
    ],
    [
      'positions out of order',
      edit((d) => d.events.reverse()),
      'events[0].position',
      /must be 1: positions count 1, 2, 3… in order, without gaps \(found 3\)/,
    ],
    [
      'a duplicate position',
      edit((d) => (d.events[1]!.position = 1)),
      'events[1].position',
      /duplicate position \(also events\[0\]\)/,
    ],
    [
      'a gap in positions',
      edit((d) => d.events.splice(1, 1)),
      'events[1].position',
      /must be 2: .* \(found 3\)/,
    ],
    [
      'a duplicate id',
      edit((d) => (d.events[1]!.id = 'evt-1')),
      'events[1].id',
      /duplicate id \(also events\[0\]\)/,
    ],
    [
      'an id not named after its position',
      edit((d) => (d.events[0]!.id = 'x')),
      'events[0].id',
      /must be "evt-1"/,
    ],
    [
      'a version gap in a stream',
      edit((d) => (d.events[2]!.version = 3)),
      'events[2].version',
      /must be 2: versions count .* within stream "todo\/t1"/,
    ],
    [
      'an event type outside the domain',
      edit((d) => (d.events[0]!.type = 'AccountOpened')),
      'events[0].type',
      /unknown event type "AccountOpened" for domain todo \(known: TodoAdded/,
    ],
    [
      'a time before the previous event',
      edit((d) => (d.events[2]!.at = 1)),
      'events[2].at',
      /must not be before the previous event's time \(5\)/,
    ],
    [
      'a huge number',
      edit((d) => (d.events[0]!.position = 1e300)),
      'events[0].position',
      /must be at most 200000/,
    ],
    [
      'a number beyond JSON doubles',
      text.replace('"at":0}', '"at":1e400}'),
      'events[0].at',
      /expected number, received Infinity/,
    ],
    [
      'nested event data',
      edit((d) => (d.events[0]!.data = { id: { $gt: '' } })),
      'events[0].data.id',
      /must be a string, a number, true, false or null/,
    ],
    [
      'a hostile field name',
      `${text.slice(0, text.indexOf('"data":{') + 8)}"__proto__":"x",${text.slice(text.indexOf('"data":{') + 8)}`,
      'events[0].data',
      /field name "__proto__" must be/,
    ],
    [
      'an over-long value',
      edit((d) => (d.events[0]!.data = { id: 't1', title: 'x'.repeat(1001) })),
      'events[0].data.title',
      /at most 1000 characters/,
    ],
    [
      'a checkpoint of an unknown projection',
      edit((d) => (d.checkpoints = { ghost: 1 })),
      'checkpoints.ghost',
      /unknown projection "ghost"/,
    ],
    [
      'a checkpoint past the last event',
      edit((d) => (d.checkpoints = { p: 4 })),
      'checkpoints.p',
      /at most the last position \(3\)/,
    ],
    [
      'an invalid scenario, with the path inside it',
      edit((d) => ((d.scenario as { until: unknown }).until = 'soon')),
      'scenario.until',
      /expected number/,
    ],
    ['a missing scenario', edit((d) => delete d.scenario), 'scenario', /^is missing$/],
    [
      'truncated JSON',
      text.slice(0, text.length / 2),
      '',
      /not valid JSON \(is the file complete\?\)/,
    ],
    ['an empty file', '', '', /not valid JSON/],
    ['a document that is not an object', 'null', '', /expected object, received null/],
  ])('%s', (_, input, path, message) => {
    const problems = problemsOf(input)
    expect(problems).toContainEqual({ path, message: expect.stringMatching(message) as string })
  })

  it('50 MB of junk, by its size, without parsing it', () => {
    const parse = vi.spyOn(JSON, 'parse')
    const junk = 'x'.repeat(50 * 1024 * 1024)
    expect(problemsOf(junk)).toEqual([
      { path: '', message: 'the file is too large (50.0 MB); a run bundle is at most 32.0 MB' },
    ])
    expect(parse).not.toHaveBeenCalled()
    expect(junk.length).toBeGreaterThan(MAX_BUNDLE_CHARS)
  })

  it('more events than the limit', () => {
    const d = doc()
    d.events = new Array<Record<string, unknown>>(MAX_BUNDLE_EVENTS + 1).fill({})
    expect(problemsOf(d)).toEqual([{ path: 'events', message: 'must hold at most 200000 events' }])
  })

  it('a file with a problem in every event, listing the first twenty and saying so', () => {
    const d = doc()
    d.events = Array.from({ length: 1000 }, () => ({ ...d.events[0], type: 'Nope' }))
    const problems = problemsOf(d)
    expect(problems.length).toBeLessThanOrEqual(21)
    expect(problems[problems.length - 1]).toEqual({
      path: 'events',
      message: 'and more: only the first 20 problems are listed',
    })
  })
})

describe('markup in a bundle', () => {
  it('is kept as inert text, exactly as written', () => {
    const markup = '<img src=x onerror="alert(1)"><script>alert(2)</script>'
    const d = doc()
    ;(d.scenario as { name: string }).name = markup
    d.events[0]!.data = { id: 't1', title: markup }
    const result = parseBundleText(JSON.stringify(d))
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.bundle.scenario.name).toBe(markup)
    expect(result.bundle.events[0]?.data['title']).toBe(markup)
  })

  it('is quoted and cut short when a message echoes it', () => {
    const type = `<b>${'x'.repeat(50)}</b>`
    const [problem] = problemsOf({ ...doc(), events: [{ ...doc().events[0], type }] })
    expect(problem?.message).toMatch(/^unknown event type "<b>x{37}…" for domain todo/)
  })
})
