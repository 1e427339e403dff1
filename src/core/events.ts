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

/** Structural equality of two rows (or of two absences). Allocation-free: it runs per event. */
export function rowsEqual(a: Row | undefined, b: Row | undefined): boolean {
  if (a === b) return true
  if (a === undefined || b === undefined) return false
  let n = 0
  for (const k in a) {
    if (a[k] !== b[k] || !(k in b)) return false
    n++
  }
  for (const k in b) if (k in b) n--
  return n === 0
}
