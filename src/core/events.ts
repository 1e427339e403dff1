import type { SimTime } from './time'

/** A value a read-model row may hold. Rows are flat so comparing them is cheap and exact. */
export type Scalar = string | number | boolean | null
export type Row = Readonly<Record<string, Scalar>>
export type EventData = Readonly<Record<string, Scalar>>

/** An event as the write model decides it, before the store gives it a place. */
export interface NewEvent {
  readonly type: string
  readonly data: EventData
}

/** An event in the store: position is global and gap-free, version counts within the stream. */
export interface StoredEvent extends NewEvent {
  readonly position: number
  readonly stream: string
  readonly version: number
  readonly id: string
  readonly at: SimTime
}

export function eventId(position: number): string {
  return `evt-${position}`
}

/**
 * Structural equality of two rows (or of two absences). Allocation-free: it runs several times
 * per delivery. Every key of `a` is in `b` with the same value, then `b` has as many keys: equal.
 * A value found equal and defined is a key `b` has, so only an undefined one is looked up again;
 * and every key a for-in yields is in the object, so the second loop only counts.
 */
export function rowsEqual(a: Row | undefined, b: Row | undefined): boolean {
  if (a === b) return true
  if (a === undefined || b === undefined) return false
  let n = 0
  for (const k in a) {
    const v = a[k]
    if (v !== b[k] || (v === undefined && !(k in b))) return false
    n++
  }
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the keys are only counted
  for (const _ in b) n--
  return n === 0
}
