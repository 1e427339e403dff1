import type { Intervention } from '../scenario/interventions'
import type { CommandSpec, ProjectionSpec } from '../scenario/schema'
import { deliverHeld, dropHeld, duplicateHeld, setHolding } from './learner'
import type { Window } from './link'
import type { Projection } from './projection'
import type { Simulation } from './simulation'
import { startRebuild } from './rebuild'
import { runSpec } from './write-side'

/** What became of an intervention, by its place in the list. */
export type InterventionOutcome =
  /** A command the write model accepted: the positions of the events it appended. */
  | { readonly kind: 'accepted'; readonly from: number; readonly to: number }
  | { readonly kind: 'rejected'; readonly reason: string }
  /** A query went out; its answer is the read record carrying this intervention's index. */
  | { readonly kind: 'asked' }
  | { readonly kind: 'applied' }
  /**
   * Nothing to do: healing a link that is not cut off, restarting a service that is up,
   * delivering a message that is not held.
   */
  | { readonly kind: 'no-op'; readonly reason: string }

/** Applies intervention `index` at the simulation's current time. */
export function applyIntervention(
  sim: Simulation,
  iv: Intervention,
  index: number,
): InterventionOutcome {
  switch (iv.type) {
    case 'command':
      return command(sim, iv.command)
    case 'read':
      sim.reads.issue({ ...iv.read, index: -1, command: -1, intervention: index })
      return { kind: 'asked' }
    case 'link': {
      const p = projectionOf(sim, iv.projection)
      const { latency, loss, duplicate, reorder } = iv
      p.link.spec = {
        ...p.link.spec,
        ...(latency !== undefined ? { latency } : {}),
        ...(loss !== undefined ? { loss } : {}),
        ...(duplicate !== undefined ? { duplicate } : {}),
        ...(reorder !== undefined ? { reorder } : {}),
      }
      return { kind: 'applied' }
    }
    case 'delivery':
      return delivery(projectionOf(sim, iv.projection), iv)
    case 'partition':
    case 'crash': {
      const p = projectionOf(sim, iv.projection)
      const windows = iv.type === 'partition' ? p.link.partitions : p.downs
      if (openAt(windows, sim.now) >= 0)
        return {
          kind: 'no-op',
          reason: `${p.id} is already ${iv.type === 'partition' ? 'cut off' : 'down'}`,
        }
      windows.push({ from: sim.now, to: Infinity })
      sim.openFaults++
      if (iv.type === 'crash') sim.network.crashed(p)
      return { kind: 'applied' }
    }
    case 'rebuild': {
      const p = projectionOf(sim, iv.projection)
      if (p.rebuilding) return { kind: 'no-op', reason: `${p.id} is already rebuilding` }
      if (p.downAt(sim.now)) return { kind: 'no-op', reason: `${p.id} is down: restart it first` }
      startRebuild(sim, p, iv.handler ?? p.spec.handler, iv.newestBy)
      return { kind: 'applied' }
    }
    case 'heal':
    case 'restart': {
      const p = projectionOf(sim, iv.projection)
      const list = iv.type === 'heal' ? p.link.partitions : p.downs
      // Restarting does not cut a rebuild short: only the windows of a crash end.
      const closed = close(list, sim.now, p.rebuilding)
      if (closed.length === 0)
        return {
          kind: 'no-op',
          reason: `${p.id} is not ${iv.type === 'heal' ? 'cut off' : 'down'}`,
        }
      // A window without an end kept the run open; one with an end is closed by its own item.
      for (const w of closed) if (w.to === Infinity) sim.openFaults--
      return { kind: 'applied' }
    }
    case 'hold':
      return setHolding(sim, iv.on)
    case 'deliver':
      return deliverHeld(sim, iv.message)
    case 'drop':
      return dropHeld(sim, iv.message)
    case 'duplicate':
      return duplicateHeld(sim, iv.message)
  }
}

function command(sim: Simulation, c: Extract<Intervention, { type: 'command' }>['command']) {
  const head = sim.head()
  const rejected = sim.rejected.length
  const spec: CommandSpec = { at: sim.now, ...c }
  runSpec(sim, spec)
  if (sim.rejected.length > rejected)
    return { kind: 'rejected', reason: sim.rejected[rejected]?.reason ?? '' } as const
  return { kind: 'accepted', from: head + 1, to: sim.head() } as const
}

function delivery(
  p: Projection,
  iv: Extract<Intervention, { type: 'delivery' }>,
): InterventionOutcome {
  const d = p.spec.delivery
  const next: ProjectionSpec['delivery'] =
    d.mode === 'push'
      ? {
          ...d,
          ...(iv.guarantee !== undefined ? { guarantee: iv.guarantee } : {}),
          ...(iv.ackTimeout !== undefined ? { ackTimeout: iv.ackTimeout } : {}),
        }
      : {
          ...d,
          ...(iv.interval !== undefined ? { interval: iv.interval } : {}),
          ...(iv.batch !== undefined ? { batch: iv.batch } : {}),
        }
  // A publisher switched to at-most-once forgets what it was waiting to have acknowledged.
  if (next.mode === 'push' && next.guarantee === 'at-most-once' && p.unacked > 0) {
    p.redelivery.clear()
    p.unacked = 0
  }
  p.spec = { ...p.spec, delivery: next }
  return { kind: 'applied' }
}

function projectionOf(sim: Simulation, id: string): Projection {
  return sim.projections[sim.projectionIndex(id)] as Projection
}

function openAt(windows: readonly Window[], t: number): number {
  return windows.findIndex((w) => w.from <= t && t < w.to)
}

/**
 * Ends every window open at `t` with a new object (snapshots share the old ones). Returns the
 * windows as they were before closing.
 */
function close(windows: Window[], t: number, keep: Window | null): Window[] {
  const closed: Window[] = []
  for (let i = 0; i < windows.length; i++) {
    const w = windows[i] as Window
    if (w !== keep && w.from <= t && t < w.to) {
      closed.push(w)
      windows[i] = { from: w.from, to: t }
    }
  }
  return closed
}
