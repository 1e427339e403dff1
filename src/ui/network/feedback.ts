import type { InterventionInput } from '../../core'
import type { ActResult } from '../../state/store'
import { formatMs } from '../format'

/** The store's `act`, passed down so a card can be tested with any store. */
export type Act = (input: InterventionInput) => ActResult

/**
 * What a form says after the learner pressed one of its buttons. Problems carry the field they
 * are about (a path inside the form: `max`, `reorder.p`, or '' for the form as a whole).
 */
export type Feedback =
  | { readonly kind: 'problems'; readonly problems: readonly FieldProblem[] }
  | { readonly kind: 'applied' | 'no-op' | 'note'; readonly text: string }

export interface FieldProblem {
  readonly field: string
  readonly message: string
}

/**
 * Acts and turns the answer into feedback: "<what> at 1.20 s.", the reason of a no-op, or the
 * problems by path (`latency.max`, `loss`), so that each lands beside its own field.
 */
export function actWith(act: Act, input: InterventionInput, now: number, what: string): Feedback {
  const result = act(input)
  if (!result.ok)
    return {
      kind: 'problems',
      problems: result.problems.map((p) => ({ field: p.path, message: p.message })),
    }
  const outcome = result.outcome
  if (outcome.kind === 'no-op')
    return { kind: 'no-op', text: `Nothing changed: ${outcome.reason}.` }
  return { kind: 'applied', text: `${what} at ${formatMs(now)}.` }
}

/** The problem of one field, if any. */
export function problemOf(feedback: Feedback | null, field: string): string | undefined {
  if (feedback?.kind !== 'problems') return undefined
  return feedback.problems.find((p) => p.field === field)?.message
}

/** Problems that belong to no field shown: said in the form's status line. */
export function looseProblems(feedback: Feedback | null, fields: readonly string[]): string[] {
  if (feedback?.kind !== 'problems') return []
  return feedback.problems
    .filter((p) => !fields.includes(p.field))
    .map((p) => (p.field ? `${p.field}: ${p.message}` : p.message))
}

/** "35 %", "0.5 %": a probability for people. */
export function formatPercent(p: number): string {
  return `${Number((p * 100).toFixed(1))} %`
}
