import type { InterventionFrame } from '../../state/store'

/** A hand-issued command as the results list shows it. */
export interface IssuedCommand {
  readonly index: number
  readonly at: number
  readonly type: string
  readonly data: Readonly<Record<string, unknown>>
  readonly client: string | null
  readonly applied: boolean
  readonly outcome: IssuedOutcome
}

export type IssuedOutcome =
  | { readonly kind: 'accepted'; readonly from: number; readonly to: number }
  | { readonly kind: 'rejected'; readonly reason: string }
  /** Not reached at the time shown: the learner went back before it. */
  | { readonly kind: 'later' }

/** The run's command interventions, newest first; the other kinds belong to other columns. */
export function issuedCommands(list: readonly InterventionFrame[]): IssuedCommand[] {
  const out: IssuedCommand[] = []
  for (const { index, intervention: iv, applied } of list) {
    if (iv.type !== 'command') continue
    const o = iv.outcome
    const outcome: IssuedOutcome =
      !applied || o === null
        ? { kind: 'later' }
        : o.kind === 'accepted'
          ? { kind: 'accepted', from: o.from, to: o.to }
          : { kind: 'rejected', reason: o.kind === 'rejected' ? o.reason : o.kind }
    out.push({
      index,
      at: iv.at,
      type: iv.command.type,
      data: iv.command.data,
      client: iv.command.client ?? null,
      applied,
      outcome,
    })
  }
  return out.reverse()
}

/** "accepted: event #12", "accepted: events #12–#13", "rejected: insufficient funds". */
export function outcomeText(outcome: IssuedOutcome): string {
  switch (outcome.kind) {
    case 'accepted':
      return `accepted: ${events(outcome.from, outcome.to)}`
    case 'rejected':
      return `rejected: ${outcome.reason}`
    case 'later':
      return 'later in this run'
  }
}

function events(from: number, to: number): string {
  if (to < from) return 'no event appended'
  return from === to ? `event #${from}` : `events #${from}–#${to}`
}

/** Positions appended by hand-issued commands applied at the time shown. */
export function handPositions(issued: readonly IssuedCommand[]): ReadonlySet<number> {
  const set = new Set<number>()
  for (const c of issued)
    if (c.outcome.kind === 'accepted')
      for (let p = c.outcome.from; p <= c.outcome.to; p++) set.add(p)
  return set
}

/** Command data in one line, as the store keeps it: `{"id":"a1","amount":5}`. */
export function dataText(data: unknown): string {
  return JSON.stringify(data) ?? ''
}
