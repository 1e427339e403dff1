import type { Row } from '../events'
import { rowsEqual } from '../events'
import { describeRow, label, type Anomaly } from './anomaly'
import type { Finding } from './order-check'
import type { Projection } from './projection'
import type { ReadRecord } from './reads'
import type { Simulation } from './simulation'

/**
 * The anomalies of a run, in time order: those found while it ran (order and duplicate effects,
 * resurrections, decisions on stale data) and those read off its records (stale reads, session
 * guarantees, lost events, divergence at the end). Every entry names its evidence.
 */
export function findAnomalies(sim: Simulation): Anomaly[] {
  const found = [...sim.anomalies]
  for (const p of sim.projections) for (const f of p.findings) found.push(explainFinding(sim, p, f))
  const reads = sim.readRecords()
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
  // The newer events of the stream that had been applied when the late one overwrote them.
  const newer = sim.store
    .readStream(e.stream)
    .slice(e.version)
    .filter((n) => p.measures.firstApplied.get(n.position) <= f.at)
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
  const why =
    missing.length > 0
      ? `; ${missing.map((e) => label(e.type, e.position)).join(', ')} had not reached it`
      : ''
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

/** Events of the key's stream appended before the read answered and not applied by then. */
function missingEvents(sim: Simulation, r: ReadRecord) {
  const p = sim.projections[sim.projectionIndex(r.projection)] as Projection
  const head = sim.reads.headsOf(r).answered
  return sim.store
    .readStream(sim.domain.streamOf(r.key))
    .filter((e) => e.position <= head && !(p.measures.firstApplied.get(e.position) <= r.answeredAt))
}

/** The true row of a key when the store's head was `head`: its stream folded up to there. */
function rowAt(sim: Simulation, key: string, head: number): Row | undefined {
  let row: Row | undefined
  for (const e of sim.store.readStream(sim.domain.streamOf(key)))
    if (e.position <= head) row = sim.domain.evolve(row, e)
  return row
}

/**
 * Session guarantees per client: a read must show the client's own last write to that key
 * (read your writes), and must not show an older state of a key than an earlier read did
 * (monotonic reads). A state's age is the newest stream version whose fold it equals.
 */
function sessionViolations(sim: Simulation, reads: readonly ReadRecord[]): Anomaly[] {
  const out: Anomaly[] = []
  const seen = new Map<string, { version: number; read: ReadRecord }>()
  const ordered = [...reads]
    .filter((r) => r.client !== null)
    .sort((a, b) => a.answeredAt - b.answeredAt)
  for (const r of ordered) {
    const stream = sim.store.readStream(sim.domain.streamOf(r.key))
    const { issued, answered } = sim.reads.headsOf(r)
    const own = stream.filter((e) => e.position <= issued && sim.writerOf(e.position) === r.client)
    const mine = own[own.length - 1]
    const p = sim.projections[sim.projectionIndex(r.projection)] as Projection
    if (mine && !(p.measures.firstApplied.get(mine.position) <= r.answeredAt) && !r.fresh)
      out.push({
        type: 'read-your-writes-violation',
        projection: r.projection,
        key: r.key,
        at: r.answeredAt,
        positions: [mine.position],
        explanation: `${r.client} wrote ${label(mine.type, mine.position)} and then read ${r.key} from ${r.projection} without seeing it.`,
        rows: { local: r.value, truth: rowAt(sim, r.key, answered) ?? null },
      })
    const version = observedVersion(sim, stream, r.value)
    const sessionKey = `${r.client}\u0000${r.key}`
    const before = seen.get(sessionKey)
    if (before && version !== null && version < before.version)
      out.push({
        type: 'monotonic-read-violation',
        projection: r.projection,
        key: r.key,
        at: r.answeredAt,
        positions: [],
        explanation: `${r.client} read ${r.key} as of version ${before.version} from ${before.read.projection}, then an older state (version ${version}) from ${r.projection}.`,
        rows: { local: r.value, truth: before.read.value },
      })
    if (version !== null && (!before || version > before.version))
      seen.set(sessionKey, { version, read: r })
  }
  return out
}

function observedVersion(
  sim: Simulation,
  stream: ReturnType<Simulation['store']['readStream']>,
  value: Row | null,
): number | null {
  let row: Row | undefined
  let found: number | null = value === null ? 0 : null
  for (const e of stream) {
    row = sim.domain.evolve(row, e)
    if (rowsEqual(row, value ?? undefined)) found = e.version
  }
  return found
}

function lostEvents(sim: Simulation, p: Projection): Anomaly[] {
  const out: Anomaly[] = []
  const end = sim.endedAt ?? sim.now
  for (let pos = 1; pos <= sim.head(); pos++) {
    if (p.measures.firstApplied.has(pos)) continue
    const e = sim.event(pos)
    out.push({
      type: 'lost-event',
      projection: p.id,
      key: sim.keys.name(sim.keyAt(pos)),
      at: end,
      positions: [pos],
      explanation: `${label(e.type, pos)} never reached ${p.id}: every copy sent was lost and nothing sent it again.`,
    })
  }
  return out
}

function divergence(sim: Simulation, p: Projection): Anomaly | null {
  if (p.measures.divergentCount() === 0) return null
  const keys: string[] = []
  for (let id = 0; id < sim.keys.size; id++)
    if (p.measures.differsAt(id)) keys.push(sim.keys.name(id))
  keys.sort()
  const shown =
    keys.slice(0, 5).join(', ') + (keys.length > 5 ? ` and ${keys.length - 5} more` : '')
  return {
    type: 'diverged',
    projection: p.id,
    key: keys.length === 1 ? (keys[0] as string) : null,
    at: sim.endedAt ?? sim.now,
    positions: [],
    explanation: `${p.id} still differs from the truth when the run ends, in ${keys.length} row${keys.length === 1 ? '' : 's'}: ${shown}.`,
    keys,
  }
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'An' : 'A'
}
