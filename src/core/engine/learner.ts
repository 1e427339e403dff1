import { emptyItem } from '../heap'
import type { InterventionOutcome } from './interventions'
import { K } from './items'
import { KIND, KINDS, OUTCOMES, type DeliveryKind, type DeliveryOutcome } from './log'
import { PURPOSE, PURPOSES, type Purpose } from './exchange'
import type { Projection } from './projection'
import type { Simulation } from './simulation'

/**
 * The learner as the network (the `hold`, `deliver`, `drop` and `duplicate` interventions), the
 * way the DSLabs debugger lets a student choose the next message.
 *
 * While the learner holds the network, every message that carries events to a projection (a
 * pushed copy, or a store's answer with events: a poll's, a gap fetch's, a read's catch-up or
 * repair) is sent and logged as usual but, instead of crossing the link, waits here under a
 * stable id until the learner delivers, drops or duplicates it. The link's latency, loss,
 * duplication and reordering do not apply to it: the learner decides those. What carries no
 * events stays automatic (requests, polls, empty answers, acknowledgements and every timer), so
 * an at-least-once publisher still redelivers what is not acknowledged in time, as a new held
 * message, and a pull subscriber still polls. A held message is in flight: the run cannot end
 * quiet while one waits, and a delivery made after the run stalled makes it go on.
 *
 * A delivered message goes through the network's own arrival code: a partition since it was
 * sent or a crashed service still blocks it, the handler dedupes or buffers it, and the measures
 * and the delivery log record it.
 */

/** One held message: how the network would have scheduled it. */
interface HeldEntry {
  readonly id: number
  readonly k: typeof K.Arrive | typeof K.Response
  /** The projection's index. */
  readonly p: number
  /** K.Arrive: the send index; K.Response: the answer index. */
  readonly a: number
  /** K.Response: the first send of the answer's copies. */
  readonly b: number
}

export interface HeldSnapshot {
  readonly holding: boolean
  readonly next: number
  readonly entries: readonly HeldEntry[]
}

/** A held message as the state layer sees it. */
export interface HeldMessage {
  readonly id: number
  readonly projection: string
  /** A pushed copy, or a store's answer to a request. */
  readonly kind: 'push' | 'answer'
  /** The positions of the events it carries, in the order it carries them. */
  readonly positions: readonly number[]
  readonly sentAt: number
  /** How the copies came to be sent: first, redelivery (push), fetch (gap or read)... */
  readonly copy: DeliveryKind
  /** What an answer answers; null for a pushed copy. */
  readonly purpose: Purpose | null
}

export class HeldMessages {
  /** Whether new messages carrying events are held (the `hold` intervention). */
  holding = false
  /** The next id: ids count from 1 and are never reused, so a list of interventions can name them. */
  private next = 1
  private entries: HeldEntry[] = []

  get size(): number {
    return this.entries.length
  }

  hold(k: HeldEntry['k'], p: number, a: number, b: number): void {
    this.entries.push({ id: this.next++, k, p, a, b })
  }

  list(): readonly HeldEntry[] {
    return this.entries
  }

  find(id: number): HeldEntry | undefined {
    return this.entries.find((e) => e.id === id)
  }

  take(id: number): void {
    this.entries = this.entries.filter((e) => e.id !== id)
  }

  /** Why there is no held message `id`. */
  missing(id: number): string {
    return id < this.next
      ? `message ${id} is no longer held: it was delivered or dropped`
      : `there is no message ${id}`
  }

  snapshot(): HeldSnapshot {
    // The entries themselves are never changed, so a snapshot shares them; the list is copied.
    return { holding: this.holding, next: this.next, entries: this.entries.slice() }
  }

  restore(s: HeldSnapshot): void {
    this.holding = s.holding
    this.next = s.next
    this.entries = s.entries.slice()
  }
}

export function setHolding(sim: Simulation, on: boolean): InterventionOutcome {
  if (sim.held.holding === on)
    return {
      kind: 'no-op',
      reason: on ? 'the learner is already the network' : 'the network is already automatic',
    }
  // Turning it off leaves the held messages held: they are the learner's to deliver or drop,
  // and releasing them all at one instant would be a choice the learner did not make.
  sim.held.holding = on
  return { kind: 'applied' }
}

/** The held message arrives now, through the network's arrival code. */
export function deliverHeld(sim: Simulation, id: number): InterventionOutcome {
  const e = sim.held.find(id)
  if (!e) return { kind: 'no-op', reason: sim.held.missing(id) }
  sim.held.take(id)
  arrive(sim, e.k, e.p, e.a, e.b)
  return { kind: 'applied' }
}

/** The held message is lost now, as a copy the link loses: at-least-once push then redelivers. */
export function dropHeld(sim: Simulation, id: number): InterventionOutcome {
  const e = sim.held.find(id)
  if (!e) return { kind: 'no-op', reason: sim.held.missing(id) }
  sim.held.take(id)
  const p = sim.projections[e.p] as Projection
  const [first, count] = sends(sim, e)
  for (let send = first; send < first + count; send++) sim.log.loseLater(send)
  p.stats.dropped += count
  p.wire -= count
  if (isFetch(sim, e)) p.pipeline.addFetching(sim.now, -1)
  return { kind: 'applied' }
}

/**
 * A copy of the held message arrives now, logged as the network's duplicate (sent when the
 * message was, so a partition since then blocks it as it would the original); the message stays
 * held.
 */
export function duplicateHeld(sim: Simulation, id: number): InterventionOutcome {
  const e = sim.held.find(id)
  if (!e) return { kind: 'no-op', reason: sim.held.missing(id) }
  const p = sim.projections[e.p] as Projection
  const log = sim.log
  const [first, count] = sends(sim, e)
  const copy = log.sends
  for (let send = first; send < first + count; send++) {
    const c = sim.logSend(log.position.at(send), e.p, KIND.duplicate)
    log.sentAt.set(c, log.sentAt.at(send))
  }
  p.wire += count
  if (isFetch(sim, e)) p.pipeline.addFetching(sim.now, 1)
  arrive(sim, e.k, e.p, e.k === K.Arrive ? copy : e.a, copy)
  return { kind: 'applied' }
}

/** The held messages, oldest first, as plain data. */
export function heldMessages(sim: Simulation): HeldMessage[] {
  const log = sim.log
  const requests = sim.network.exchange.log
  return sim.held.list().map((e) => {
    const [first, count] = sends(sim, e)
    const positions: number[] = []
    for (let send = first; send < first + count; send++) positions.push(log.position.at(send))
    const answer = e.k === K.Response
    const purpose = answer ? (requests.purpose[requests.answerRequest[e.a] as number] ?? 0) : -1
    return {
      id: e.id,
      projection: sim.projections[e.p]?.id ?? '?',
      kind: answer ? 'answer' : 'push',
      positions,
      sentAt: log.sentAt.at(first),
      copy: KINDS[log.kind.at(first)] ?? 'first',
      purpose: answer ? (PURPOSES[purpose] ?? 'poll') : null,
    }
  })
}

/** The copies a message carries: its first send and how many. */
function sends(sim: Simulation, e: HeldEntry): [first: number, count: number] {
  if (e.k === K.Arrive) return [e.a, 1]
  return [e.b, sim.network.exchange.log.answerCount[e.a] as number]
}

function isFetch(sim: Simulation, e: HeldEntry): boolean {
  if (e.k !== K.Response) return false
  const requests = sim.network.exchange.log
  return requests.purpose[requests.answerRequest[e.a] as number] === PURPOSE.fetch
}

/** Hands the message to the network as if the heap had just given it out. */
function arrive(sim: Simulation, k: HeldEntry['k'], p: number, a: number, b: number): void {
  const item = emptyItem()
  item.t = sim.now
  item.k = k
  item.p = p
  item.a = a
  item.b = b
  sim.network.dispatch(item)
}

/** A copy that arrived at a projection, as the state layer sees it. */
export interface ArrivalView {
  readonly position: number
  readonly copy: DeliveryKind
  readonly outcome: DeliveryOutcome
  readonly at: number
}

/**
 * The last `limit` copies that arrived at each projection (by projection index), oldest first:
 * the order a learner delivered them in. Looks back over at most `scan` arrivals, so a long run
 * costs no more than a short one.
 */
export function recentArrivals(sim: Simulation, limit: number, scan = 10_000): ArrivalView[][] {
  const log = sim.log
  const out = sim.projections.map((): ArrivalView[] => [])
  let full = 0
  const stop = Math.max(0, log.arrivals - scan)
  for (let j = log.arrivals - 1; j >= stop && full < out.length; j--) {
    const send = log.arrivedSend.at(j)
    const list = out[log.projection.at(send)]
    if (!list || list.length >= limit) continue
    list.push({
      position: log.position.at(send),
      copy: KINDS[log.kind.at(send)] ?? 'first',
      outcome: OUTCOMES[log.outcome.at(j)] ?? 'applied',
      at: log.arrivedAt.at(j),
    })
    if (list.length === limit) full++
  }
  for (const list of out) list.reverse()
  return out
}
