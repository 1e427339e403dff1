import { rowsEqual, type Row } from '../events'
import type { ReadSpec } from '../scenario/schema'
import { roundTime, type SimTime } from '../time'
import { PURPOSE } from './exchange'
import { K } from './items'
import type { Projection } from './projection'
import type { Simulation } from './simulation'

export interface ReadRecord {
  /** The read's place in the scenario's `reads`, or -1 for a read a command decided through. */
  readonly index: number
  /** The command this read decided, or -1. */
  readonly command: number
  readonly at: SimTime
  readonly answeredAt: SimTime
  readonly projection: string
  readonly key: string
  readonly mode: string
  readonly client: string | null
  readonly value: Row | null
  /** Equal to the truth at the moment it answered. */
  readonly fresh: boolean
  /** Simulated ms from asking to answer. */
  readonly latency: number
  /** Messages sent over the link to answer it. */
  readonly cost: number
  /** Gave up waiting and answered from the local copy. */
  readonly timedOut: boolean
  /** Read repair found the row behind and fixed it before answering. */
  readonly repaired: boolean
  /** The intervention that asked, for a query made by hand. */
  readonly intervention?: number
}

export type ReadRequest = Omit<ReadSpec, 'at'> & {
  readonly index: number
  readonly command: number
  readonly intervention?: number
}

/**
 * The store's head when a read was asked and when it answered. Events appended at the same
 * instant as a read can come before or after it (a command decided through a read appends right
 * after it), so the checker compares positions with these rather than times.
 */
export interface ReadHeads {
  readonly issued: number
  readonly answered: number
}

interface Pending {
  readonly request: ReadRequest
  readonly p: Projection
  readonly at: SimTime
  readonly head: number
  readonly target: number
  readonly cost: number
  readonly repaired: boolean
}

/**
 * Serves reads with their read mode. Eventual answers from the local copy at once; the others
 * wait for something (a catch-up from the store, the reader's own write, a repaired row) and
 * answer when it comes or when their timeout runs out.
 */
export class ReadDesk {
  records: ReadRecord[] = []
  private readonly heads = new WeakMap<ReadRecord, ReadHeads>()
  private pending = new Map<number, Pending>()
  private nextId = 0
  /** Each read's own link streams, by id (see `streamName`). */
  private streams: string[] = []

  constructor(private readonly sim: Simulation) {}

  get waiting(): number {
    return this.pending.size
  }

  issue(request: ReadRequest): void {
    const sim = this.sim
    const p = sim.projections[sim.projectionIndex(request.projection)] as Projection
    const id = this.nextId++
    this.streams[id] = this.nameStream(request)
    let mode = request.mode
    if (mode === 'bounded') {
      const fresh =
        p.measures.behind() <= (request.maxLag ?? Infinity) &&
        p.measures.lagMs(sim.now) <= (request.maxAge ?? Infinity)
      mode = fresh ? 'eventual' : 'strong'
    }
    const target =
      mode === 'read-your-writes' && request.client ? (sim.lastWrite.get(request.client) ?? 0) : 0
    const pending: Pending = {
      request,
      p,
      at: sim.now,
      head: sim.head(),
      target,
      cost: 0,
      repaired: false,
    }
    if (mode === 'eventual' || (mode === 'read-your-writes' && p.checkpoint >= target))
      return this.answer(pending, false)
    this.pending.set(id, pending)
    sim.schedule(
      roundTime(sim.now + (request.timeout ?? 1000)),
      K.ReadTimeout,
      p.index,
      id,
      0,
      false,
    )
    if (mode === 'read-your-writes') return
    const key = mode === 'read-repair' ? sim.keys.intern(request.key) : -1
    const purpose = mode === 'read-repair' ? PURPOSE.repair : PURPOSE['catch-up']
    this.pending.set(id, { ...pending, cost: 1 })
    sim.network.exchange.request(p, purpose, p.checkpoint, Infinity, key, id)
  }

  /** The store's answer to a read's request arrived and was applied. */
  answered(id: number, repaired = false): void {
    const pending = this.pending.get(id)
    if (!pending) return
    this.pending.delete(id)
    this.answer({ ...pending, cost: pending.cost + 1, repaired }, false)
  }

  /** A projection applied something: reads waiting for their own write may be satisfied. */
  applied(p: Projection): void {
    if (this.pending.size === 0) return
    for (const [id, pending] of this.pending) {
      if (
        pending.p !== p ||
        pending.request.mode !== 'read-your-writes' ||
        p.checkpoint < pending.target
      )
        continue
      this.pending.delete(id)
      this.answer(pending, false)
    }
  }

  timeout(id: number): void {
    const pending = this.pending.get(id)
    if (!pending) return
    this.pending.delete(id)
    this.answer(pending, true)
  }

  private answer(pending: Pending, timedOut: boolean): void {
    const sim = this.sim
    const { request, p } = pending
    const value = p.rowOf(request.key) ?? null
    const record: ReadRecord = {
      index: request.index,
      command: request.command,
      at: pending.at,
      answeredAt: sim.now,
      projection: p.id,
      key: request.key,
      mode: request.mode,
      client: request.client ?? null,
      value,
      fresh: rowsEqual(value ?? undefined, sim.row(request.key)),
      latency: roundTime(sim.now - pending.at),
      cost: pending.cost,
      timedOut,
      repaired: pending.repaired,
      ...(request.intervention !== undefined ? { intervention: request.intervention } : {}),
    }
    this.records.push(record)
    this.heads.set(record, { issued: pending.head, answered: sim.head() })
    if (request.command >= 0) sim.decideThrough(request.command, record)
  }

  headsOf(record: ReadRecord): ReadHeads {
    const heads = this.heads.get(record)
    if (!heads) throw new Error('a read record this desk did not answer')
    return heads
  }

  /**
   * The name of a read's own random streams on its link. It comes from what the read is (when,
   * where, which key, and how many identical reads came before it), not from its id, so adding a
   * read leaves the draws of every other read as they were.
   */
  streamName(id: number): string {
    return this.streams[id] ?? `read-${id}`
  }

  private nameStream(request: ReadRequest): string {
    const base = `read/${this.sim.now}/${request.projection}/${request.key}`
    let n = 0
    for (let i = 0; i < this.nextId - 1; i++) if (this.streams[i]?.startsWith(`${base}#`)) n++
    return `${base}#${n}`
  }

  snapshot(): ReadDeskSnapshot {
    return { records: this.records.length, pending: [...this.pending], nextId: this.nextId }
  }

  restore(s: ReadDeskSnapshot): void {
    this.records.length = s.records
    this.pending = new Map(s.pending)
    this.nextId = s.nextId
    this.streams.length = s.nextId
  }
}

export interface ReadDeskSnapshot {
  readonly records: number
  readonly pending: readonly (readonly [number, Pending])[]
  readonly nextId: number
}
