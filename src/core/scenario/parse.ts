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
