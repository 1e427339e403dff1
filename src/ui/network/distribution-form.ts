import type { Distribution } from '../../core'
import type { FieldProblem } from './feedback'

/**
 * A latency distribution as a form edits it: the kind and each parameter as the text typed, so a
 * half-typed number stays on screen. `toDistribution` turns it back into the scenario format; the
 * ranges (max ≥ min, sigma ≤ 5...) are checked by the store's `act`, the same check a shared link
 * gets, and its problems come back by path (`latency.max`).
 */
export type SimpleKind = Exclude<Distribution['dist'], 'mixture'>

export interface ParamField {
  readonly key: string
  readonly label: string
  /** 'ms' for delays; shape parameters have no unit. */
  readonly unit: 'ms' | null
  readonly fallback: number
}

const ms = (key: string, label: string, fallback: number): ParamField => ({
  key,
  label,
  unit: 'ms',
  fallback,
})

export const KINDS: Record<SimpleKind, readonly ParamField[]> = {
  constant: [ms('value', 'Delay', 50)],
  uniform: [ms('min', 'Min', 20), ms('max', 'Max', 100)],
  normal: [ms('mean', 'Mean', 50), ms('sd', 'Std. dev.', 10)],
  exponential: [ms('mean', 'Mean', 50)],
  lognormal: [
    ms('median', 'Median', 40),
    { key: 'sigma', label: 'Sigma', unit: null, fallback: 0.5 },
  ],
  pareto: [ms('scale', 'Scale', 20), { key: 'shape', label: 'Shape', unit: null, fallback: 2 }],
}

export const KIND_NAMES = Object.keys(KINDS) as SimpleKind[]

export interface DistributionDraft {
  /** 'mixture' only when the link has one: the form shows it but cannot edit its parts. */
  readonly kind: Distribution['dist']
  /** Typed text by parameter key, `offset` included; kept across kind changes. */
  readonly values: Readonly<Record<string, string>>
}

export function draftOf(dist: Distribution): DistributionDraft {
  const values: Record<string, string> = { offset: String(dist.offset ?? 0) }
  for (const [key, value] of Object.entries(dist))
    if (typeof value === 'number') values[key] = String(value)
  return { kind: dist.dist, values }
}

/** The text of a field of the draft's kind: what was typed, or the kind's default. */
export function fieldText(draft: DistributionDraft, field: ParamField): string {
  return draft.values[field.key] ?? String(field.fallback)
}

/** Problems name a parameter key, or '' for the whole distribution. */
export type DraftResult =
  | { readonly ok: true; readonly dist: Distribution }
  | { readonly ok: false; readonly problems: readonly FieldProblem[] }

/** A number as typed: decimal text only ("1e3" and "0x10" are not what a learner means). */
export function parseNumber(text: string): number | null {
  const t = text.trim()
  return /^-?(\d+\.?\d*|\.\d+)$/.test(t) ? Number(t) : null
}

export function toDistribution(draft: DistributionDraft): DraftResult {
  if (draft.kind === 'mixture')
    return {
      ok: false,
      problems: [{ field: '', message: 'a mixture is edited in the scenario: pick another kind' }],
    }
  const fields = [...KINDS[draft.kind], ms('offset', 'Offset', 0)]
  const problems: FieldProblem[] = []
  const out: Record<string, number | string> = { dist: draft.kind }
  for (const field of fields) {
    const value = parseNumber(fieldText(draft, field))
    if (value === null) problems.push({ field: field.key, message: 'must be a number' })
    else if (field.key !== 'offset' || value !== 0) out[field.key] = value
  }
  if (problems.length > 0) return { ok: false, problems }
  return { ok: true, dist: out as unknown as Distribution }
}

/** Whether two distributions are the same (parameter order aside). */
export function sameDistribution(a: Distribution, b: Distribution): boolean {
  return canonical(a) === canonical(b)
}

function canonical(d: Distribution): string {
  const { offset, ...rest } = d
  const entries = Object.entries({ ...rest, offset: offset ?? 0 }).sort(([x], [y]) =>
    x < y ? -1 : 1,
  )
  return JSON.stringify(entries, (_, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.entries(v).sort() : v,
  )
}
