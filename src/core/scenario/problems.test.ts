import { describe, expect, it } from 'vitest'
import { formatPath, formatProblems, parseScenario, parseScenarioText } from './parse'
import { change, matching, problemsOf, valid } from './test-support'

/** How problems are collected and reported: all of them, in two passes, in bounded words. */

const paths = (doc: unknown) => problemsOf(doc).map((p) => p.path)

describe('every problem is listed, not only the first', () => {
  it('reports three independent shape errors as three problems', () => {
    const doc = { ...valid, seed: 'x', until: [1000], domain: 'library' }
    expect(paths(doc)).toEqual(['seed', 'domain', 'until'])
  })

  it('reports three independent cross-field errors as three problems', () => {
    let doc = change(valid, 'commands[0].type', 'AddTask') as object
    doc = change(doc, 'faults[0].projection', 'ghost') as object
    doc = change(doc, 'reads[0].at', 5000) as object
    expect(paths(doc)).toEqual(['commands[0].type', 'faults[0].projection', 'reads[0].at'])
  })

  it('reports problems in many places of one document', () => {
    const doc = {
      ...valid,
      seed: -1,
      settle: 1e20,
      extra: true,
      projections: [{ id: 'push', link: { loss: 2, duplicate: -1 } }, { id: 'pull' }],
      commands: [{ at: 0, type: 'AddTodo', data: { id: 't1', title: 7 } }],
    }
    // Field problems in document order, then unknown keys, then the cross-field checks.
    expect(paths(doc)).toEqual([
      'seed',
      'settle',
      'projections[0].link.loss',
      'projections[0].link.duplicate',
      '',
      'commands[0].data.title',
    ])
  })

  it('lists the problems in the same order every time', () => {
    const doc = { ...valid, seed: -1, name: 5, until: 'soon' }
    expect(problemsOf(doc)).toEqual(problemsOf(doc))
  })
})

/**
 * zod 4 runs the scenario's cross-field checks (a refinement on the whole document) only when no
 * issue found so far is "aborting". Wrong types, missing fields, unknown enum values or
 * discriminators and over-long lists abort; out-of-range numbers, fractional counts, bad string
 * lengths or characters, failed nested refinements and unknown keys do not.
 */
describe('cross-field checks wait until the shape is right', () => {
  const crossError = change(valid, 'commands[0].type', 'AddTask') as object

  it('reports a cross-field problem on its own', () => {
    expect(paths(crossError)).toEqual(['commands[0].type'])
  })

  it.each([
    ['a wrong type', 'seed', 'x'],
    ['a missing field', 'until', undefined],
    ['an unknown domain', 'domain', 'library'],
    ['an unknown enum value', 'projections[0].handler', 'smart'],
    ['an unknown discriminator', 'faults[0].type', 'outage'],
    ['a script entry matching neither form', 'projections[0].link', { script: [{ position: 1 }] }],
  ])('hides it behind %s, which is still reported', (_, path, value) => {
    const problems = paths(change(crossError, path, value))
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(new RegExp(`^${path.replace(/[[\].]/g, '\\$&')}`))
  })

  it.each([
    ['an out-of-range number', 'seed', -1],
    ['a fractional count', 'workload.count', 1.5],
    ['a string too long', 'name', 'n'.repeat(500)],
    ['an id with bad characters', 'commands[0].client', 'a b'],
    ['a failed nested check', 'faults[0].to', 1],
    ['an unknown key', 'colour', 'red'],
  ])('still reports it next to %s', (_, path, value) => {
    expect(paths(change(crossError, path, value))).toContain('commands[0].type')
  })

  it.each([
    ['an unknown domain', 'domain', 'library'],
    ['a wrong type', 'seed', 'x'],
    ['an unknown handler', 'projections[0].handler', 'smart'],
  ])('still lists references to unknown projections behind %s', (_, path, value) => {
    let doc = change(valid, path, value) as object
    doc = change(doc, 'faults[0].projection', 'ghost') as object
    doc = change(doc, 'reads[0].projection', 'spook') as object
    doc = change(doc, 'commands[0].via', { projection: 'phantom' }) as object
    expect(problemsOf(doc).slice(1)).toEqual([
      { path: 'faults[0].projection', message: 'unknown projection "ghost"' },
      { path: 'commands[0].via.projection', message: 'unknown projection "phantom"' },
      { path: 'reads[0].projection', message: 'unknown projection "spook"' },
    ])
  })

  it('lists a reference problem once when the cross-field pass ran too', () => {
    const doc = change(valid, 'faults[0].projection', 'ghost') as object
    expect(problemsOf(doc)).toEqual([
      { path: 'faults[0].projection', message: 'unknown projection "ghost"' },
    ])
  })

  it('stops at an over-long list without parsing its items', () => {
    const commands = Array.from({ length: 100_001 }, () => ({ at: -1, type: 'Nope', data: 0 }))
    expect(problemsOf({ ...valid, commands })).toEqual([
      { path: 'commands', message: 'Too big: expected array to have <=100000 items' },
    ])
  })
})

describe('messages stay short whatever the input', () => {
  const huge = 'x'.repeat(1_000_000)

  it.each([
    ['name', huge],
    ['description', huge],
    ['commands[0].type', huge],
    ['commands[0].data.title', huge],
    ['projections[1].id', huge],
    ['faults[0].projection', huge],
    ['reads[0].key', huge],
  ])('rejects a million characters in %s with short messages', (path, value) => {
    const problems = problemsOf(change(valid, path, value))
    expect(problems.map((p) => p.path)).toContain(path)
    for (const p of problems) expect(p.message.length).toBeLessThan(200)
  })

  it('quotes an unknown projection cut short', () => {
    const problems = problemsOf(change(valid, 'reads[0].projection', 'r'.repeat(100)))
    expect(problems).toContainEqual({
      path: 'reads[0].projection',
      message: `unknown projection "${'r'.repeat(40)}…"`,
    })
  })
})

describe('parseScenarioText', () => {
  it.each([
    ['an empty text', ''],
    ['a truncated document', '{"format": "eventually.scenario/v1", "seed": 1'],
    ['NaN, which JSON does not have', '{"seed": NaN}'],
    ['Infinity, which JSON does not have', '{"seed": Infinity}'],
    ['a trailing comma', '{"seed": 1,}'],
    ['single quotes', "{'seed': 1}"],
  ])('reports %s as one problem on the document', (_, text) => {
    const result = parseScenarioText(text)
    expect(result).toEqual({
      ok: false,
      problems: [{ path: '', message: matching(/^not valid JSON: /) }],
    })
  })

  it('validates well-formed JSON like any document', () => {
    expect(parseScenarioText('null')).toEqual({
      ok: false,
      problems: [{ path: '', message: 'Invalid input: expected object, received null' }],
    })
    expect(parseScenarioText(JSON.stringify(valid))).toEqual(parseScenario(valid))
  })

  it('reads 1e308 as a number, then rejects it by its bound', () => {
    const text = JSON.stringify(valid).replace('"seed":42', '"seed":1e308')
    expect(parseScenarioText(text)).toEqual({
      ok: false,
      problems: [{ path: 'seed', message: 'must be at most 4294967295' }],
    })
  })
})

describe('formatting', () => {
  it('writes paths with dots for keys and brackets for indexes', () => {
    expect(formatPath([])).toBe('')
    expect(formatPath(['projections', 1, 'link', 'loss'])).toBe('projections[1].link.loss')
    expect(formatPath([0, 'a'])).toBe('[0].a')
  })

  it('puts one problem per line, path first', () => {
    const text = formatProblems([
      { path: '', message: 'Unrecognized key: "x"' },
      { path: 'seed', message: 'must not be negative' },
    ])
    expect(text).toBe('Unrecognized key: "x"\nseed: must not be negative')
  })
})

describe('work a run cannot finish', () => {
  const pull = (interval: number) => ({
    id: 'poller',
    delivery: { mode: 'pull', interval, batch: 10 },
  })

  it('refuses polling every millisecond for 1e8 ms, naming the interval and the budget', () => {
    const doc = { ...valid, until: 1e8, projections: [pull(1)], faults: [], reads: [] }
    const problems = problemsOf(doc)
    expect(problems.map((p) => p.path)).toEqual(['projections[0].delivery.interval'])
    expect(problems[0]?.message).toMatch(/would poll 100,060,000 times .* at most 1,000,000/)
  })

  it('accepts the same interval over a run short enough to stay within the budget', () => {
    const doc = {
      ...valid,
      until: 1000,
      settle: 1000,
      projections: [pull(1)],
      faults: [],
      reads: [],
    }
    expect(parseScenario(doc).ok).toBe(true)
  })
})
