import type { Row, Scalar } from '../events'
import type { Effect } from './effects'

/**
 * A row as the order-tolerant handler keeps it: each field with the version that set it, plus
 * the newest creation and deletion versions (the tombstone). Queries see `visibleRow`, which
 * hides the bookkeeping, so the state compares directly with the truth.
 */
export interface TolerantRow {
  readonly created: number
  readonly deleted: number
  readonly values: Readonly<Record<string, Scalar>>
  readonly versions: Readonly<Record<string, number>>
}

export const emptyTolerantRow: TolerantRow = { created: 0, deleted: 0, values: {}, versions: {} }

/** Applies one event's effects; the result does not depend on the order events arrive in. */
export function applyEffects(
  row: TolerantRow,
  effects: readonly Effect[],
  version: number,
): TolerantRow {
  let { created, deleted } = row
  const values = { ...row.values }
  const versions = { ...row.versions }
  for (const e of effects) {
    switch (e.op) {
      case 'create':
        created = Math.max(created, version)
        break
      case 'delete':
        deleted = Math.max(deleted, version)
        break
      case 'newest':
        if (!(e.field in versions) || version > (versions[e.field] as number)) set(e.field, e.value)
        break
      case 'once':
        if (!(e.field in versions) || version < (versions[e.field] as number)) set(e.field, e.value)
        break
      case 'min': {
        const current = values[e.field]
        if (typeof e.value === 'number' && (typeof current !== 'number' || e.value < current))
          set(e.field, e.value)
        break
      }
      case 'add':
        values[e.field] =
          (typeof values[e.field] === 'number' ? (values[e.field] as number) : 0) + e.value
        break
    }
  }
  return { created, deleted, values, versions }

  function set(field: string, value: Scalar): void {
    values[field] = value
    versions[field] = version
  }
}

/** What a query sees: nothing while the newest deletion is newer than the newest creation. */
export function visibleRow(
  row: TolerantRow | undefined,
  fields: Readonly<Record<string, Scalar>>,
): Row | undefined {
  if (!row || row.created <= row.deleted) return undefined
  return { ...fields, ...row.values }
}
