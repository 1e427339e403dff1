import type { Row } from '../events'
import type { SimTime } from '../time'

export const ANOMALY_TYPES = [
  'stale-read',
  'read-your-writes-violation',
  'monotonic-read-violation',
  'out-of-order-overwrite',
  'duplicate-effect',
  'resurrection',
  'lost-event',
  'decision-on-stale-data',
  'diverged',
] as const
export type AnomalyType = (typeof ANOMALY_TYPES)[number]

/**
 * Something a learner should notice, pinned to a projection, a key, a time and the events that
 * caused it, with one sentence that says what happened in the words of the lesson.
 */
export interface Anomaly {
  readonly type: AnomalyType
  readonly projection: string
  readonly key: string | null
  readonly at: SimTime
  readonly positions: readonly number[]
  readonly explanation: string
  /** The rows involved, where there are some: what the projection had and what it should have. */
  readonly rows?: { readonly local: Row | null; readonly truth: Row | null }
  /** For `diverged`: every key that differs at the end. */
  readonly keys?: readonly string[]
  /** For `diverged`: the differing rows, local against truth, for the first keys in key order. */
  readonly differences?: readonly Difference[]
}

export interface Difference {
  readonly key: string
  readonly local: Row | null
  readonly truth: Row | null
}

/** "TodoRenamed #2" */
export function label(type: string, position: number): string {
  return `${type} #${position}`
}

export function describeRow(row: Row | null | undefined): string {
  if (!row) return 'nothing'
  const fields = Object.entries(row).map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
  return fields.length === 0 ? 'an empty row' : `{ ${fields.join(', ')} }`
}
