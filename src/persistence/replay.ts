import type { StoredEvent } from '../core'

/** Where a replay stopped matching the stored run. */
export interface Divergence {
  readonly position: number
  readonly reason: string
}

/**
 * The stored events a replayed run must append again, position by position (see
 * DexieEventStore.replay). `accepts` says whether an appended event is new (to be saved): false
 * for a stored event appended again identically, and false for everything once the replay has
 * diverged, so a run that no longer matches never writes over what is stored.
 */
export class Replay {
  divergence: Divergence | null = null
  /** Stored positions up to here are still to be matched; a truncation lowers it. */
  private horizon: number

  constructor(private readonly stored: readonly StoredEvent[]) {
    this.horizon = stored.length
  }

  accepts(e: StoredEvent): boolean {
    if (this.divergence) return false
    if (e.position > this.horizon) return true
    const want = this.stored[e.position - 1] as StoredEvent
    const reason = difference(want, e)
    if (reason) this.divergence = { position: e.position, reason }
    return false
  }

  /** The run went back to `head` (time travel): positions above it will be saved anew. */
  truncate(head: number): void {
    this.horizon = Math.min(this.horizon, head)
  }

  remaining(head: number): number {
    return Math.max(0, this.horizon - head)
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
