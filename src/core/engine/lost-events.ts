import { label, type Anomaly } from './anomaly'
import { DROP, OUTCOME } from './log'
import type { Projection } from './projection'
import type { Simulation } from './simulation'

/** What became of the copies of one event sent to one projection. */
interface Copies {
  sent: number
  lost: number
  partition: number
  crash: number
  onTheWire: number
  buffered: number
  /** Buffered copies a crash took out of the buffer before the gap filled. */
  crashedOut: number
  skipped: number
  scripted: boolean
}

/**
 * Events a projection never applied, each explained by its cause: an at-most-once copy lost for
 * good, a debt still owed when the run hit its bound or stalled (at-least-once push and pull go
 * on asking or sending), a copy waiting in a buffer behind a gap, or a copy the dedupe window
 * counted as seen after forgetting its gap.
 */
export function lostEvents(sim: Simulation, p: Projection): Anomaly[] {
  const missing = new Map<number, Copies>()
  for (let pos = 1; pos <= sim.head(); pos++)
    if (!p.measures.firstApplied.has(pos)) missing.set(pos, emptyCopies(p, pos))
  if (missing.size === 0) return []
  tally(sim, p, missing)
  const end = sim.endedAt ?? sim.now
  const out: Anomaly[] = []
  for (const [pos, copies] of missing) {
    const e = sim.event(pos)
    out.push({
      type: 'lost-event',
      projection: p.id,
      key: sim.keys.name(sim.keyAt(pos)),
      at: end,
      positions: [pos],
      explanation: `${label(e.type, pos)} ${cause(sim, p, copies)}.`,
    })
  }
  return out
}

function emptyCopies(p: Projection, pos: number): Copies {
  const scripted = p.spec.link.script?.some((s) => s.position === pos) ?? false
  return {
    sent: 0,
    lost: 0,
    partition: 0,
    crash: 0,
    onTheWire: 0,
    buffered: 0,
    crashedOut: 0,
    skipped: 0,
    scripted,
  }
}

/** One pass over the delivery log, counting only the copies of the missing events. */
function tally(sim: Simulation, p: Projection, missing: Map<number, Copies>): void {
  const log = sim.log
  const end = sim.endedAt ?? sim.now
  const drained = new Set<number>()
  for (let j = 0; j < log.drainedSend.length; j++) drained.add(log.drainedSend.at(j))
  for (let d = 0; d < log.sends; d++) {
    if (log.projection.at(d) !== p.index) continue
    const c = missing.get(log.position.at(d))
    if (!c) continue
    c.sent++
    const arrival = log.arrivalOf.at(d)
    if (arrival < 0) {
      if (Number.isNaN(log.lostAt.at(d))) c.onTheWire++
      else c.lost++
      continue
    }
    const reason = log.dropReason.at(arrival)
    if (reason === DROP.partition) c.partition++
    else if (reason === DROP.crash) c.crash++
    else if (reason === DROP.loss) c.lost++
    else if (log.outcome.at(arrival) !== OUTCOME.buffered || drained.has(d)) c.skipped++
    else if (crashedSince(p, log.arrivedAt.at(arrival), end)) c.crashedOut++
    else c.buffered++
  }
}

function crashedSince(p: Projection, t: number, end: number): boolean {
  return p.downs.some((w) => w.from >= t && w.from <= end)
}

function cause(sim: Simulation, p: Projection, c: Copies): string {
  const when = ending(sim)
  if (c.buffered > 0)
    return `reached ${p.id} but was still waiting in its buffer for the gap before it to fill ${when}`
  if (c.skipped > 0)
    return `reached ${p.id} but was skipped as already seen: its dedupe window had forgotten the gap it was in`
  const copies = copiesOf(c)
  const delivery = p.spec.delivery
  const once = delivery.mode === 'push' && delivery.guarantee === 'at-most-once'
  if (c.onTheWire === 0 && c.crashedOut === 0 && (once || c.scripted))
    return c.scripted
      ? `never reached ${p.id}: ${copies}, and a scripted copy is never sent again`
      : `never reached ${p.id} under at-most-once delivery: ${copies}, and nothing sends it again`
  const owed =
    delivery.mode === 'pull'
      ? 'the next poll would have asked for it again'
      : once
        ? 'nothing would have sent it again'
        : 'the publisher had no acknowledgement and would have sent it again'
  return `had not reached ${p.id} ${when}: ${copies}; ${owed}`
}

/** "its one copy was lost on the wire", "3 copies were sent (2 were lost on the wire and 1 …)" */
function copiesOf(c: Copies): string {
  const fates = (
    [
      [c.lost, 'lost on the wire'],
      [c.partition, 'refused during a partition'],
      [c.crash, 'refused while it was down'],
      [c.crashedOut, 'buffered and then lost in a crash'],
      [c.onTheWire, 'still on the wire'],
    ] as const
  ).filter(([n]) => n > 0)
  if (c.sent === 0) return 'no copy of it had been sent'
  if (c.sent === 1 && fates.length === 1) return `its one copy was ${fates[0]?.[1]}`
  const list = fates.map(([n, what]) => `${n} ${n === 1 ? 'was' : 'were'} ${what}`).join(' and ')
  return `${c.sent} copies were sent (${list})`
}

function ending(sim: Simulation): string {
  const at = sim.endedAt ?? sim.now
  switch (sim.endReason) {
    case 'bound':
      return `when the run hit its bound at ${at} ms`
    case 'stalled':
      return `when the run stalled at ${at} ms (nothing was left to happen)`
    case 'quiet':
      return `by the end of the run at ${at} ms`
    default:
      return `by ${at} ms (the run is still going)`
  }
}
