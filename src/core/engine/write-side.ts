import type { Command } from '../domains'
import { rowsEqual, type Row, type StoredEvent } from '../events'
import type { CommandSpec } from '../scenario/schema'
import { describeRow } from './anomaly'
import type { Projection } from './projection'
import type { ReadRecord } from './reads'
import type { Simulation } from './simulation'

/**
 * The write side of a run, as functions over the simulation: a command is decided against the
 * truth (or, routed through a read, against what the read returned), its events are appended to
 * the store, and each appended event is folded into the truth, measured against every projection
 * and published.
 */

/** Decides the command at `index`, or issues the read it is routed through. */
export function runCommand(sim: Simulation, index: number): void {
  const c = sim.commands[index] as CommandSpec
  const command = asCommand(c)
  const { key, stream } = sim.domain.target(command)
  const id = sim.keys.find(key)
  if (!c.via) return decide(sim, c, command, knownStream(sim, id, stream), sim.rowById(id), key, id)
  sim.reads.issue({ ...c.via, key, client: c.client, index: -1, command: index })
}

/** Decides a command issued by hand (an intervention) against the write model's own state. */
export function runSpec(sim: Simulation, c: CommandSpec): void {
  const command = asCommand(c)
  const { key, stream } = sim.domain.target(command)
  const id = sim.keys.find(key)
  decide(sim, c, command, knownStream(sim, id, stream), sim.rowById(id), key, id)
}

/** A command routed through a read is decided on what the read returned, stale or not. */
export function decideThrough(sim: Simulation, index: number, read: ReadRecord): void {
  const c = sim.commands[index] as CommandSpec
  const command = asCommand(c)
  const { key, stream } = sim.domain.target(command)
  const id = sim.keys.find(key)
  const truth = sim.rowById(id)
  const believed = sim.domain.decide(command, read.value ?? undefined)
  const actual = sim.domain.decide(command, truth)
  if (!read.fresh && believed.ok !== actual.ok)
    sim.anomalies.push({
      type: 'decision-on-stale-data',
      projection: read.projection,
      key,
      at: sim.now,
      positions: [],
      explanation: believed.ok
        ? `${c.type} was accepted because ${read.projection} showed ${key} as ${describeRow(read.value)}, but the store had ${describeRow(truth)}: ${actual.ok ? '' : actual.reason}.`
        : `${c.type} was refused (${believed.reason}) because ${read.projection} showed ${key} as ${describeRow(read.value)}, but the store had ${describeRow(truth)}.`,
      rows: { local: read.value, truth: truth ?? null },
    })
  decide(sim, c, command, knownStream(sim, id, stream), read.value ?? undefined, key, id)
}

/**
 * The stream's name as the store first received it, when the command names the same stream. The
 * store finds a stream by hashing its name: a string hashed before costs nothing, while the fresh
 * copy of the name each command builds is hashed again, once per command.
 */
function knownStream(sim: Simulation, id: number, stream: string): string {
  const known = sim.streamNames[id]
  return known === stream ? known : stream
}

/** `key` and `id` are the command's target key and its number (-1 if new), for `appended`. */
function decide(
  sim: Simulation,
  c: CommandSpec,
  command: Command,
  stream: string,
  row: Row | undefined,
  key: string,
  id: number,
): void {
  const decision = sim.domain.decide(command, row)
  if (!decision.ok) return reject(sim, c, decision.reason)
  const result = sim.store.append(stream, c.expectedVersion ?? 'any', decision.events, sim.now)
  if (!result.ok) return reject(sim, c, result.reason)
  const client = c.client ?? null
  const events = result.events
  for (let i = 0; i < events.length; i++) {
    sim.eventClient.push(client)
    appended(sim, events[i] as StoredEvent, key, id)
  }
  const last = events[events.length - 1]
  if (c.client !== undefined && last) sim.lastWrite.set(c.client, last.position)
}

function reject(sim: Simulation, c: CommandSpec, reason: string): void {
  sim.rejected.push({ at: sim.now, type: c.type, client: c.client ?? null, reason })
}

/**
 * Folds an appended event into the truth. The event's key is usually the command's target key,
 * whose number the command already looked up: reusing it saves hashing the key a second time.
 */
function appended(sim: Simulation, event: StoredEvent, targetKey: string, targetId: number): void {
  if (event.position !== sim.eventAt.length + 1) throw new Error('the store skipped a position')
  sim.eventAt.push(event.at)
  const key = sim.domain.keyOf(event)
  const id = targetId >= 0 && key === targetKey ? targetId : sim.keys.intern(key)
  sim.eventKey.push(id)
  sim.streamNames[id] ??= event.stream
  const before = sim.truthRows[id]
  const after = sim.domain.evolve(before, event)
  sim.truthRows[id] = after
  sim.truthBefore.push(before)
  sim.truthAfter.push(after)
  const changed = !rowsEqual(before, after)
  const projections = sim.projections
  for (let i = 0; i < projections.length; i++) {
    const p = projections[i] as Projection
    p.measures.truthChanged(id, p.rows[id], changed)
  }
  sim.network.published(event)
}

/**
 * The spec is the command: a domain reads only its `type` and `data`, so it is passed as it is
 * rather than copied into a fresh object per command. Its data was validated against the domain
 * when the scenario was parsed (or made by the domain's own workload), hence the cast.
 */
function asCommand(c: CommandSpec): Command {
  return c as { readonly type: string; readonly data: unknown } as Command
}
