import { describe, expect, it } from 'vitest'
import { simulate } from '../index'
// Vite's `?raw` import gives the file's text. It has no types here on purpose: tsconfig.core keeps
// vite/client's ambient declarations out of the engine.
// @ts-expect-error -- untyped `?raw` module, narrowed to a string below
import raw from '../../../docs/scenario-format.md?raw'
import { parseScenario, parseScenarioText } from './parse'
import type { Scenario } from './schema'

/** docs/scenario-format.md: its example must be valid and do what the text says it does. */

const markdown: unknown = raw
const doc = typeof markdown === 'string' ? markdown : ''

function firstJsonBlock(text: string): string {
  const match = /```json\n([\s\S]*?)\n```/.exec(text)
  if (!match?.[1]) throw new Error('docs/scenario-format.md has no ```json block')
  return match[1]
}

function example(): Scenario {
  const result = parseScenarioText(firstJsonBlock(doc))
  if (!result.ok) throw new Error(JSON.stringify(result.problems))
  return result.scenario
}

describe('the example in docs/scenario-format.md', () => {
  it('is a valid scenario', () => {
    expect(doc.length).toBeGreaterThan(1000)
    expect(parseScenarioText(firstJsonBlock(doc))).toMatchObject({ ok: true })
  })

  it('runs as the text describes', () => {
    const result = simulate(example())
    expect(result.ended.reason).toBe('quiet')
    for (const read of result.reads.filter((r) => r.at === 150))
      expect(read).toMatchObject({ value: { owner: 'Ada', balance: 0 }, fresh: false })
    expect(result.rejected).toContainEqual({
      at: 2000,
      type: 'Withdraw',
      client: 'teller',
      reason: 'insufficient funds',
    })
    expect(result.projections.dashboard?.consistent).toBe(true)
    expect(result.projections.statements?.consistent).toBe(false)
    expect(result.projections.statements?.stats.duplicates).toBeGreaterThan(0)
  })

  it('scripts the first deposit to reach the statement service at 900 ms', () => {
    const deliveries = simulate(example(), { trace: true }).deliveries ?? []
    expect(deliveries).toContainEqual(
      expect.objectContaining({ position: 2, projection: 'statements', arrivedAt: 900 }),
    )
  })
})

/**
 * Every key of a scenario or result, nested, except names chosen by the scenario and row fields:
 * below these keys, that many levels are names (projection ids, read-model keys, command types)
 * or fields of rows and event data, which the domain tables document.
 */
const NAMED: Record<string, number> = {
  projections: 1,
  mix: 1,
  data: 1,
  value: 1,
  truth: 2,
  state: 2,
  rows: 2,
  // A `diverged` entry's `differences` hold rows under `local` and `truth`.
  local: 1,
}

function keysOf(value: unknown, out = new Set<string>(), skip = 0): Set<string> {
  if (Array.isArray(value)) for (const item of value) keysOf(item, out, skip)
  else if (value !== null && typeof value === 'object')
    for (const [key, inner] of Object.entries(value)) {
      if (skip === 0) out.add(key)
      keysOf(inner, out, skip > 0 ? skip - 1 : (NAMED[key] ?? 0))
    }
  return out
}

describe('docs/scenario-format.md', () => {
  it('shows deliveries and distributions that are valid where they go', () => {
    const blocks = [...doc.matchAll(/```json\n([\s\S]*?)\n```/g)].map((m) => m[1] ?? '')
    expect(blocks.length).toBeGreaterThan(3)
    for (const block of blocks.slice(1)) {
      const snippet = JSON.parse(block) as Record<string, unknown>
      const projection = 'mode' in snippet ? { delivery: snippet } : { link: { latency: snippet } }
      const scenario = {
        ...example(),
        faults: [],
        reads: [],
        projections: [{ id: 'p', ...projection }],
      }
      expect(parseScenario(scenario), block).toMatchObject({ ok: true })
    }
  })

  it('names every field of a scenario', () => {
    const full = { ...example(), workload: { ...example().workload, client: 'load' } }
    const fields = [...keysOf(full), 'expectedVersion', 'offset', 'drop', 'to', 'restartAt']
    for (const field of fields) expect(doc, field).toContain(`\`${field}\``)
  })

  it('names every field of a result', () => {
    const result = simulate(example(), { trace: true })
    for (const field of keysOf(result)) expect(doc, field).toContain(`\`${field}\``)
  })

  it('names every distribution, delivery, fault, kind, outcome and reason', () => {
    const words = [
      ...['constant', 'uniform', 'normal', 'exponential', 'lognormal', 'pareto', 'mixture'],
      ...['push', 'pull', 'at-least-once', 'at-most-once', 'partition', 'crash'],
      ...['first', 'duplicate', 'redelivery', 'applied', 'skipped', 'dropped', 'in-flight'],
      ...['loss', 'quiet', 'bound', 'running', 'naive', 'eventual'],
      ...['todo', 'bank', 'bookstore', 'users', 'profiles'],
    ]
    for (const word of words)
      expect(doc.includes(`\`${word}\``) || doc.includes(`"${word}"`), word).toBe(true)
  })
})
