import type { StoredEvent } from '../events'
import { describeRow, label, type Anomaly } from './anomaly'
import { labels, missingEvents, rowAt } from './evidence'
import { lostEvents } from './lost-events'
import type { Finding } from './order-check'
import type { Projection } from './projection'
import type { ReadRecord } from './reads'
import { sessionViolations } from './sessions'
import type { Simulation } from './simulation'

/** How many differing rows a `diverged` entry shows; `keys` still lists them all. */
export const MAX_DIFFERENCES = 20

/**
 * The anomalies of a run, in time order: those found while it ran (order and duplicate effects,
 * resurrections, decisions on stale data) and those read off its records (stale reads, session
 * guarantees, lost events, divergence at the end). Every entry names its evidence.
 */
export function findAnomalies(sim: Simulation): Anomaly[] {
  const reads = sim.readRecords()
  const found = sim.anomalies.map((a) => withDecisionEvidence(sim, a, reads))
  for (const p of sim.projections) for (const f of p.findings) found.push(explainFinding(sim, p, f))
  for (const r of reads) if (!r.fresh) found.push(staleRead(sim, r))
  found.push(...sessionViolations(sim, reads))
  for (const p of sim.projections) {
    found.push(...lostEvents(sim, p))
    const diverged = divergence(sim, p)
    if (diverged) found.push(diverged)
  }
  return found.sort((a, b) => a.at - b.at)
}

function explainFinding(sim: Simulation, p: Projection, f: Finding): Anomaly {
  const key = sim.keys.name(f.key)
  const e = sim.event(f.position)
  const what = label(e.type, e.position)
  const base = {
    type: f.type,
    projection: p.id,
    key,
    at: f.at,
    rows: { local: f.local, truth: f.truth },
  }
  if (f.type === 'resurrection')
    return {
      ...base,
      positions: [f.position],
      explanation: `${what} arrived after ${key} was deleted and brought the row back.`,
    }
  if (f.type === 'duplicate-effect')
    return {
      ...base,
      positions: [f.position],
      explanation: `${what} arrived again and was applied twice: ${key} became ${describeRow(f.local)} instead of ${describeRow(f.truth)}.`,
    }
  // The newer events of the stream that had been applied when the late one overwrote them. An
  // event appended after that moment cannot have been applied by then, and the stream is in
  // append order, so the walk stops there: a finished 100k run explains ~16k findings on streams
  // of ~200 events, and filtering each whole tail took most of buildResult.
  const stream = sim.store.readStream(e.stream)
  const newer: StoredEvent[] = []
  for (let i = e.version; i < stream.length; i++) {
    const n = stream[i] as StoredEvent
    if (n.at > f.at) break
    if (p.measures.firstApplied.get(n.position) <= f.at) newer.push(n)
  }
  const last = newer[newer.length - 1]
  const newerLabel = last ? label(last.type, last.position) : 'a newer event'
  return {
    ...base,
    positions: [f.position, ...newer.map((n) => n.position)],
    explanation: `${newerLabel} arrived before ${what}; applied in that order, they left ${key} as ${describeRow(f.local)} instead of ${describeRow(f.truth)}.`,
  }
}

function staleRead(sim: Simulation, r: ReadRecord): Anomaly {
  const truth = rowAt(sim, r.key, sim.reads.headsOf(r).answered)
  const missing = missingEvents(sim, r)
  const why = missing.length > 0 ? `; ${labels(missing)} had not reached it` : ''
  return {
    type: 'stale-read',
    projection: r.projection,
    key: r.key,
    at: r.answeredAt,
    positions: missing.map((e) => e.position),
    explanation: `${article(r.mode)} ${r.mode} read of ${r.key} from ${r.projection} returned ${describeRow(r.value)}, but the store had ${describeRow(truth)}${why}.`,
    rows: { local: r.value, truth: truth ?? null },
  }
}

/**
 * A decision on stale data is found on the write side as the command is decided; its evidence,
 * the events of the stream the read had not applied, is named here with the read's records.
 */
function withDecisionEvidence(sim: Simulation, a: Anomaly, reads: readonly ReadRecord[]): Anomaly {
  if (a.type !== 'decision-on-stale-data' || a.positions.length > 0) return a
  const read = reads.find(
    (r) =>
      r.command >= 0 && r.answeredAt === a.at && r.key === a.key && r.projection === a.projection,
  )
  const missing = read ? missingEvents(sim, read) : []
  if (missing.length === 0) return a
  return {
    ...a,
    positions: missing.map((e) => e.position),
    explanation: `${a.explanation.replace(/[.:\s]+$/, '')} (${labels(missing)} had not reached ${a.projection}).`,
  }
}

function divergence(sim: Simulation, p: Projection): Anomaly | null {
  if (p.measures.divergentCount() === 0) return null
  const ids: number[] = []
  for (let id = 0; id < sim.keys.size; id++) if (p.measures.differsAt(id)) ids.push(id)
  const named = ids.map((id) => ({ id, key: sim.keys.name(id) }))
  named.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  const keys = named.map((k) => k.key)
  const shown =
    keys.slice(0, 5).join(', ') + (keys.length > 5 ? ` and ${keys.length - 5} more` : '')
  const differences = named.slice(0, MAX_DIFFERENCES).map(({ id, key }) => ({
    key,
    local: p.rows[id] ?? null,
    truth: sim.truthRows[id] ?? null,
  }))
  const only = differences.length === 1 ? differences[0] : undefined
  return {
    type: 'diverged',
    projection: p.id,
    key: only ? only.key : null,
    at: sim.endedAt ?? sim.now,
    positions: [],
    explanation: `${p.id} still differs from the truth when the run ends, in ${keys.length} row${keys.length === 1 ? '' : 's'}: ${shown}.`,
    ...(only ? { rows: { local: only.local, truth: only.truth } } : {}),
    keys,
    differences,
  }
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'An' : 'A'
}
