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
 * One projection's link to the store. Each purpose draws from its own stream, so turning up loss
 * changes which messages are lost but not how long the others take.
 */
export class Link {
  private readonly latency: Rng
  private readonly loss: Rng
  private readonly duplicate: Rng
  private readonly reorder: Rng
  /** Partition windows; an open one has `to` = Infinity until it heals. */
  partitions: Window[] = []
  private readonly tx: Transmission = { arriveAt: 0, lost: false, duplicateAt: null }

  constructor(
    public spec: LinkSpec,
    seed: number,
    projectionId: string,
  ) {
    const stream = (purpose: string) => Rng.stream(seed, `link/${projectionId}/${purpose}`)
    this.latency = stream('latency')
    this.loss = stream('loss')
    this.duplicate = stream('duplicate')
    this.reorder = stream('reorder')
  }

  /** Draws the fate of one message; the answer is valid until the next call. */
  transmit(sentAt: SimTime): Readonly<Transmission> {
    const tx = this.tx
    tx.lost = this.loss.next() < this.spec.loss
    tx.arriveAt = roundTime(sentAt + this.delay())
    tx.duplicateAt =
      this.duplicate.next() < this.spec.duplicate ? roundTime(sentAt + this.delay()) : null
    return tx
  }

  private delay(): number {
    const base = sample(this.spec.latency, this.latency)
    const { p, extra } = this.spec.reorder
    return p > 0 && this.reorder.next() < p ? base + sample(extra, this.reorder) : base
  }

  /** Numbers drawn from this link's streams so far. */
  draws(): number {
    return this.latency.draws + this.loss.draws + this.duplicate.draws + this.reorder.draws
  }

  /** A copy is cut off when any partition overlaps its time on the wire. */
  cutOff(sentAt: SimTime, arriveAt: SimTime): boolean {
    for (const w of this.partitions) if (w.from <= arriveAt && sentAt < w.to) return true
    return false
  }

  partitionedAt(t: SimTime): boolean {
    return this.partitions.some((w) => w.from <= t && t < w.to)
  }

  snapshot(): LinkSnapshot {
    return {
      spec: this.spec,
      rngs: [this.latency.state(), this.loss.state(), this.duplicate.state(), this.reorder.state()],
      partitions: this.partitions.slice(),
    }
  }

  restore(s: LinkSnapshot): void {
    this.spec = s.spec
    const [a, b, c, d] = s.rngs
    this.latency.restore(a)
    this.loss.restore(b)
    this.duplicate.restore(c)
    this.reorder.restore(d)
    this.partitions = s.partitions.slice()
  }
}

export interface LinkSnapshot {
  readonly spec: LinkSpec
  readonly rngs: readonly [RngState, RngState, RngState, RngState]
  readonly partitions: readonly Window[]
}
