import { Column } from '../column'
import type { SimTime } from '../time'

/**
 * What an `ordered` projection holds back and waits for: copies in its buffer (early arrivals
 * waiting for the gap before them) and gap-fetch messages on the wire (a request on its way to
 * the store, or the store's answer on its way back). Recorded as a step function, one sample per
 * change, with the peaks; other handlers never buffer or fetch, so theirs stays empty.
 */
export class Pipeline {
  readonly t = new Column(16)
  readonly buffered = Column.ints(16)
  readonly fetching = Column.ints(16)
  bufferedNow = 0
  fetchingNow = 0
  peakBuffered = 0
  peakFetching = 0

  setBuffered(t: SimTime, count: number): void {
    if (count === this.bufferedNow) return
    this.bufferedNow = count
    this.peakBuffered = Math.max(this.peakBuffered, count)
    this.record(t)
  }

  /** `delta` messages of a gap fetch went on the wire (positive) or left it (negative). */
  addFetching(t: SimTime, delta: number): void {
    if (delta === 0) return
    this.fetchingNow += delta
    this.peakFetching = Math.max(this.peakFetching, this.fetchingNow)
    this.record(t)
  }

  private record(t: SimTime): void {
    this.t.push(t)
    this.buffered.push(this.bufferedNow)
    this.fetching.push(this.fetchingNow)
  }

  snapshot(): PipelineSnapshot {
    const { bufferedNow, fetchingNow, peakBuffered, peakFetching } = this
    return { length: this.t.length, bufferedNow, fetchingNow, peakBuffered, peakFetching }
  }

  restore(s: PipelineSnapshot): void {
    for (const c of [this.t, this.buffered, this.fetching]) c.truncate(s.length)
    this.bufferedNow = s.bufferedNow
    this.fetchingNow = s.fetchingNow
    this.peakBuffered = s.peakBuffered
    this.peakFetching = s.peakFetching
  }
}

export interface PipelineSnapshot {
  readonly length: number
  readonly bufferedNow: number
  readonly fetchingNow: number
  readonly peakBuffered: number
  readonly peakFetching: number
}
