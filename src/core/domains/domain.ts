import type { z } from 'zod'
import type { EventData, NewEvent, Row, Scalar, StoredEvent } from '../events'
import type { Rng } from '../random'
import type { Effect } from './effects'

export type DomainName = 'todo' | 'bank' | 'bookstore' | 'users' | 'profiles'

export interface Command {
  readonly type: string
  readonly data: EventData
}

/** What the write model decided: events for one stream, or a refusal with its reason. */
export type Decision =
  | { readonly ok: true; readonly events: readonly NewEvent[] }
  | { readonly ok: false; readonly reason: string }

/**
 * A domain is plain data plus pure functions. The write model and the truth share `evolve`: the
 * truth is `evolve` folded over the events in position order, and a naive handler is the same
 * `evolve` applied in whatever order the network delivers.
 */
export interface Domain {
  readonly name: DomainName
  /** Schemas of each command's data, keyed by command type. */
  readonly commands: Readonly<Record<string, z.ZodType>>
  readonly eventTypes: readonly string[]
  /** The read-model key (and aggregate) a command addresses. */
  target(command: Command): { readonly key: string; readonly stream: string }
  /** Decides a command against the aggregate's current row (undefined when it does not exist). */
  decide(command: Command, row: Row | undefined): Decision
  /** The read-model key an event updates. */
  keyOf(event: StoredEvent): string
  /** The in-order logic: the next row, or undefined when the row is removed. */
  evolve(row: Row | undefined, event: StoredEvent): Row | undefined
  /** The stream that holds the events of a read-model key (read repair fetches it). */
  streamOf(key: string): string
  /** The row's fields in display order, with the value a field has before any event sets it. */
  readonly fields: Readonly<Record<string, Scalar>>
  /** The event's effects field by field, for the order-tolerant handler. */
  effects(event: StoredEvent): readonly Effect[]
  readonly workload: WorkloadShape
}

/** How the seeded workload generator makes valid-looking commands for this domain. */
export interface WorkloadShape {
  /** The command that brings key number `i` into existence, or null if none is needed. */
  create(i: number, rng: Rng): Command | null
  /** A command of `type` against key number `i`; `n` is a running counter for unique values. */
  sample(type: string, i: number, n: number, rng: Rng): Command
}

export const accept = (...events: NewEvent[]): Decision => ({ ok: true, events })
export const reject = (reason: string): Decision => ({ ok: false, reason })

/**
 * Field values as text and as numbers. Callers pass `data.field` rather than a field name: a
 * named property access stays monomorphic in the JIT, which matters at a million events.
 */
export function asText(value: Scalar | undefined): string {
  return typeof value === 'string' ? value : String(value)
}

export function asNumber(value: Scalar | undefined): number {
  return typeof value === 'number' ? value : Number(value)
}

/**
 * `${prefix}${i}`, made once per number and then reused: a workload names its key on every
 * command, and one string object per key is hashed once, where a fresh copy of the name would be
 * hashed again by every map that looks it up (the key table, the store's streams).
 */
export function numbered(prefix: string): (i: number) => string {
  const made: string[] = []
  return (i) => (made[i] ??= `${prefix}${i}`)
}
