import { eventId, type NewEvent, type StoredEvent } from './events'
import type { SimTime } from './time'

export type ExpectedVersion = number | 'any'

export type AppendResult =
  | { readonly ok: true; readonly events: readonly StoredEvent[] }
  | { readonly ok: false; readonly reason: string; readonly actual: number }

/**
 * The event store as the engine sees it. The calls are synchronous because the simulation asks
 * them at simulated instants; a durable store keeps an in-memory index of what it holds and writes
 * behind in batches, committing when `flush` is awaited (once per tick of the driver). Both
 * implementations must give the engine the same answers, which is what makes runs identical.
 */
export interface EventStore {
  /** Appends to one stream if its version is `expected`; otherwise writes nothing. */
  append(
    stream: string,
    expected: ExpectedVersion,
    events: readonly NewEvent[],
    at: SimTime,
  ): AppendResult
  /** Up to `limit` events with position > `after`, in position order (the pull model's query). */
  readAfter(after: number, limit: number): readonly StoredEvent[]
  /** The events of one stream in version order. */
  readStream(stream: string): readonly StoredEvent[]
  /** The event at a position, if the store holds it. */
  get(position: number): StoredEvent | undefined
  /** The position of the last event, 0 when empty. */
  head(): number
  /** The version of a stream, 0 when it does not exist. */
  version(stream: string): number
  /** Forgets every event after `position`: restoring a snapshot or forking a run uses it. */
  truncateAfter(position: number): void
  /** Makes what was appended durable. The memory store has nothing to do. */
  flush?(): Promise<void>
}

export function conflictReason(stream: string, expected: number, actual: number): string {
  return `wrong expected version: ${stream} is at version ${actual}, not ${expected}`
}

export class MemoryEventStore implements EventStore {
  private readonly events: StoredEvent[] = []
  private readonly streams = new Map<string, StoredEvent[]>()

  append(
    stream: string,
    expected: ExpectedVersion,
    events: readonly NewEvent[],
    at: SimTime,
  ): AppendResult {
    const existing = this.streams.get(stream)
    const actual = existing?.length ?? 0
    if (expected !== 'any' && expected !== actual)
      return { ok: false, reason: conflictReason(stream, expected, actual), actual }
    const list = existing ?? []
    if (!existing) this.streams.set(stream, list)
    // Most commands decide one event: an array literal of one is sized exactly, where pushing
    // onto an empty array reserves room for seventeen.
    if (events.length === 1) return { ok: true, events: [this.put(stream, list, events[0], at)] }
    const stored: StoredEvent[] = []
    for (let i = 0; i < events.length; i++) stored.push(this.put(stream, list, events[i], at))
    return { ok: true, events: stored }
  }

  /** Gives one event of `stream` (whose events are `list`) the next position. */
  private put(
    stream: string,
    list: StoredEvent[],
    e: NewEvent | undefined,
    at: SimTime,
  ): StoredEvent {
    const { type, data } = e as NewEvent
    const position = this.events.length + 1
    const event: StoredEvent = {
      position,
      stream,
      version: list.length + 1,
      id: eventId(position),
      type,
      data,
      at,
    }
    this.events.push(event)
    list.push(event)
    return event
  }

  readAfter(after: number, limit: number): readonly StoredEvent[] {
    return this.events.slice(Math.max(0, after), Math.max(0, after) + limit)
  }

  readStream(stream: string): readonly StoredEvent[] {
    return this.streams.get(stream) ?? []
  }

  get(position: number): StoredEvent | undefined {
    return this.events[position - 1]
  }

  head(): number {
    return this.events.length
  }

  version(stream: string): number {
    return this.streams.get(stream)?.length ?? 0
  }

  truncateAfter(position: number): void {
    for (let p = this.events.length; p > position; p--) {
      const e = this.events[p - 1] as StoredEvent
      this.streams.get(e.stream)?.pop()
      if (this.streams.get(e.stream)?.length === 0) this.streams.delete(e.stream)
    }
    this.events.length = Math.min(this.events.length, Math.max(0, position))
  }
}
