import type {
  AppliedIntervention,
  LinkSpec,
  ProjectionSpec,
  ReadRecord,
  Row,
  StoredEvent,
} from '../core'
import { buildLearnerFrame, type LearnerFrame } from './held-frame'
import type { Fork, Player, PlayMode } from './player'

/**
 * What the playground shows of a run at the instant on screen, as plain data: built from the
 * Player after each slice of work (never per engine step), so components render it without
 * touching the engine.
 */
export interface Frame extends LearnerFrame {
  /** Simulated ms of the state shown. */
  readonly now: number
  readonly steps: number
  /** How far the run is computed under the current interventions. */
  readonly frontier: number
  /** Where the run ends (once known) or may end at the latest: the scrubber's range. */
  readonly end: number
  readonly endKnown: boolean
  /** The state shown is the end of the run. */
  readonly ended: boolean
  readonly endReason: string | null
  readonly mode: PlayMode
  readonly speed: number
  readonly canStepBack: boolean
  readonly canUndo: boolean
  readonly canRedo: boolean
  readonly fork: Fork | null
  /** The store's head: the last position appended. */
  readonly head: number
  /** Events committed to IndexedDB, null for a run in memory. */
  readonly saved: number | null
  readonly domain: string
  /** Keys with a row in the truth or in any read model. */
  readonly keys: number
  readonly projections: readonly ProjectionFrame[]
  /** Every intervention of the run, applied or still to come (after the time shown). */
  readonly interventions: readonly InterventionFrame[]
  /** The newest events, newest first. */
  readonly recent: readonly StoredEvent[]
  // LearnerFrame (held-frame.ts): `holding`, `held`, `heldMore` and `arrivals`, for the learner
  // who plays the network.
}

export type ServiceStatus =
  | 'running'
  | 'partitioned'
  | 'crashed'
  | 'crashed and partitioned'
  | 'rebuilding'
  | 'rebuilding and partitioned'

export interface ProjectionFrame {
  readonly id: string
  readonly handler: string
  readonly delivery: ProjectionSpec['delivery']
  readonly link: LinkSpec
  readonly status: ServiceStatus
  readonly partitioned: boolean
  readonly crashed: boolean
  /** Reading the store to rebuild its rows (deliveries wait until it is done). */
  readonly rebuilding: boolean
  readonly checkpoint: number
  /** Events appended and not applied here yet. */
  readonly behindEvents: number
  /** Age of the oldest of them, 0 when caught up. */
  readonly behindMs: number
  /** Copies of events on the wire to this projection. */
  readonly inFlight: number
  /** Copies held back by an ordered handler, waiting for a gap. */
  readonly buffered: number
  readonly delivered: number
  readonly applied: number
  readonly duplicates: number
  readonly dropped: number
  readonly skipped: number
  /** Rows that differ from the truth. */
  readonly divergent: number
  /** Rows beside the truth, differing ones first, at most ROW_LIMIT. */
  readonly rows: readonly RowFrame[]
  /** Rows left out of `rows`. */
  readonly moreRows: number
}

export interface RowFrame {
  readonly key: string
  readonly local: Row | null
  readonly truth: Row | null
  readonly differs: boolean
}

export interface InterventionFrame {
  readonly index: number
  readonly intervention: AppliedIntervention
  /** Applied in the state shown (false: later than the time shown). */
  readonly applied: boolean
  /** A query's answer, once it came. */
  readonly answer: ReadRecord | null
}

export const ROW_LIMIT = 40
const RECENT = 8

export function buildFrame(player: Player): Frame {
  const sim = player.sim
  const keys = sim.keys.size
  const answers = new Map<number, ReadRecord>()
  for (const r of sim.readRecords())
    if (r.intervention !== undefined) answers.set(r.intervention, r)
  const head = sim.head()
  const recent: StoredEvent[] = []
  for (let pos = head; pos > 0 && pos > head - RECENT; pos--) recent.push(sim.event(pos))
  const endKnown = player.endedAt !== null
  return {
    now: sim.now,
    steps: sim.steps,
    frontier: player.frontier,
    // Before the end is known, the scrubber spans the command window (a run usually settles soon
    // after it) or what was computed; seeking past it computes on.
    end: player.endedAt ?? Math.max(sim.scenario.until, player.frontier, sim.now),
    endKnown,
    ended: sim.done,
    endReason: sim.done ? sim.endReason : null,
    mode: player.mode,
    speed: player.speed,
    canStepBack: player.canStepBack,
    canUndo: player.canUndo,
    canRedo: player.canRedo,
    fork: player.lastFork,
    head,
    saved: player.savedHead,
    domain: sim.scenario.domain,
    keys,
    projections: sim.projections.map((p) => {
      const partitioned = p.link.partitionedAt(sim.now)
      const rebuilding = p.rebuilding !== null
      const crashed = p.downAt(sim.now) && !rebuilding
      const rows: RowFrame[] = []
      const same: RowFrame[] = []
      let present = 0
      for (let id = 0; id < keys; id++) {
        const local = p.rows[id] ?? null
        const truth = sim.truthRows[id] ?? null
        if (local === null && truth === null) continue
        present++
        const differs = p.measures.differsAt(id)
        const list = differs ? rows : same
        if (rows.length + same.length < ROW_LIMIT || differs)
          list.push({ key: sim.keys.name(id), local, truth, differs })
      }
      const shown = rows.concat(same).slice(0, ROW_LIMIT)
      return {
        id: p.id,
        handler: p.spec.handler,
        delivery: p.spec.delivery,
        link: p.link.spec,
        status: statusOf(crashed, rebuilding, partitioned),
        partitioned,
        crashed,
        rebuilding,
        checkpoint: p.checkpoint,
        behindEvents: p.measures.behind(),
        behindMs: p.measures.lagMs(sim.now),
        inFlight: p.wire,
        buffered: p.handler.buffered(),
        delivered: p.stats.delivered,
        applied: p.stats.applied,
        duplicates: p.stats.duplicates,
        dropped: p.stats.dropped,
        skipped: p.stats.skipped,
        divergent: p.measures.divergentCount(),
        rows: shown,
        moreRows: present - shown.length,
      }
    }),
    interventions: sim.interventions.map((iv, index) => ({
      index,
      intervention: { ...iv, outcome: sim.outcomes[index] ?? null },
      applied: index < sim.cursor,
      answer: answers.get(index) ?? null,
    })),
    recent,
    ...buildLearnerFrame(sim),
  }
}

function statusOf(crashed: boolean, rebuilding: boolean, partitioned: boolean): ServiceStatus {
  const base = crashed ? 'crashed' : rebuilding ? 'rebuilding' : 'running'
  if (!partitioned) return base
  return base === 'running' ? 'partitioned' : `${base} and partitioned`
}
