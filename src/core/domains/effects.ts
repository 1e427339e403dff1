import type { Scalar } from '../events'

/**
 * What an event does to a row, described per field so that a handler can apply it without
 * relying on arrival order (the patterns of the out-of-order lesson). Each effect is applied
 * with the event's stream version (and timestamp):
 * - `create` / `delete`: the row exists while its newest create is newer than its newest delete
 *   (a soft delete keeps a tombstone, so a replayed creation cannot bring a row back);
 * - `newest`: the value of the newest event wins, by stream version or, if the projection says
 *   so, by timestamp (see tolerant.ts);
 * - `once`: a value decided once: the first non-empty value wins, by version (an empty value,
 *   `""` or null, only holds the place until a real one comes);
 * - `min` / `max`: the smallest / largest value wins;
 * - `add`: a commutative amount, counted once per event (the handler removes duplicates).
 */
export type Effect =
  | { readonly op: 'create' }
  | { readonly op: 'delete' }
  | {
      readonly op: 'newest' | 'once' | 'min' | 'max'
      readonly field: string
      readonly value: Scalar
    }
  | { readonly op: 'add'; readonly field: string; readonly value: number }

export const create: Effect = { op: 'create' }
export const remove: Effect = { op: 'delete' }
export const newest = (field: string, value: Scalar): Effect => ({ op: 'newest', field, value })
export const once = (field: string, value: Scalar): Effect => ({ op: 'once', field, value })
export const min = (field: string, value: Scalar): Effect => ({ op: 'min', field, value })
export const max = (field: string, value: Scalar): Effect => ({ op: 'max', field, value })
export const add = (field: string, value: number): Effect => ({ op: 'add', field, value })
