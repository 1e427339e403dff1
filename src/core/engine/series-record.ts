import type { Pipeline } from './pipeline'
import type { Series } from './series'

/** A projection's measures over time as the result shows them (in a trace). */
export interface SeriesRecord {
  readonly t: readonly number[]
  readonly behind: readonly number[]
  readonly oldestAt: readonly (number | null)[]
  readonly divergent: readonly number[]
  /** Copies an ordered handler held in its buffer. */
  readonly buffered: readonly number[]
  /** Gap-fetch messages on the wire (requests to the store and its answers). */
  readonly fetching: readonly number[]
}

/**
 * Merges the two step functions, the lag and divergence measures and the pipeline counts, into
 * one list of instants: each entry holds every measure's value from that instant on. They are
 * recorded apart because the pipeline changes only for ordered handlers, and rarely.
 */
export function seriesRecord(s: Series, p: Pipeline): SeriesRecord {
  const out = {
    t: [] as number[],
    behind: [] as number[],
    oldestAt: [] as (number | null)[],
    divergent: [] as number[],
    buffered: [] as number[],
    fetching: [] as number[],
  }
  let i = 0
  let j = 0
  let behind = 0
  let oldestAt: number | null = null
  let divergent = 0
  let buffered = 0
  let fetching = 0
  while (i < s.length || j < p.t.length) {
    const ti = i < s.length ? s.t.at(i) : Infinity
    const tj = j < p.t.length ? p.t.at(j) : Infinity
    const t = Math.min(ti, tj)
    // Several samples at one instant: the last one holds from there on.
    for (; i < s.length && s.t.at(i) === t; i++) {
      behind = s.behind.at(i)
      const oldest = s.oldestAt.at(i)
      oldestAt = Number.isNaN(oldest) ? null : oldest
      divergent = s.divergent.at(i)
    }
    for (; j < p.t.length && p.t.at(j) === t; j++) {
      buffered = p.buffered.at(j)
      fetching = p.fetching.at(j)
    }
    out.t.push(t)
    out.behind.push(behind)
    out.oldestAt.push(oldestAt)
    out.divergent.push(divergent)
    out.buffered.push(buffered)
    out.fetching.push(fetching)
  }
  return out
}
