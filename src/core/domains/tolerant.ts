import type { Row, Scalar } from '../events'
import type { Effect } from './effects'

/** How `newest` fields decide which event is newer: by stream version, or by timestamp. */
export const NEWEST_BY = ['version', 'timestamp'] as const
export type NewestBy = (typeof NEWEST_BY)[number]

/**
 * A row as the order-tolerant handler keeps it: each field with the version (and timestamp) of
 * the event that set it, plus the newest creation and deletion versions (the tombstone). Queries
 * see `visibleRow`, which hides the bookkeeping, so the state compares directly with the truth.
 */
export interface TolerantRow {
  readonly created: number
  readonly deleted: number
  readonly values: Readonly<Record<string, Scalar>>
  readonly versions: Readonly<Record<string, number>>
  readonly times: Readonly<Record<string, number>>
}

export const emptyTolerantRow: TolerantRow = {
  created: 0,
  deleted: 0,
  values: {},
  versions: {},
  times: {},
}

/** The event whose effects are applied: its place in its stream and its timestamp. */
export interface Stamp {
  readonly version: number
  readonly at: number
}

/** Applies one event's effects; the result does not depend on the order events arrive in. */
export function applyEffects(
  row: TolerantRow,
  effects: readonly Effect[],
  stamp: Stamp,
  newestBy: NewestBy = 'version',
): TolerantRow {
  const { version, at } = stamp
  let { created, deleted } = row
  const values = { ...row.values }
  const versions = { ...row.versions }
  const times = { ...row.times }
  for (const e of effects) {
    switch (e.op) {
      case 'create':
        created = Math.max(created, version)
        break
      case 'delete':
        deleted = Math.max(deleted, version)
        break
      case 'newest':
        if (!(e.field in versions) || newer(e.field)) set(e.field, e.value)
        break
      case 'once':
        if (!(e.field in versions) || earlierNonEmpty(e.field, e.value)) set(e.field, e.value)
        break
      case 'min':
      case 'max':
        if (beats(e.op, e.value, values[e.field])) set(e.field, e.value)
        break
      case 'add':
        values[e.field] =
          (typeof values[e.field] === 'number' ? (values[e.field] as number) : 0) + e.value
        break
    }
  }
  return { created, deleted, values, versions, times }

  function set(field: string, value: Scalar): void {
    values[field] = value
    versions[field] = version
    times[field] = at
  }

  // Timestamps tie when two events are appended at the same instant: the version breaks the tie,
  // so the row never depends on which of the two arrived first (a bare `<` would).
  function newer(field: string): boolean {
    const v = versions[field] as number
    if (newestBy === 'version') return version > v
    const t = times[field] as number
    return at > t || (at === t && version > v)
  }

  // An empty value only holds the place: any non-empty value replaces it, and among values of
  // the same kind the earliest version wins.
  function earlierNonEmpty(field: string, value: Scalar): boolean {
    const current = isEmpty(values[field])
    const incoming = isEmpty(value)
    if (current !== incoming) return current
    return version < (versions[field] as number)
  }
}

function isEmpty(value: Scalar | undefined): boolean {
  return value === null || value === undefined || value === ''
}

/** Whether `value` is a better minimum (or maximum) than `current`; only numbers compete. */
function beats(op: 'min' | 'max', value: Scalar, current: Scalar | undefined): boolean {
  if (typeof value !== 'number') return false
  if (typeof current !== 'number') return true
  return op === 'min' ? value < current : value > current
}

/** What a query sees: nothing while the newest deletion is newer than the newest creation. */
export function visibleRow(
  row: TolerantRow | undefined,
  fields: Readonly<Record<string, Scalar>>,
): Row | undefined {
  if (!row || row.created <= row.deleted) return undefined
  return { ...fields, ...row.values }
}
