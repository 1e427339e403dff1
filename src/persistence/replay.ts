import type { StoredEvent } from '../core'

/** Where a replay stopped matching the stored run. */
export interface Divergence {
  readonly position: number
  readonly reason: string
}

/** Reads stored events after a position, at most `limit` (readEventsAfter, bound to a run). */
export type ReadAfter = (after: number, limit: number) => Promise<readonly StoredEvent[]>

/** Stored events compared per read: a pull subscriber's page. */
const CHECK_PAGE = 1000

/**
 * The stored events a replayed run must append again, position by position (see
 * DexieEventStore.replay). Nothing is loaded up front, so a stored run reopens at once however
 * long it is: `accepts` keeps each re-appended event at or below the stored head aside, and
 * `check` compares those with the stored ones a page at a time, while the engine goes on. An
 * appended event is new (to be saved) only past the stored head, and nothing is new once the
 * replay has diverged, so a run that no longer matches never writes over what is stored. The
 * session checks everything before its first write past the head.
 */
export class Replay {
  divergence: Divergence | null = null
  /** Stored positions up to here are still to be matched; a truncation lowers it. */
  private horizon: number
  /** Re-appended events not compared yet, in position order without gaps. */
  private unchecked: StoredEvent[] = []

  constructor(head: number) {
    this.horizon = head
  }

  accepts(e: StoredEvent): boolean {
    if (this.divergence) return false
    if (e.position > this.horizon) return true
    this.unchecked.push(e)
    return false
  }

  /** The run went back to `head` (time travel): positions above it will be saved anew. */
  truncate(head: number): void {
    this.horizon = Math.min(this.horizon, head)
    while ((this.unchecked.at(-1)?.position ?? 0) > head) this.unchecked.pop()
  }

  remaining(head: number): number {
    return Math.max(0, this.horizon - head)
  }

  get pendingChecks(): number {
    return this.unchecked.length
  }

  /** Compares every event appended so far at or below the stored head with the stored one. */
  async check(read: ReadAfter): Promise<void> {
    while (this.unchecked.length > 0 && !this.divergence) {
      const batch = this.unchecked.splice(0, CHECK_PAGE)
      const first = (batch[0] as StoredEvent).position
      const stored = await read(first - 1, batch.length)
      for (const [i, got] of batch.entries()) {
        const want = stored[i]
        const reason =
          want?.position !== got.position
            ? `position ${got.position} is missing from the stored run`
            : difference(want, got)
        if (reason) {
          this.divergence = { position: got.position, reason }
          this.unchecked = []
          return
        }
      }
    }
  }
}

function difference(want: StoredEvent, got: StoredEvent): string | null {
  const at = `position ${want.position}`
  if (want.stream !== got.stream || want.version !== got.version)
    return `${at}: the stored run has ${want.stream} v${want.version}, the engine appended ${got.stream} v${got.version}`
  if (want.type !== got.type)
    return `${at}: the stored run has a ${want.type}, the engine appended a ${got.type}`
  if (want.at !== got.at) return `${at}: stored at ${want.at} ms, appended at ${got.at} ms`
  if (want.id !== got.id || JSON.stringify(want.data) !== JSON.stringify(got.data))
    return `${at}: the stored ${want.type} has other data than the one the engine appended`
  return null
}
