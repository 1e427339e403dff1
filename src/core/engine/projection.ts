import type { Domain } from '../domains'
import { rowsEqual, type Row, type StoredEvent } from '../events'
import type { KeyTable } from '../keys'
import type { ProjectionSpec } from '../scenario/schema'
import type { EventStore } from '../store'
import type { SimTime } from '../time'
import type { NewestBy } from '../domains/tolerant'
import { createHandler, type Handler, type HandlerHost, type HandlerName } from './handlers'
import type { Journal, JournaledArray } from './journal'
import { Link, type LinkSnapshot, type Window } from './link'
import { Measures, type MeasuresSnapshot, type Truth } from './measures'
import { OrderCheck, type Finding, type OrderCheckSnapshot } from './order-check'
import { Pipeline, type PipelineSnapshot } from './pipeline'
import { RedeliveryQueue, type RedeliverySnapshot } from './redelivery'

export type { Truth } from './measures'

export interface ProjectionStats {
  sent: number
  delivered: number
  duplicates: number
  dropped: number
  redelivered: number
  outOfOrder: number
  applied: number
  skipped: number
  buffered: number
  fetched: number
}

/** What a projection needs from the simulation around it. */
export interface ProjectionContext {
  readonly domain: Domain
  readonly truth: Truth
  readonly keys: KeyTable
  readonly journal: Journal
  readonly store: EventStore
  readonly seed: number
  /** The simulated clock, read as a field: passing times around boxes them. */
  readonly clock: { readonly now: SimTime }
  /** Whether to run the order check on order-sensitive handlers. */
  readonly check: boolean
}

/**
 * A projection: a service with its own copy of the rows, fed by a link and kept by a handler
 * strategy. It is the handler's host (the handler reads and writes rows through it) and takes
 * the measures as rows change.
 */
export class Projection implements HandlerHost {
  readonly id: string
  readonly link: Link
  readonly domain: Domain
  /** Replaced when a rebuild deploys another handler. */
  handler: Handler
  readonly measures: Measures
  /** The local copy, indexed by key number (see KeyTable). */
  rows: (Row | undefined)[] = []
  /** The stream version behind each row (read repair compares it with the store's). */
  rowVersion: number[] = []
  stats: ProjectionStats = {
    sent: 0,
    delivered: 0,
    duplicates: 0,
    dropped: 0,
    redelivered: 0,
    outOfOrder: 0,
    applied: 0,
    skipped: 0,
    buffered: 0,
    fetched: 0,
  }
  /** Crash windows: the service is down from `from` until `to`. */
  downs: Window[] = []
  /** The rebuild going on (also a window in `downs`), or null. */
  rebuilding: Window | null = null
  /** True while a rebuild folds the store: those applications are no anomaly to check. */
  private folding = false
  /** At-least-once push: positions sent and not yet acknowledged. */
  unacked = 0
  /** Copies of events on the wire to this projection right now (pushed, or in an answer). */
  wire = 0
  readonly redelivery = new RedeliveryQueue()
  /** When the ordered handler's gap timer is armed for, or NaN. */
  gapTimerAt = NaN
  /** What the order check found on this projection, in the order found. */
  findings: Finding[] = []
  /** The largest number of entries in the handler's dedupe set and buffer so far. */
  peakMemory = 0
  /** Buffered copies and gap fetches on the wire over time (an ordered handler's waiting). */
  readonly pipeline = new Pipeline()
  private maxArrived = 0
  readonly firstArrived: JournaledArray
  /** At-least-once push: the earliest time an acknowledgement of each position reaches the publisher. */
  readonly ackAt: JournaledArray
  /** Pull: positions the store has answered with at least once. */
  readonly answered: JournaledArray
  private readonly check: OrderCheck | null

  constructor(
    readonly index: number,
    /** The projection's settings; a delivery intervention replaces them. */
    public spec: ProjectionSpec,
    private readonly ctx: ProjectionContext,
  ) {
    this.id = spec.id
    this.domain = ctx.domain
    this.link = new Link(spec.link, ctx.seed, spec.id)
    this.measures = new Measures(ctx.truth, ctx.clock, ctx.journal)
    this.firstArrived = ctx.journal.create()
    this.ackAt = ctx.journal.create()
    this.answered = ctx.journal.create()
    this.handler = createHandler(spec.handler, this, { newestBy: spec.newestBy })
    const orderSensitive = ctx.check && (spec.handler === 'naive' || spec.handler === 'idempotent')
    this.check = orderSensitive
      ? new OrderCheck(
          ctx.domain,
          (row, event) => this.evolve(row, event),
          ctx.store,
          ctx.clock,
          (id) => ctx.keys.name(id),
          (p) => this.measures.firstApplied.has(p),
        )
      : null
  }

  reserve(events: number): void {
    this.measures.reserve(events)
    for (const a of [this.firstArrived, this.ackAt]) a.reserve(events + 1)
  }

  // --- HandlerHost -----------------------------------------------------------------------------

  keyAt(position: number): number {
    return this.ctx.truth.keyAt(position)
  }

  row(id: number): Row | undefined {
    return this.rows[id]
  }

  /**
   * `domain.evolve`, memoised by the truth: a row equal to the true row just before the event
   * becomes the true row just after it, the very object. Most copies arrive in order at a row
   * that is right, so applying them allocates nothing, and comparing the row with the truth then
   * usually finds the same object. evolve is pure, so the row is equal either way.
   */
  evolve(row: Row | undefined, event: StoredEvent): Row | undefined {
    const truth = this.ctx.truth
    if (rowsEqual(row, truth.rowBefore(event.position))) return truth.rowAfter(event.position)
    return this.domain.evolve(row, event)
  }

  commit(id: number, event: StoredEvent, row: Row | undefined): void {
    const measures = this.measures
    const before = this.rows[id]
    this.rows[id] = row
    this.rowVersion[id] = event.version
    this.stats.applied++
    const duplicate = measures.firstApplied.has(event.position)
    if (this.check && !this.folding) {
      const finding = this.check.check(id, event, before, row, duplicate)
      if (finding) this.findings.push(finding)
    }
    if (!duplicate) measures.firstApplication(event.position)
    measures.compare(id, row)
  }

  /**
   * Read repair: if the row's version is behind the stream's, the row becomes the fold of the
   * stream. Returns whether it was behind.
   */
  repair(id: number, stream: readonly StoredEvent[]): boolean {
    const last = stream[stream.length - 1]
    if (!last || (this.rowVersion[id] ?? 0) >= last.version) return false
    this.handler.repair(id, stream)
    for (const e of stream) this.measures.applied(e.position)
    this.measures.compare(id, this.rows[id])
    return true
  }

  // --- Rebuild (rebuild.ts) -------------------------------------------------------------------

  /** Throws the rows away and starts over with a fresh handler (of another kind, maybe). */
  reset(handler: HandlerName, newestBy?: NewestBy): void {
    this.spec = {
      ...this.spec,
      handler,
      ...(newestBy !== undefined ? { newestBy } : {}),
    }
    this.handler = createHandler(handler, this, { newestBy: this.spec.newestBy })
    this.pipeline.setBuffered(this.ctx.clock.now, 0)
    for (let id = 0; id < this.rows.length; id++) {
      if (this.rows[id] === undefined) continue
      this.rows[id] = undefined
      this.rowVersion[id] = 0
      this.measures.compare(id, undefined)
    }
  }

  /** Folds positions 1..head, read from the store, with the handler, in order. */
  fold(head: number, event: (position: number) => StoredEvent): void {
    this.folding = true
    for (let position = this.handler.checkpoint() + 1; position <= head; position++)
      this.handler.receive(event(position), -1)
    this.folding = false
    this.pipeline.setBuffered(this.ctx.clock.now, this.handler.buffered())
  }

  // --- Queries ---------------------------------------------------------------------------------

  /** The local row of a key, as a query would see it. */
  rowOf(key: string): Row | undefined {
    const id = this.ctx.keys.find(key)
    return id < 0 ? undefined : this.rows[id]
  }

  versionOf(key: string): number {
    const id = this.ctx.keys.find(key)
    return id < 0 ? 0 : (this.rowVersion[id] ?? 0)
  }

  get checkpoint(): number {
    return this.handler.checkpoint()
  }

  downAt(t: SimTime): boolean {
    const downs = this.downs
    for (let i = 0; i < downs.length; i++) {
      const w = downs[i] as Window
      if (w.from <= t && t < w.to) return true
    }
    return false
  }

  caughtUp(): boolean {
    return this.checkpoint >= this.ctx.truth.head() && this.handler.buffered() === 0
  }

  /** Counts an arrival; returns whether this position had arrived before. */
  arrive(position: number): boolean {
    this.stats.delivered++
    if (!this.firstArrived.stampOnce(position)) {
      this.stats.duplicates++
      return true
    }
    if (position < this.maxArrived) this.stats.outOfOrder++
    this.maxArrived = Math.max(this.maxArrived, position)
    return false
  }

  notePeakMemory(): void {
    this.peakMemory = Math.max(this.peakMemory, this.handler.memory())
  }

  snapshot(): ProjectionSnapshot {
    return {
      spec: this.spec,
      rows: this.rows.slice(),
      rowVersion: this.rowVersion.slice(),
      stats: { ...this.stats },
      downs: this.downs.slice(),
      rebuilding: this.rebuilding,
      unacked: this.unacked,
      wire: this.wire,
      redelivery: this.redelivery.snapshot(),
      gapTimerAt: this.gapTimerAt,
      peakMemory: this.peakMemory,
      findings: this.findings.length,
      maxArrived: this.maxArrived,
      measures: this.measures.snapshot(),
      handler: this.handler.snapshot(),
      check: this.check?.snapshot() ?? null,
      link: this.link.snapshot(),
      pipeline: this.pipeline.snapshot(),
    }
  }

  restore(s: ProjectionSnapshot): void {
    this.spec = s.spec
    this.rows = s.rows.slice()
    this.rowVersion = s.rowVersion.slice()
    this.stats = { ...s.stats }
    this.downs = s.downs.slice()
    this.rebuilding = s.rebuilding
    // A rebuild may have deployed another handler since: put back the one of the snapshot.
    if (this.handler.name !== s.spec.handler)
      this.handler = createHandler(s.spec.handler, this, { newestBy: s.spec.newestBy })
    this.unacked = s.unacked
    this.wire = s.wire
    this.redelivery.restore(s.redelivery)
    this.gapTimerAt = s.gapTimerAt
    this.peakMemory = s.peakMemory
    this.findings.length = s.findings
    this.maxArrived = s.maxArrived
    this.measures.restore(s.measures)
    this.handler.restore(s.handler)
    if (s.check) this.check?.restore(s.check)
    this.link.restore(s.link)
    this.pipeline.restore(s.pipeline)
  }
}

export interface ProjectionSnapshot {
  readonly spec: ProjectionSpec
  readonly rows: readonly (Row | undefined)[]
  readonly rowVersion: readonly number[]
  readonly stats: Readonly<ProjectionStats>
  readonly downs: readonly Window[]
  readonly rebuilding: Window | null
  readonly unacked: number
  readonly wire: number
  readonly redelivery: RedeliverySnapshot
  readonly gapTimerAt: number
  readonly peakMemory: number
  readonly findings: number
  readonly maxArrived: number
  readonly measures: MeasuresSnapshot
  readonly handler: unknown
  readonly check: OrderCheckSnapshot | null
  readonly link: LinkSnapshot
  readonly pipeline: PipelineSnapshot
}
