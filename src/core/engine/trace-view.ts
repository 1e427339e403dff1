import type { Intervention } from '../scenario/interventions'
import type { Scenario } from '../scenario/schema'
import type { EventData, Row } from '../events'
import type { SimTime } from '../time'
import type { Anomaly } from './anomaly'
import { findAnomalies } from './checker'
import { PURPOSE } from './exchange'
import {
  DROP_REASONS,
  KINDS,
  OUTCOME,
  OUTCOMES,
  type DeliveryKind,
  type DeliveryOutcome,
  type DropReason,
} from './log'
import { seriesRecord, type SeriesRecord } from './series-record'
import type { Rejection, Simulation } from './simulation'

/**
 * What the timelines draw, as plain data read from a simulation at its current instant: every
 * append, every copy sent with what became of it, every poll, read, fault window and anomaly, and
 * each projection's lag and divergence over time. Nothing in it is made up for the picture: each
 * field is read from the engine's own logs, so a mark on screen is a fact of the run.
 *
 * It covers the run up to `now` (the simulation is wherever the time controls put it), so a
 * timeline drawn from it grows as the run plays and shrinks when it is scrubbed back.
 */
export interface TraceView {
  readonly now: SimTime
  /** The run's scenario and what the learner did to it (for the theory curves' assumptions). */
  readonly scenario: Scenario
  readonly interventions: readonly Intervention[]
  /** Projection ids, in scenario order; the `projection` fields below index into it. */
  readonly projections: readonly string[]
  readonly events: readonly TraceEvent[]
  readonly deliveries: readonly TraceDelivery[]
  readonly polls: readonly TracePoll[]
  readonly reads: readonly TraceRead[]
  readonly windows: readonly TraceWindow[]
  readonly anomalies: readonly Anomaly[]
  /** Commands the write model refused so far, with the reason. */
  readonly rejected: readonly Rejection[]
  /** Per projection (same order): lag and divergence over time, and when it converged. */
  readonly series: readonly SeriesRecord[]
  readonly convergedAt: readonly (SimTime | null)[]
}

export interface TraceEvent {
  readonly position: number
  readonly stream: string
  /** The read-model key it updates. */
  readonly key: string
  readonly data: EventData
  readonly type: string
  readonly at: SimTime
}

/** One copy of an event sent to one projection, and what became of it. */
export interface TraceDelivery {
  /** The copy's number in the run (its index in the delivery log): an id stable across frames. */
  readonly send: number
  readonly position: number
  readonly projection: number
  readonly sentAt: SimTime
  /** When it reached the projection, or null (lost on the way, or still in flight). */
  readonly arrivedAt: SimTime | null
  /** When it was lost on the way (dropped by the link), if it was. */
  readonly lostAt: SimTime | null
  readonly kind: DeliveryKind
  readonly outcome: DeliveryOutcome
  readonly reason: DropReason | null
  /** A buffered copy: when it was finally applied. */
  readonly appliedAt: SimTime | null
  /**
   * It was the first copy of its position to arrive, and a later position had arrived before it:
   * its arrow crosses that one. The same rule as the projection's `outOfOrder` count.
   */
  readonly outOfOrder: boolean
}

/** A pull subscriber asking the store for what is new, and when the store answered. */
export interface TracePoll {
  readonly projection: number
  readonly sentAt: SimTime
  readonly answeredAt: SimTime | null
  /** Events in the answer (0 for an empty one), null while unanswered. */
  readonly count: number | null
}

export interface TraceRead {
  /** The read's place in the scenario's `reads`, or -1 (a command's read or a query by hand). */
  readonly index: number
  /** The command this read decided, or -1. */
  readonly command: number
  readonly projection: number
  readonly at: SimTime
  readonly answeredAt: SimTime
  readonly key: string
  readonly mode: string
  readonly client: string | null
  /** The answer: the row as the projection served it, null for "not found". */
  readonly value: Row | null
  readonly fresh: boolean
  /** Messages sent over the link to answer it (what a stronger read mode costs). */
  readonly cost: number
  readonly timedOut: boolean
  readonly repaired: boolean
}

/** A stretch of time a projection could not be reached or could not work. */
export interface TraceWindow {
  readonly projection: number
  readonly kind: 'partition' | 'down'
  readonly from: SimTime
  /** The end, or null while it lasts. */
  readonly to: SimTime | null
}

export function traceView(sim: Simulation): TraceView {
  const index = new Map(sim.projections.map((p, i) => [p.id, i]))
  const events = sim.store.readAfter(0, sim.head()).map((e) => ({
    position: e.position,
    stream: e.stream,
    key: sim.domain.keyOf(e),
    data: e.data,
    type: e.type,
    at: e.at,
  }))
  return {
    now: sim.now,
    scenario: sim.scenario,
    interventions: sim.interventions.slice(0, sim.cursor),
    projections: sim.projections.map((p) => p.id),
    events,
    deliveries: deliveries(sim),
    polls: polls(sim),
    reads: [...sim.readRecords()]
      .sort((a, b) => a.at - b.at || a.index - b.index)
      .map((r) => ({
        index: r.index,
        command: r.command,
        projection: index.get(r.projection) ?? -1,
        at: r.at,
        answeredAt: r.answeredAt,
        key: r.key,
        mode: r.mode,
        client: r.client,
        value: r.value,
        fresh: r.fresh,
        cost: r.cost,
        timedOut: r.timedOut,
        repaired: r.repaired,
      })),
    windows: windows(sim),
    anomalies: findAnomalies(sim),
    rejected: [...sim.rejected],
    series: sim.projections.map((p) => seriesRecord(p.measures.series, p.pipeline)),
    convergedAt: sim.projections.map((p) => p.measures.series.convergedAt()),
  }
}

function deliveries(sim: Simulation): TraceDelivery[] {
  const log = sim.log
  const drainedAt = new Map<number, number>()
  for (let j = 0; j < log.drainedSend.length; j++)
    drainedAt.set(log.drainedSend.at(j), log.drainedAt.at(j))
  // Out of order, as the projection counts it: in arrival order, the first copy of a position
  // that reaches the handler while a later position already has.
  const outOfOrder = new Set<number>()
  const maxArrived = sim.projections.map(() => 0)
  const seen = sim.projections.map(() => new Set<number>())
  for (let j = 0; j < log.arrivals; j++) {
    if (log.outcome.at(j) === OUTCOME.dropped) continue
    const d = log.arrivedSend.at(j)
    const p = log.projection.at(d)
    const position = log.position.at(d)
    const first = seen[p] as Set<number>
    if (first.has(position)) continue
    first.add(position)
    if (position < (maxArrived[p] as number)) outOfOrder.add(d)
    maxArrived[p] = Math.max(maxArrived[p] as number, position)
  }
  const out: TraceDelivery[] = []
  for (let d = 0; d < log.sends; d++) {
    const arrival = log.arrivalOf.at(d)
    const lostAt = log.lostAt.at(d)
    const lost = !Number.isNaN(lostAt)
    const outcome: DeliveryOutcome =
      arrival >= 0
        ? (OUTCOMES[log.outcome.at(arrival)] as DeliveryOutcome)
        : lost
          ? 'dropped'
          : 'in-flight'
    out.push({
      send: d,
      position: log.position.at(d),
      projection: log.projection.at(d),
      sentAt: log.sentAt.at(d),
      arrivedAt: arrival >= 0 ? log.arrivedAt.at(arrival) : null,
      lostAt: lost ? lostAt : null,
      kind: KINDS[log.kind.at(d)] as DeliveryKind,
      outcome,
      reason:
        outcome !== 'dropped'
          ? null
          : arrival >= 0
            ? (DROP_REASONS[log.dropReason.at(arrival)] ?? null)
            : 'loss',
      appliedAt: drainedAt.get(d) ?? null,
      outOfOrder: outOfOrder.has(d),
    })
  }
  return out
}

function polls(sim: Simulation): TracePoll[] {
  const log = sim.network.exchange.log
  const answers = new Map<number, { at: number; count: number }>()
  for (let a = 0; a < log.answerRequest.length; a++)
    answers.set(log.answerRequest[a] as number, {
      at: log.answeredAt[a] as number,
      count: log.answerCount[a] as number,
    })
  const out: TracePoll[] = []
  for (let i = 0; i < log.projection.length; i++) {
    if (log.purpose[i] !== PURPOSE.poll) continue
    const answer = answers.get(i)
    out.push({
      projection: log.projection[i] as number,
      sentAt: log.sentAt[i] as number,
      answeredAt: answer?.at ?? null,
      count: answer?.count ?? null,
    })
  }
  return out
}

function windows(sim: Simulation): TraceWindow[] {
  const out: TraceWindow[] = []
  const now = sim.now
  sim.projections.forEach((p, i) => {
    const add = (kind: TraceWindow['kind'], from: number, to: number) => {
      if (from > now) return
      out.push({ projection: i, kind, from, to: to > now ? null : to })
    }
    for (const w of p.link.partitions) add('partition', w.from, w.to)
    for (const w of p.downs) add('down', w.from, w.to)
  })
  return out.sort((a, b) => a.from - b.from || a.projection - b.projection)
}
