/**
 * The comparisons are fair: every variant is a valid scenario, and the variants of a comparison
 * share the seed, the commands, the reads and everything else, except what the comparison says
 * it varies.
 */
import { describe, expect, it } from 'vitest'
import type { Scenario } from '../core'
import { comparisonById, comparisons, load } from '.'
import { lessons } from './lessons'

/** A copy of `value` without the fields a path names (`*` stands for every index of an array). */
function without(value: unknown, path: readonly string[]): unknown {
  const [head, ...rest] = path
  if (head === undefined || value === null || typeof value !== 'object') return value
  if (Array.isArray(value))
    return head === '*' ? value.map((item) => (rest.length ? without(item, rest) : null)) : value
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) }
  if (rest.length === 0) delete copy[head]
  else if (head in copy) copy[head] = without(copy[head], rest)
  return copy
}

/** The scenario less its name, its description and what the comparison varies. */
function shared(scenario: Scenario, varies: readonly string[]): unknown {
  let rest: unknown = { ...scenario, name: null, description: null }
  for (const path of varies) rest = without(rest, path.split('.'))
  return rest
}

describe.each(comparisons.map((c) => [c.id, c] as const))('the %s comparison', (_, c) => {
  const parsed = c.variants.map((v) => load(v.scenario))

  it('has at least two variants, each a valid scenario with its own label', () => {
    expect(c.variants.length).toBeGreaterThanOrEqual(2)
    expect(new Set(c.variants.map((v) => v.label)).size).toBe(c.variants.length)
  })

  it('runs every variant on the same seed, with the same commands and reads', () => {
    for (const s of parsed) {
      expect(s.seed).toBe(parsed[0]?.seed)
      expect(s.commands).toEqual(parsed[0]?.commands)
      expect(s.workload).toEqual(parsed[0]?.workload)
      // The same reads, at the same instants, of the same keys (a read mode may be what varies).
      const where = (x: Scenario) => x.reads.map((r) => [r.at, r.projection, r.key, r.client])
      expect(where(s)).toEqual(where(parsed[0] as Scenario))
    }
  })

  it('differs only in what it says it varies', () => {
    const first = shared(parsed[0] as Scenario, c.varies)
    for (const s of parsed.slice(1)) expect(shared(s, c.varies)).toEqual(first)
  })

  it('does differ in each thing it says it varies', () => {
    for (const path of c.varies) {
      const others = c.varies.filter((p) => p !== path)
      const kept = parsed.map((s) => JSON.stringify(shared(s, others)))
      expect(new Set(kept).size).toBe(parsed.length)
    }
  })
})

describe('finding a comparison', () => {
  it('finds each by its id, and nothing for an unknown one', () => {
    for (const c of comparisons) expect(comparisonById(c.id)).toBe(c)
    expect(comparisonById('nope')).toBeUndefined()
  })

  it('offers push-pull, handlers and read-modes', () => {
    expect(comparisons.map((c) => c.id)).toEqual(['push-pull', 'handlers', 'read-modes'])
  })

  it('has every comparison a lesson links to', () => {
    const linked = lessons.flatMap((l) => (l.compare === undefined ? [] : [l.compare]))
    expect(linked.length).toBeGreaterThan(0)
    for (const id of linked) expect(comparisonById(id), id).toBeDefined()
  })
})
