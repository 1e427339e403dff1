import { expect, it } from 'vitest'
import { parseScenario, type ScenarioProblem } from './parse'

/**
 * Shared by the scenario tests (a plain module, not a test file, so importing it runs no tests).
 * The cases change one field of a valid document and expect exactly one problem at that field.
 */

export const valid = {
  format: 'eventually.scenario/v1',
  seed: 42,
  domain: 'todo',
  until: 1000,
  commands: [{ at: 0, type: 'AddTodo', data: { id: 't1', title: 'milk' } }],
  workload: { rate: 10, count: 5, keys: 2, mix: { RenameTodo: 1 } },
  projections: [{ id: 'push' }, { id: 'pull', delivery: { mode: 'pull' } }],
  faults: [
    { type: 'partition', projection: 'push', from: 100, to: 200 },
    { type: 'crash', projection: 'pull', at: 100, restartAt: 200 },
  ],
  reads: [{ at: 10, projection: 'push', key: 't1' }],
}

/** A copy of `doc` with the value at `path` (as in `projections[1].link.loss`) replaced or removed. */
export function change(doc: object, path: string, value: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(doc)) as Record<string, unknown>
  const keys = path.match(/[^.[\]]+/g) ?? []
  let node = copy
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>
  const last = keys[keys.length - 1] as string
  if (value === undefined) delete node[last]
  else node[last] = value
  return copy
}

/** An asymmetric matcher for a message (typed, where vitest's own returns `any`). */
export function matching(pattern: RegExp): string {
  return expect.stringMatching(pattern) as string
}

/** The problems of a document that must be rejected; fails the test if it was accepted. */
export function problemsOf(doc: unknown): readonly ScenarioProblem[] {
  const result = parseScenario(doc)
  expect(result.ok).toBe(false)
  expect(result).not.toHaveProperty('scenario')
  return result.ok ? [] : result.problems
}

export interface Case {
  /** The defect, as the test name says it. */
  readonly what: string
  /** The field changed (and where the problem must be reported, unless `at` says otherwise). */
  readonly path: string
  /** The new value; undefined removes the field. */
  readonly value: unknown
  readonly message: RegExp
  readonly at?: string
  /** Paths of problems that follow from the defect (a projection renamed is unknown to its faults). */
  readonly also?: readonly string[]
}

/** Runs a table of cases against `base`: one problem each, at the right path, with a clear message. */
export function rejectsEach(base: object, cases: readonly Case[]): void {
  it.each(cases)('rejects $what', ({ path, value, message, at, also = [] }) => {
    const problems = problemsOf(change(base, path, value))
    expect(problems).toContainEqual({ path: at ?? path, message: matching(message) })
    expect(problems.map((p) => p.path).sort()).toEqual([at ?? path, ...also].sort())
    // A bare "Invalid input" says neither what was expected nor where: never acceptable.
    for (const p of problems) expect(p.message).not.toBe('Invalid input')
  })
}
