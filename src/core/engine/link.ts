import { sampler, type Sampler } from '../distributions'
import { Rng, type RngState } from '../random'
import type { LinkSpec } from '../scenario/schema'
import { roundTime, type SimTime } from '../time'

/** The outcome of one transmission. One object per link, overwritten by each `transmit`. */
export interface Transmission {
  /** When the copy arrives, or would have arrived had it not been lost. */
  arriveAt: SimTime
  lost: boolean
  /** Whether the network made a second copy, and when that copy arrives (NaN when it did not). */
  duplicated: boolean
  duplicateAt: SimTime
}

export interface Window {
  readonly from: SimTime
  readonly to: SimTime
}

/**
 * The kinds of message a link carries. Each kind draws from its own streams, so the k-th message
 * of a kind always sees the same draws whatever happens to the other kinds: losing a pushed copy
 * adds a redelivery and removes an ack, and must not shift the latency of the next pushed copy.
 * `request` and `response` are a pull subscriber's polls and their answers, `fetch-…` an ordered
 * handler's gap fetches. A read's own requests (a strong read's catch-up, read repair's fetch)
 * draw from streams of that read alone (see `transmit`), so adding a read changes nothing else.
 */
export const TRAFFIC = [
  'push',
  'redelivery',
  'ack',
  'request',
  'response',
  'fetch-request',
  'fetch-response',
] as const
export type Traffic = (typeof TRAFFIC)[number]

interface Streams {
  readonly latency: Rng
  readonly loss: Rng
  readonly duplicate: Rng
  readonly reorder: Rng
}

/**
 * One projection's link to the store. Each kind of message and each purpose (latency, loss,
 * duplication, reordering) draws from its own stream, so turning up loss changes which messages
 * are lost but not how long the others take.
 */
export class Link {
  private readonly streams: Readonly<Record<Traffic, Streams>>
  /** Per read (by its stream name), made when the read first sends. */
  private readStreams = new Map<string, Streams>()
  private readonly streamOf: (name: string) => Streams
  /** Partition windows; an open one has `to` = Infinity until it heals. */
  partitions: Window[] = []
  private readonly tx: Transmission = {
    arriveAt: 0,
    lost: false,
    duplicated: false,
    duplicateAt: NaN,
  }
  /** The last delay drawn: kept in a field, since a double returned from a call is boxed. */
  private drawn = 0
  private linkSpec!: LinkSpec
  private latency!: Sampler
  private extra!: Sampler

  constructor(spec: LinkSpec, seed: number, projectionId: string) {
    const stream = (name: string, purpose: string) =>
      Rng.stream(seed, `link/${projectionId}/${name}/${purpose}`)
    this.streamOf = (name) => ({
      latency: stream(name, 'latency'),
      loss: stream(name, 'loss'),
      duplicate: stream(name, 'duplicate'),
      reorder: stream(name, 'reorder'),
    })
    const streams = {} as Record<Traffic, Streams>
    for (const traffic of TRAFFIC) streams[traffic] = this.streamOf(traffic)
    this.streams = streams
    this.spec = spec
  }

  get spec(): LinkSpec {
    return this.linkSpec
  }

  /** A new spec (a delivery intervention, a restore) makes its samplers afresh. */
  set spec(spec: LinkSpec) {
    this.linkSpec = spec
    this.latency = sampler(spec.latency)
    this.extra = sampler(spec.reorder.extra)
  }

  /**
   * Draws the fate of one message; the answer is valid until the next call. `read` names the
   * read a request or response serves, if it serves one: its draws come from that read's own
   * streams (requests and responses of one read alternate, so one set of streams does).
   */
  transmit(sentAt: SimTime, traffic: Traffic, read: string | null = null): Readonly<Transmission> {
    const tx = this.tx
    const s = read === null ? this.streams[traffic] : this.readStream(read)
    tx.lost = s.loss.next() < this.linkSpec.loss
    this.delay(s)
    tx.arriveAt = roundTime(sentAt + this.drawn)
    tx.duplicated = s.duplicate.next() < this.linkSpec.duplicate
    if (tx.duplicated) {
      this.delay(s)
      tx.duplicateAt = roundTime(sentAt + this.drawn)
    } else tx.duplicateAt = NaN
    return tx
  }

  private readStream(read: string): Streams {
    let s = this.readStreams.get(read)
    if (!s) {
      s = this.streamOf(read)
      this.readStreams.set(read, s)
    }
    return s
  }

  /** Draws one delay into `drawn`: the latency, plus the reordering delay for a reordered copy. */
  private delay(s: Streams): void {
    const base = this.latency.draw(s.latency)
    const p = this.linkSpec.reorder.p
    this.drawn = p > 0 && s.reorder.next() < p ? base + this.extra.draw(s.reorder) : base
  }

  /** Numbers drawn from this link's streams so far. */
  draws(): number {
    let n = 0
    for (const s of [...Object.values(this.streams), ...this.readStreams.values()])
      n += s.latency.draws + s.loss.draws + s.duplicate.draws + s.reorder.draws
    return n
  }

  /** A copy is cut off when any partition overlaps its time on the wire. */
  cutOff(sentAt: SimTime, arriveAt: SimTime): boolean {
    const partitions = this.partitions
    for (let i = 0; i < partitions.length; i++) {
      const w = partitions[i] as Window
      if (w.from <= arriveAt && sentAt < w.to) return true
    }
    return false
  }

  partitionedAt(t: SimTime): boolean {
    return this.partitions.some((w) => w.from <= t && t < w.to)
  }

  snapshot(): LinkSnapshot {
    return {
      spec: this.spec,
      rngs: TRAFFIC.map((traffic) => states(this.streams[traffic])),
      reads: [...this.readStreams].map(([read, s]) => [read, states(s)] as const),
      partitions: this.partitions.slice(),
    }
  }

  restore(s: LinkSnapshot): void {
    this.spec = s.spec
    TRAFFIC.forEach((traffic, i) => restoreStates(this.streams[traffic], s.rngs[i] as States))
    // A read that first sent after the snapshot starts afresh when it sends again.
    const reads = new Map<string, Streams>()
    for (const [read, saved] of s.reads) {
      const streams = this.readStream(read)
      restoreStates(streams, saved)
      reads.set(read, streams)
    }
    this.readStreams = reads
    this.partitions = s.partitions.slice()
  }
}

type States = readonly [RngState, RngState, RngState, RngState]

function states(s: Streams): States {
  return [s.latency.state(), s.loss.state(), s.duplicate.state(), s.reorder.state()]
}

function restoreStates(s: Streams, [a, b, c, d]: States): void {
  s.latency.restore(a)
  s.loss.restore(b)
  s.duplicate.restore(c)
  s.reorder.restore(d)
}

export interface LinkSnapshot {
  readonly spec: LinkSpec
  /** Per kind of traffic, in TRAFFIC order: latency, loss, duplicate, reorder. */
  readonly rngs: readonly States[]
  /** The same for each read that has sent something, by its stream name. */
  readonly reads: readonly (readonly [string, States])[]
  readonly partitions: readonly Window[]
}
