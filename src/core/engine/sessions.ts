import { rowsEqual, type Row, type StoredEvent } from '../events'
import { label, type Anomaly } from './anomaly'
import { projectionOf, rowAt } from './evidence'
import type { ReadRecord } from './reads'
import type { Simulation } from './simulation'

/**
 * Session guarantees per client: a read must show the client's own last write to that key
 * (read your writes), and must not show an older state of a key than an earlier read did
 * (monotonic reads). A state's age is the newest stream version whose fold it equals.
 */
export function sessionViolations(sim: Simulation, reads: readonly ReadRecord[]): Anomaly[] {
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
    const p = projectionOf(sim, r.projection)
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
    if (before && version !== null && version < before.version) {
      // The events whose versions the two reads showed: the later read's first, then the earlier.
      const now = stream[version - 1]
      const then = stream[before.version - 1]
      out.push({
        type: 'monotonic-read-violation',
        projection: r.projection,
        key: r.key,
        at: r.answeredAt,
        positions: [now, then].flatMap((e) => (e ? [e.position] : [])),
        explanation: `${r.client} read ${r.key} as of version ${before.version}${then ? ` (${label(then.type, then.position)})` : ''} from ${before.read.projection}, then an older state (version ${version}${named(now)}) from ${r.projection}.`,
        rows: { local: r.value, truth: before.read.value },
      })
    }
    if (version !== null && (!before || version > before.version))
      seen.set(sessionKey, { version, read: r })
  }
  return out
}

function named(e: StoredEvent | undefined): string {
  return e ? `, ${label(e.type, e.position)}` : ''
}

function observedVersion(
  sim: Simulation,
  stream: readonly StoredEvent[],
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
