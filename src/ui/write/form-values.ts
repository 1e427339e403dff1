import type { CommandForm } from '../../state/store'

/** What the learner typed, as text, before it becomes a command. */
export interface Draft {
  readonly type: string
  readonly values: Readonly<Record<string, string>>
  readonly client: string
  readonly expectedVersion: string
}

export interface FieldProblem {
  /** A data field's name; `@client`, `@expectedVersion` or `@type`; '' for the whole command. */
  readonly field: string
  readonly message: string
}

export type Built =
  | {
      readonly ok: true
      readonly command: {
        type: string
        data: Record<string, unknown>
        client?: string
        expectedVersion?: number
      }
    }
  | { readonly ok: false; readonly problems: readonly FieldProblem[] }

/**
 * Turns the draft into a command. Only what the store cannot judge is checked here: a number box
 * that holds no number (the browser hands over '' for "abc"). Everything else goes to `act`,
 * which checks it against the domain's own schemas.
 */
export function buildCommand(form: CommandForm, draft: Draft): Built {
  const problems: FieldProblem[] = []
  const data: Record<string, unknown> = {}
  for (const f of form.fields) {
    const raw = (draft.values[f.name] ?? '').trim()
    if (f.kind === 'text') data[f.name] = draft.values[f.name] ?? ''
    else if (raw === '' || !Number.isFinite(Number(raw)))
      problems.push({ field: f.name, message: 'must be a number' })
    else data[f.name] = Number(raw)
  }
  const version = draft.expectedVersion.trim()
  if (version !== '' && !Number.isFinite(Number(version)))
    problems.push({ field: '@expectedVersion', message: 'must be a number, or empty for any' })
  if (problems.length > 0) return { ok: false, problems }
  const client = draft.client.trim()
  return {
    ok: true,
    command: {
      type: form.type,
      data,
      ...(client !== '' ? { client } : {}),
      ...(version !== '' ? { expectedVersion: Number(version) } : {}),
    },
  }
}

/**
 * Where a problem of `act` belongs: `command.data.amount` -> `amount`, `command.client` ->
 * `@client` (prefixed, so a data field may share the name); anything else is the whole form's.
 */
export function fieldOf(path: string): string {
  const data = /^command\.data\.([^.[\]]+)/.exec(path)
  if (data) return data[1] ?? ''
  const own = /^command\.(client|expectedVersion|type)$/.exec(path)
  return own ? `@${own[1]}` : ''
}
