import type { InterventionInput, Row, Scalar } from '../../core'
import type { ProjectionFrame } from '../../state/store'
import { formatMs } from '../format'

/** A query as `act` takes it. */
export type ReadInput = Extract<InterventionInput, { type: 'read' }>['read']
export type ReadMode = NonNullable<ReadInput['mode']>

/**
 * The read modes in the order the query box offers them, each explained in one plain sentence.
 * A Record, so a read mode added to the format fails to type-check here until it is explained.
 */
export const READ_MODE_WORDS: Record<ReadMode, string> = {
  eventual: 'Answers at once from the local copy, which may be stale. Free: no messages.',
  strong:
    'Asks the store for every event past the checkpoint, applies them, then answers: fresh, but later and it costs messages.',
  'read-your-writes':
    'Waits until the checkpoint passes the client’s own last write, then answers from the local copy.',
  'read-repair': 'Checks the row against the store, fixes it if it is behind, then answers fresh.',
  bounded:
    'Answers from the local copy when it is behind by at most the bounds below; otherwise reads as strong.',
}
export const READ_MODES = Object.keys(READ_MODE_WORDS) as ReadMode[]

const HANDLER_WORDS: Record<string, string> = {
  naive: 'applies every copy as it comes',
  idempotent: 'skips copies it has applied before',
  ordered: 'applies in position order, buffering early copies',
  'order-tolerant': 'rows that come out the same in any order',
}

export function handlerInWords(handler: string): string {
  const what = HANDLER_WORDS[handler]
  return what ? `${handler} handler: ${what}` : `${handler} handler`
}

export function deliveryInWords(delivery: ProjectionFrame['delivery']): string {
  if (delivery.mode === 'push')
    return `push, ${delivery.guarantee} (ack timeout ${formatMs(delivery.ackTimeout)})`
  return `pull every ${formatMs(delivery.interval)}, up to ${delivery.batch} events a poll`
}

/** A field's value as text: empty strings and nulls stay visible. */
export function scalarText(value: Scalar | undefined): string {
  if (value === undefined || value === null) return '—'
  if (value === '') return '(empty)'
  return String(value)
}

/** A whole row on one line, for a query's answer: "title: buy milk, completed: false". */
export function rowText(row: Row | null): string {
  if (row === null) return 'not found'
  const fields = Object.entries(row)
  if (fields.length === 0) return '(empty row)'
  return fields.map(([k, v]) => `${k}: ${scalarText(v)}`).join(', ')
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`
