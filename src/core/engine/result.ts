import type { Row, StoredEvent } from '../events'
import { TraceHasher } from '../hash'
import type { KeyTable } from '../keys'
import {
  DROP_REASONS,
  KINDS,
  OUTCOMES,
  type DeliveryKind,
  type DeliveryOutcome,
  type DropReason,
} from './log'
import type { Projection, ProjectionStats } from './projection'
import type { Anomaly } from './anomaly'
import { findAnomalies } from './checker'
import type { InterventionOutcome } from './interventions'
import type { ReadRecord } from './reads'
import type { Intervention } from '../scenario/interventions'
import type { EndReason, Rejection, Simulation } from './simulation'
import { seriesRecord, type SeriesRecord } from './series-record'
import { summarize, type Distribution5 } from './summary'

export const RESULT_FORMAT = 'eventually.result/v1'

export interface DeliveryRecord {
  readonly position: number
  readonly projection: string
  readonly sentAt: number
  readonly arrivedAt: number | null
  readonly kind: DeliveryKind
  readonly outcome: DeliveryOutcome
  readonly reason?: DropReason
  /** For a buffered copy: when the handler applied it, once the gap before it filled. */
  readonly appliedAt?: number
}

export type { SeriesRecord } from './series-record'

/** An ordered handler's waiting: copies in its buffer and gap fetches on the wire. */
export interface PendingRecord {
  /** At the end of the run (or now, for a run still going). */
  readonly buffered: number
  readonly fetching: number
  /** The most at any one time. */
  readonly peakBuffered: number
  readonly peakFetching: number
}

export interface ProjectionResult {
  readonly state: Record<string, Row>
  readonly consistent: boolean
  readonly convergedAt: number | null
  readonly checkpoint: number
  readonly stats: ProjectionStats
  readonly visibility: Distribution5 | null
  readonly lag: { readonly maxEvents: number; readonly maxMs: number }
  /** The handler's bookkeeping: the most entries its dedupe set and buffer held at once. */
  readonly memory: { readonly peakEntries: number }
  readonly pending: PendingRecord
  readonly series?: SeriesRecord
}

export interface Result {
  readonly format: typeof RESULT_FORMAT
  readonly name: string
  readonly seed: number
  readonly domain: string
  readonly ended: { readonly at: number; readonly reason: EndReason | 'running' }
  readonly events: readonly StoredEvent[]
  readonly rejected: readonly Rejection[]
  readonly truth: Record<string, Row>
  readonly projections: Record<string, ProjectionResult>
  readonly reads: readonly ReadRecord[]
  readonly anomalies: readonly Anomaly[]
  readonly deliveries?: readonly DeliveryRecord[]
  /** What the learner did, with what became of it; only in runs with interventions. */
  readonly interventions?: readonly AppliedIntervention[]
  readonly traceHash: string
}

export type AppliedIntervention = Intervention & { readonly outcome: InterventionOutcome | null }

/** The result of a run as plain JSON-ready data. With `trace`, every delivery and series too. */
export function buildResult(sim: Simulation, options: { trace?: boolean } = {}): Result {
  const events = sim.store.readAfter(0, sim.head())
  const projections: Record<string, ProjectionResult> = {}
  for (const p of sim.projections)
    projections[p.id] = projectionResult(sim, p, options.trace ?? false)
  return {
    format: RESULT_FORMAT,
    name: sim.scenario.name,
    seed: sim.scenario.seed,
    domain: sim.scenario.domain,
    ended: { at: sim.endedAt ?? sim.now, reason: sim.endReason ?? 'running' },
    events,
    rejected: sim.rejected,
    truth: sortedObject(sim.keys, sim.truthRows),
    projections,
    reads: [...sim.readRecords()].sort((a, b) => a.at - b.at || a.index - b.index),
    anomalies: findAnomalies(sim),
    ...(options.trace ? { deliveries: deliveries(sim) } : {}),
    ...(sim.interventions.length > 0
      ? {
          interventions: sim.interventions.map((iv, i) => ({
            ...iv,
            outcome: sim.outcomes[i] ?? null,
          })),
        }
      : {}),
    traceHash: traceHash(sim, events),
  }
}

function projectionResult(sim: Simulation, p: Projection, trace: boolean): ProjectionResult {
  const end = sim.endedAt ?? sim.now
  const visibility = visibilityTimes(sim, p)
  const s = p.measures.series
  return {
    state: sortedObject(sim.keys, p.rows),
    consistent: p.measures.divergentCount() === 0,
    convergedAt: s.convergedAt(),
    checkpoint: p.checkpoint,
    stats: { ...p.stats },
    visibility: summarize(visibility),
    memory: { peakEntries: p.peakMemory },
    lag: { maxEvents: s.maxBehind(), maxMs: Math.round(s.maxLagMs(end) * 1000) / 1000 },
    pending: {
      buffered: p.pipeline.bufferedNow,
      fetching: p.pipeline.fetchingNow,
      peakBuffered: p.pipeline.peakBuffered,
      peakFetching: p.pipeline.peakFetching,
    },
    ...(trace ? { series: seriesRecord(s, p.pipeline) } : {}),
  }
}

/**
 * Visibility time of each event a projection applied: from its append to its first application,
 * in position order. What the run's visibility summary is made of, and what a Monte Carlo
 * estimate pools over many seeds.
 */
export function visibilityTimes(sim: Simulation, p: Projection): number[] {
  const out: number[] = []
  for (let pos = 1; pos <= sim.head(); pos++) {
    const at = p.measures.firstApplied.get(pos)
    if (!Number.isNaN(at)) out.push(at - sim.appendedAt(pos))
  }
  return out
}

function deliveries(sim: Simulation): DeliveryRecord[] {
  const log = sim.log
  const out: DeliveryRecord[] = []
  const drainedAt = new Map<number, number>()
  for (let j = 0; j < log.drainedSend.length; j++)
    drainedAt.set(log.drainedSend.at(j), log.drainedAt.at(j))
  for (let d = 0; d < log.sends; d++) {
    const arrival = log.arrivalOf.at(d)
    const lost = !Number.isNaN(log.lostAt.at(d))
    const outcome =
      arrival >= 0
        ? (OUTCOMES[log.outcome.at(arrival)] as DeliveryOutcome)
        : lost
          ? 'dropped'
          : 'in-flight'
    const reason =
      arrival >= 0 ? DROP_REASONS[log.dropReason.at(arrival)] : lost ? 'loss' : undefined
    out.push({
      position: log.position.at(d),
      projection: sim.projections[log.projection.at(d)]?.id ?? '?',
      sentAt: log.sentAt.at(d),
      arrivedAt: arrival >= 0 ? log.arrivedAt.at(arrival) : null,
      kind: KINDS[log.kind.at(d)] as DeliveryKind,
      outcome,
      ...(outcome === 'dropped' && reason ? { reason } : {}),
      ...(drainedAt.has(d) ? { appliedAt: drainedAt.get(d) as number } : {}),
    })
  }
  return out
}

/** A hash of everything that happened, in the order it happened. */
function traceHash(sim: Simulation, events: readonly StoredEvent[]): string {
  const h = new TraceHasher()
  for (const e of events)
    h.num(e.position).str(e.stream).num(e.version).str(e.type).num(e.at).str(JSON.stringify(e.data))
  for (const r of sim.rejected) h.num(r.at).str(r.type).str(r.reason)
  const log = sim.log
  for (let d = 0; d < log.sends; d++)
    h.num(log.position.at(d))
      .num(log.projection.at(d))
      .num(log.sentAt.at(d))
      .num(log.kind.at(d))
      .num(log.lostAt.at(d))
  for (let j = 0; j < log.arrivals; j++)
    h.num(log.arrivedSend.at(j))
      .num(log.arrivedAt.at(j))
      .num(log.outcome.at(j))
      .num(log.dropReason.at(j))
  for (let j = 0; j < log.drainedSend.length; j++)
    h.num(log.drainedSend.at(j)).num(log.drainedAt.at(j))
  const requests = sim.network.exchange.log
  for (let i = 0; i < requests.size; i++)
    h.num(requests.projection[i] as number)
      .num(requests.sentAt[i] as number)
      .num(requests.purpose[i] as number)
      .num(requests.after[i] as number)
  for (const r of sim.readRecords())
    h.num(r.at)
      .num(r.answeredAt)
      .str(r.projection)
      .str(r.key)
      .str(JSON.stringify(r.value))
      .num(r.fresh ? 1 : 0)
      .num(r.cost)
  // Only runs with interventions hash them, so the hash of every other run stays as it was.
  // In a canonical form: an intervention made live and the same one read back from a link have
  // their keys in different orders, and are the same intervention.
  for (let i = 0; i < sim.cursor; i++)
    h.str(canonical(sim.interventions[i])).str(canonical(sim.outcomes[i]))
  h.num(sim.endedAt ?? sim.now)
  return h.hex()
}

/** Rows by key name, in key order, leaving out keys without a row. */
export function sortedObject(
  keys: KeyTable,
  rows: readonly (Row | undefined)[],
): Record<string, Row> {
  const present: [string, Row][] = []
  rows.forEach((row, id) => {
    if (row !== undefined) present.push([keys.name(id), row])
  })
  present.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
  return Object.fromEntries(present)
}

/** JSON with the keys of every object sorted: equal values give equal text. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`
  return JSON.stringify(value) ?? 'null'
}
