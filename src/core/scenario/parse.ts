import { unknownProjections } from './references'
import { scenarioSchema, type Scenario } from './schema'

export interface ScenarioProblem {
  /** Where, as in `projections[1].link.loss`; empty for the document itself. */
  readonly path: string
  readonly message: string
}

export type ParseResult =
  | { readonly ok: true; readonly scenario: Scenario }
  | { readonly ok: false; readonly problems: readonly ScenarioProblem[] }

/** Validates an untrusted document. Either the whole scenario is valid or nothing runs. */
export function parseScenario(input: unknown): ParseResult {
  const result = scenarioSchema.safeParse(input)
  if (result.success) return { ok: true, scenario: result.data }
  const problems = result.error.issues.map((issue) => ({
    path: formatPath(issue.path),
    message: issue.message,
  }))
  // The cross-field pass did not run if the shape was wrong: add the references it would have
  // found, which do not depend on the rest of the document being right.
  const listed = new Set(problems.map((p) => `${p.path}\u0000${p.message}`))
  for (const r of unknownProjections(input)) {
    const problem = { path: formatPath(r.path), message: r.message }
    if (!listed.has(`${problem.path}\u0000${problem.message}`)) problems.push(problem)
  }
  return { ok: false, problems }
}

/** Parses JSON text first, so that a syntax error is reported like any other problem. */
export function parseScenarioText(text: string): ParseResult {
  let doc: unknown
  try {
    doc = JSON.parse(text)
  } catch (error) {
    return {
      ok: false,
      problems: [{ path: '', message: `not valid JSON: ${(error as Error).message}` }],
    }
  }
  return parseScenario(doc)
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`
    else out += out === '' ? String(part) : `.${String(part)}`
  }
  return out
}

export function formatProblems(problems: readonly ScenarioProblem[]): string {
  return problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('\n')
}
