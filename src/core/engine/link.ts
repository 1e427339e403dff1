import { sample } from '../distributions'
import { Rng, type RngState } from '../random'
import type { LinkSpec } from '../scenario/schema'
import { roundTime, type SimTime } from '../time'

/** The outcome of one transmission. One object per link, overwritten by each `transmit`. */
export interface Transmission {
  /** When the copy arrives, or would have arrived had it not been lost. */
  arriveAt: SimTime
  lost: boolean
  /** A second copy made by the network, if any. */
  duplicateAt: SimTime | null
}

export interface Window {
  readonly from: SimTime
  readonly to: SimTime
}

/**
 * The kinds of message a link carries. Each kind draws from its own streams, so the k-th message
 * of a kind always sees the same draws whatever happens to the other kinds: losing a pushed copy
 * adds a redelivery and removes an ack, and must not shift the latency of the next pushed copy.
 */
export const TRAFFIC = ['push', 'redelivery', 'ack', 'request', 'response'] as const
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
  /** Partition windows; an open one has `to` = Infinity until it heals. */
  partitions: Window[] = []
  private readonly tx: Transmission = { arriveAt: 0, lost: false, duplicateAt: null }

  constructor(
    public spec: LinkSpec,
    seed: number,
    projectionId: string,
  ) {
    const stream = (traffic: Traffic, purpose: string) =>
      Rng.stream(seed, `link/${projectionId}/${traffic}/${purpose}`)
    const streams = {} as Record<Traffic, Streams>
    for (const traffic of TRAFFIC)
      streams[traffic] = {
        latency: stream(traffic, 'latency'),
        loss: stream(traffic, 'loss'),
        duplicate: stream(traffic, 'duplicate'),
        reorder: stream(traffic, 'reorder'),
      }
    this.streams = streams
  }

  /** Draws the fate of one message; the answer is valid until the next call. */
  transmit(sentAt: SimTime, traffic: Traffic): Readonly<Transmission> {
    const tx = this.tx
    const s = this.streams[traffic]
    tx.lost = s.loss.next() < this.spec.loss
    tx.arriveAt = roundTime(sentAt + this.delay(s))
    tx.duplicateAt =
      s.duplicate.next() < this.spec.duplicate ? roundTime(sentAt + this.delay(s)) : null
    return tx
  }

  private delay(s: Streams): number {
    const base = sample(this.spec.latency, s.latency)
    const { p, extra } = this.spec.reorder
    return p > 0 && s.reorder.next() < p ? base + sample(extra, s.reorder) : base
  }

  /** Numbers drawn from this link's streams so far. */
  draws(): number {
    let n = 0
    for (const s of Object.values(this.streams))
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
      rngs: TRAFFIC.map((traffic) => {
        const s = this.streams[traffic]
        return [s.latency.state(), s.loss.state(), s.duplicate.state(), s.reorder.state()] as const
      }),
      partitions: this.partitions.slice(),
    }
  }

  restore(s: LinkSnapshot): void {
    this.spec = s.spec
    TRAFFIC.forEach((traffic, i) => {
      const streams = this.streams[traffic]
      const [a, b, c, d] = s.rngs[i] as readonly [RngState, RngState, RngState, RngState]
      streams.latency.restore(a)
      streams.loss.restore(b)
      streams.duplicate.restore(c)
      streams.reorder.restore(d)
    })
    this.partitions = s.partitions.slice()
  }
}

export interface LinkSnapshot {
  readonly spec: LinkSpec
  /** Per kind of traffic, in TRAFFIC order: latency, loss, duplicate, reorder. */
  readonly rngs: readonly (readonly [RngState, RngState, RngState, RngState])[]
  readonly partitions: readonly Window[]
}
