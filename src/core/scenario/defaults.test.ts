import { describe, expect, it } from 'vitest'
import { simulate } from '../index'
// A test may reach up: the fixtures are data checked against this schema (lint bans it in code).
// eslint-disable-next-line @typescript-eslint/no-restricted-imports
import { defaultScenario, largePush, load, readAfterWrite } from '../../scenarios'
import { parseScenario, parseScenarioText } from './parse'
import type { Scenario } from './schema'
import { change, matching, problemsOf, valid } from './test-support'

function accepted(doc: unknown): Scenario {
  const result = parseScenario(doc)
  if (!result.ok) throw new Error(JSON.stringify(result.problems))
  return result.scenario
}

const minimal = {
  format: 'eventually.scenario/v1',
  seed: 1,
  domain: 'todo',
  until: 1000,
  projections: [{ id: 'p' }],
}

describe('defaults', () => {
  it('fills every default of a minimal document', () => {
    expect(accepted(minimal)).toStrictEqual({
      format: 'eventually.scenario/v1',
      name: 'Untitled',
      seed: 1,
      domain: 'todo',
      until: 1000,
      settle: 60_000,
      commands: [],
      projections: [
        {
          id: 'p',
          handler: 'naive',
          delivery: { mode: 'push', guarantee: 'at-least-once', ackTimeout: 200 },
          link: {
            latency: { dist: 'constant', value: 10 },
            loss: 0,
            duplicate: 0,
            reorder: { p: 0, extra: { dist: 'uniform', min: 0, max: 500 } },
          },
        },
      ],
      faults: [],
      reads: [],
    })
  })

  it('fills the defaults inside a partly written projection and read', () => {
    const scenario = accepted({
      ...minimal,
      projections: [
        { id: 'a', delivery: { mode: 'push' }, link: { loss: 0.5 } },
        { id: 'b', delivery: { mode: 'pull' } },
      ],
      reads: [{ at: 0, projection: 'a', key: 'k' }],
    })
    const [a, b] = scenario.projections
    expect(a?.delivery).toEqual({ mode: 'push', guarantee: 'at-least-once', ackTimeout: 200 })
    expect(a?.link).toEqual({ ...accepted(minimal).projections[0]?.link, loss: 0.5 })
    expect(b?.delivery).toEqual({ mode: 'pull', interval: 500, batch: 100 })
    expect(scenario.reads).toEqual([{ at: 0, projection: 'a', key: 'k', mode: 'eventual' }])
  })

  it('leaves optional fields without a default absent', () => {
    const scenario = accepted({
      ...valid,
      commands: [{ at: 0, type: 'AddTodo', data: { id: 't1', title: 'milk' } }],
      faults: [{ type: 'partition', projection: 'push', from: 1 }],
    })
    expect(scenario).not.toHaveProperty('description')
    expect(scenario.workload).not.toHaveProperty('start')
    expect(scenario.workload).not.toHaveProperty('client')
    expect(scenario.commands[0]).not.toHaveProperty('client')
    expect(scenario.commands[0]).not.toHaveProperty('expectedVersion')
    expect(scenario.projections[0]?.link).not.toHaveProperty('script')
    expect(scenario.projections[0]?.link.latency).not.toHaveProperty('offset')
    expect(scenario.faults[0]).not.toHaveProperty('to')
    expect(accepted(minimal)).not.toHaveProperty('workload')
  })

  it('gives back a document that parses to itself (export, then import)', () => {
    const once = accepted(valid)
    expect(accepted(JSON.parse(JSON.stringify(once)))).toStrictEqual(once)
  })

  it('does not touch the document it is given', () => {
    const doc = JSON.parse(JSON.stringify(valid)) as typeof valid
    const before = JSON.stringify(doc)
    parseScenario(doc)
    parseScenario({ ...doc, seed: -1 })
    expect(JSON.stringify(doc)).toBe(before)
  })
})

describe('the built-in scenarios', () => {
  it.each([
    ['read after write', readAfterWrite],
    ['the default scenario', defaultScenario],
    ['large push', largePush()],
    ['a small large push', largePush(1000)],
  ])('%s validates', (_, input) => {
    expect(parseScenario(input)).toMatchObject({ ok: true })
    expect(() => load(input)).not.toThrow()
  })
})

/**
 * Markup is rejected where the format has identifiers (projection ids, clients, ids in command
 * data: letters, digits and a little punctuation) and kept verbatim, as inert text, where it has
 * free text (names, descriptions, titles, read keys). The engine never interprets text; whoever
 * shows it must show it as text (React does).
 */
describe('markup', () => {
  const markup = '<script>alert(1)</script>'

  it.each([
    ['a projection id', 'projections[0].id'],
    ['a client', 'commands[0].client'],
    ['an id in command data', 'commands[0].data.id'],
  ])('is rejected in %s', (_, path) => {
    const problems = problemsOf(change(valid, path, markup))
    expect(problems).toContainEqual({ path, message: matching(/^may hold only/) })
  })

  it('is kept verbatim in free text, through a run and into the result', () => {
    const scenario = accepted({
      ...minimal,
      name: markup,
      description: `<img src=x onerror="alert(1)">`,
      commands: [{ at: 0, type: 'AddTodo', data: { id: 't1', title: markup } }],
      reads: [{ at: 100, projection: 'p', key: '<b>t1</b>' }],
    })
    expect(scenario.name).toBe(markup)
    const result = simulate(scenario)
    expect(result.name).toBe(markup)
    expect(result.truth).toEqual({ t1: { title: markup, completed: false } })
    expect(result.reads[0]).toMatchObject({ key: '<b>t1</b>', value: null })
  })
})

describe('keys that name object internals', () => {
  it('drops "__proto__" from command data without changing any prototype', () => {
    const text = JSON.stringify(valid).replace(
      '"title":"milk"',
      '"title":"milk","__proto__":{"polluted":true}',
    )
    const result = parseScenarioText(text)
    if (!result.ok) throw new Error(JSON.stringify(result.problems))
    const data = result.scenario.commands[0]?.data ?? {}
    expect(Object.keys(data)).toEqual(['id', 'title'])
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('does not let "__proto__" supply a required field', () => {
    const text = JSON.stringify(valid).replace('"title":"milk"', '"__proto__":{"title":"milk"}')
    expect(problemsOf(JSON.parse(text))).toEqual([
      {
        path: 'commands[0].data.title',
        message: 'Invalid input: expected string, received undefined',
      },
    ])
  })
})
