import type { StoredEvent } from '../events'
import type { Item } from '../heap'
import { roundTime } from '../time'
import { K } from './items'
import { DROP, KIND, OUTCOME } from './log'
import type { Network } from './network'
import type { Projection } from './projection'
import type { Simulation } from './simulation'

/** Why a projection asks the store for events. */
export const PURPOSES = ['poll', 'fetch', 'catch-up', 'repair'] as const
export type Purpose = (typeof PURPOSES)[number]
export const PURPOSE = { poll: 0, fetch: 1, 'catch-up': 2, repair: 3 } as const

/** Requests to the store and its answers, append-only like the delivery log. */
export class RequestLog {
  readonly projection: number[] = []
  readonly sentAt: number[] = []
  readonly purpose: number[] = []
  readonly after: number[] = []
  readonly limit: number[] = []
  /** Read repair: the key number whose stream is asked for; -1 otherwise. */
  readonly key: number[] = []
  /** The pending read waiting for the answer, or -1. */
  readonly read: number[] = []
  readonly answerRequest: number[] = []
  readonly answeredAt: number[] = []
  readonly answerCount: number[] = []

  get size(): number {
    return this.projection.length
  }

  mark(): { requests: number; answers: number } {
    return { requests: this.projection.length, answers: this.answerRequest.length }
  }

  rewind(mark: { requests: number; answers: number }): void {
    for (const c of [
      this.projection,
      this.sentAt,
      this.purpose,
      this.after,
      this.limit,
      this.key,
      this.read,
    ])
      c.length = mark.requests
    for (const c of [this.answerRequest, this.answeredAt, this.answerCount]) c.length = mark.answers
  }
}

/**
 * Request and response with the store, for every purpose: the pull subscriber's poll ("events
 * after my checkpoint"), the ordered handler's fetch of a gap, a strong read's catch-up and read
 * repair's fetch of one stream. Both legs cross the projection's link.
 */
export class Exchange {
  readonly log = new RequestLog()

  constructor(
    private readonly sim: Simulation,
    private readonly network: Network,
  ) {}

  dispatch(item: Item, p: Projection): void {
    switch (item.k) {
      case K.Poll:
        return this.poll(p)
      case K.Request:
        return this.answer(p, item.a, item.b)
      case K.Response:
        return this.arrive(p, item.a, item.b)
      case K.GapTimer:
        return this.gapTimer(p)
    }
  }

  /** Sends a request; returns its index. A lost request is simply never answered. */
  request(
    p: Projection,
    purpose: number,
    after: number,
    limit: number,
    key: number,
    read: number,
  ): number {
    const sim = this.sim
    const log = this.log
    const index = log.projection.length
    log.projection.push(p.index)
    log.sentAt.push(sim.now)
    log.purpose.push(purpose)
    log.after.push(after)
    log.limit.push(limit)
    log.key.push(key)
    log.read.push(read)
    // A poll keeps nothing alive: a pull subscriber is quiet when caught up, whatever is on the
    // wire, so polling faster than a round trip does not keep a finished run going.
    const keep = purpose !== PURPOSE.poll
    const traffic = purpose === PURPOSE.fetch ? 'fetch-request' : 'request'
    const tx = p.link.transmit(sim.now, traffic, read < 0 ? null : sim.reads.streamName(read))
    if (!tx.lost) sim.schedule(tx.arriveAt, K.Request, p.index, index, sim.now, keep)
    if (tx.duplicated) sim.schedule(tx.duplicateAt, K.Request, p.index, index, sim.now, keep)
    if (purpose === PURPOSE.fetch) p.pipeline.addFetching(sim.now, onTheWire(tx, true))
    return index
  }

  private poll(p: Projection): void {
    const delivery = p.spec.delivery
    if (delivery.mode !== 'pull') return
    this.sim.schedule(roundTime(this.sim.now + delivery.interval), K.Poll, p.index, 0, 0, false)
    if (!p.downAt(this.sim.now)) this.request(p, PURPOSE.poll, p.checkpoint, delivery.batch, -1, -1)
  }

  /** The ordered handler waited long enough for a gap: fetch the missing positions. */
  armGapTimer(p: Projection): void {
    if (!Number.isNaN(p.gapTimerAt) || p.handler.gap() === null) return
    p.gapTimerAt = roundTime(this.sim.now + (p.spec.gapTimeout ?? 500))
    this.sim.schedule(p.gapTimerAt, K.GapTimer, p.index, 0, 0, true)
  }

  private gapTimer(p: Projection): void {
    p.gapTimerAt = NaN
    const gap = p.handler.gap()
    if (!gap || p.downAt(this.sim.now)) return this.armGapTimer(p)
    this.request(p, PURPOSE.fetch, gap[0] - 1, gap[1] - gap[0] + 1, -1, -1)
    this.armGapTimer(p)
  }

  /** The store answers a request that made it across. */
  private answer(p: Projection, request: number, sentAt: number): void {
    const sim = this.sim
    const log = this.log
    const fetch = log.purpose[request] === PURPOSE.fetch
    if (fetch) p.pipeline.addFetching(sim.now, -1)
    if (p.link.cutOff(sentAt, sim.now)) return
    const purpose = log.purpose[request] as number
    const events = this.query(request, purpose)
    const read = log.read[request] as number
    const answer = log.answerRequest.length
    log.answerRequest.push(request)
    log.answeredAt.push(sim.now)
    log.answerCount.push(events.length)
    // An answer with events waits for the learner who holds the network (see learner.ts).
    if (sim.held.holding && events.length > 0) {
      const first = this.logCopies(p, events, purpose, NaN)
      sim.held.hold(K.Response, p.index, answer, first)
      p.wire += events.length
      if (fetch) p.pipeline.addFetching(sim.now, 1)
      return
    }
    const tx = p.link.transmit(
      sim.now,
      fetch ? 'fetch-response' : 'response',
      read < 0 ? null : sim.reads.streamName(read),
    )
    const first = this.logCopies(p, events, purpose, tx.lost ? tx.arriveAt : NaN)
    if (tx.lost) p.stats.dropped += events.length
    // Empty answers still travel when someone waits for them (a strong read, read repair).
    const matters = events.length > 0 || (log.read[request] as number) >= 0
    const keep = purpose !== PURPOSE.poll
    if (!tx.lost && matters) {
      sim.schedule(tx.arriveAt, K.Response, p.index, answer, first, keep)
      p.wire += events.length
    }
    if (tx.duplicated && matters) {
      const copy = this.logCopies(p, events, -1, NaN)
      sim.schedule(tx.duplicateAt, K.Response, p.index, answer, copy, keep)
      p.wire += events.length
    }
    if (fetch) p.pipeline.addFetching(sim.now, onTheWire(tx, matters))
  }

  private query(request: number, purpose: number): readonly StoredEvent[] {
    const sim = this.sim
    if (purpose === PURPOSE.repair)
      return sim.store.readStream(
        sim.domain.streamOf(sim.keys.name(this.log.key[request] as number)),
      )
    const limit = this.log.limit[request] as number
    return sim.store.readAfter(
      this.log.after[request] as number,
      Number.isFinite(limit) ? limit : sim.head(),
    )
  }

  /** One delivery row per event in an answer; `purpose` -1 marks the network's duplicate copy. */
  private logCopies(
    p: Projection,
    events: readonly StoredEvent[],
    purpose: number,
    lostAt: number,
  ): number {
    const sim = this.sim
    const first = sim.log.sends
    for (const e of events) {
      let kind: number = KIND.duplicate
      if (purpose === PURPOSE.poll) {
        kind = p.answered.has(e.position) ? KIND.redelivery : KIND.first
        p.answered.stampOnce(e.position)
        if (kind === KIND.redelivery) p.stats.redelivered++
      } else if (purpose >= 0) {
        kind = KIND.fetch
        p.stats.fetched++
      }
      if (purpose >= 0) p.stats.sent++
      sim.logSend(e.position, p.index, kind, lostAt)
    }
    return first
  }

  private arrive(p: Projection, answer: number, first: number): void {
    const sim = this.sim
    const log = this.log
    const request = log.answerRequest[answer] as number
    const count = log.answerCount[answer] as number
    p.wire -= count
    if (log.purpose[request] === PURPOSE.fetch) p.pipeline.addFetching(sim.now, -1)
    const reason = this.network.blocked(p, log.answeredAt[answer] as number)
    if (reason !== DROP.none) {
      for (let send = first; send < first + count; send++)
        sim.logArrival(send, OUTCOME.dropped, reason)
      p.stats.dropped += count
      return
    }
    const read = log.read[request] as number
    if ((log.purpose[request] as number) === PURPOSE.repair) {
      const events: StoredEvent[] = []
      for (let send = first; send < first + count; send++)
        events.push(sim.event(sim.log.position.at(send)))
      const repaired = p.repair(log.key[request] as number, events)
      for (let send = first; send < first + count; send++)
        sim.logArrival(send, repaired ? OUTCOME.repaired : OUTCOME.skipped)
      if (read >= 0) sim.reads.answered(read, repaired)
      return
    }
    for (let send = first; send < first + count; send++)
      this.network.deliver(p, send, sim.log.position.at(send))
    if (read >= 0) sim.reads.answered(read)
  }
}

/** How many copies of a message a transmission put on the wire (none if nothing is sent). */
function onTheWire(tx: { lost: boolean; duplicated: boolean }, sent: boolean): number {
  return sent ? (tx.lost ? 0 : 1) + (tx.duplicated ? 1 : 0) : 0
}
