import type { Domain } from '../domains'
import { rowsEqual, type Row, type StoredEvent } from '../events'
import type { KeyTable } from '../keys'
import type { ProjectionSpec } from '../scenario/schema'
import type { SimTime } from '../time'
import type { Journal, JournaledArray } from './journal'
import { Link, type LinkSnapshot, type Window } from './link'
import { RedeliveryQueue, type RedeliverySnapshot } from './redelivery'
import { Series, type SeriesSnapshot } from './series'

export interface ProjectionStats {
  sent: number
  delivered: number
  duplicates: number
  dropped: number
  redelivered: number
  outOfOrder: number
  applied: number
  skipped: number
}

export type ReceiveOutcome = 'applied' | 'skipped'

/** What the engine knows about the world that a projection's measures are taken against. */
export interface Truth {
  head(): number
  appendedAt(position: number): SimTime
  /** The key number of the event at a position. */
  keyAt(position: number): number
  /** The true row of a key number. */
  rowById(id: number): Row | undefined
}

/**
 * A projection: a service with its own copy of the rows, fed by a link. It keeps the measures
 * taken on it as it goes (counts, first-application times, divergence, lag), because measuring
 * after the fact would mean replaying the run.
 */
export class Projection {
  readonly id: string
  readonly link: Link
  /** The local copy, indexed by key number (see KeyTable). */
  rows: (Row | undefined)[] = []
  checkpoint = 0
  stats: ProjectionStats = {
    sent: 0,
    delivered: 0,
    duplicates: 0,
    dropped: 0,
    redelivered: 0,
    outOfOrder: 0,
    applied: 0,
    skipped: 0,
  }
  /** Crash windows: the service is down from `from` until `to`. */
  downs: Window[] = []
  /** At-least-once push: positions sent and not yet acknowledged. */
  unacked = 0
  readonly redelivery = new RedeliveryQueue()
  private maxArrived = 0
  private appliedCount = 0
  private low = 1
  /** 1 where the row differs from the truth, by key number, and how many do. */
  private differs: number[] = []
  private divergent = 0
  readonly firstApplied: JournaledArray
  readonly firstArrived: JournaledArray
  /** At-least-once push: the earliest time an acknowledgement of each position reaches the publisher. */
  readonly ackAt: JournaledArray
  /** Pull: positions the store has answered with at least once. */
  readonly answered: JournaledArray
  readonly series = new Series()

  constructor(
    readonly index: number,
    readonly spec: ProjectionSpec,
    private readonly domain: Domain,
    private readonly truth: Truth,
    private readonly keys: KeyTable,
    journal: Journal,
    seed: number,
  ) {
    this.id = spec.id
    this.link = new Link(spec.link, seed, spec.id)
    this.firstApplied = journal.create()
    this.firstArrived = journal.create()
    this.ackAt = journal.create()
    this.answered = journal.create()
  }

  /** Sizes the per-position arrays for about `events` events. */
  reserve(events: number): void {
    for (const a of [this.firstApplied, this.firstArrived, this.ackAt]) a.reserve(events + 1)
    this.series.reserve(events * 2)
  }

  /** The local row of a key, as a query would see it. */
  row(key: string): Row | undefined {
    const id = this.keys.find(key)
    return id < 0 ? undefined : this.rows[id]
  }

  downAt(t: SimTime): boolean {
    return this.downs.some((w) => w.from <= t && t < w.to)
  }

  /** Counts an arrival; returns whether this position had arrived before. */
  arrive(position: number, now: SimTime): boolean {
    this.stats.delivered++
    if (this.firstArrived.has(position)) {
      this.stats.duplicates++
      return true
    }
    this.firstArrived.setOnce(position, now)
    if (position < this.maxArrived) this.stats.outOfOrder++
    this.maxArrived = Math.max(this.maxArrived, position)
    return false
  }

  /** The naive handler: the in-order logic applied to whatever arrives, in arrival order. */
  receive(event: StoredEvent, now: SimTime): ReceiveOutcome {
    const id = this.truth.keyAt(event.position)
    this.rows[id] = this.domain.evolve(this.rows[id], event)
    this.checkpoint = Math.max(this.checkpoint, event.position)
    this.markApplied(event.position, now)
    this.compare(id, now)
    return 'applied'
  }

  private markApplied(position: number, now: SimTime): void {
    this.stats.applied++
    if (this.firstApplied.has(position)) return
    this.firstApplied.setOnce(position, now)
    this.appliedCount++
    const head = this.truth.head()
    while (this.low <= head && this.firstApplied.has(this.low)) this.low++
  }

  /** Re-checks one key against the truth and records the measures. */
  compare(id: number, now: SimTime): void {
    const differs = rowsEqual(this.rows[id], this.truth.rowById(id)) ? 0 : 1
    this.divergent += differs - (this.differs[id] ?? 0)
    this.differs[id] = differs
    this.sample(now)
  }

  sample(now: SimTime): void {
    const head = this.truth.head()
    const oldestAt = this.low <= head ? this.truth.appendedAt(this.low) : NaN
    this.series.record(now, head - this.appliedCount, oldestAt, this.divergent)
  }

  /** How many rows differ from the truth right now. */
  divergentCount(): number {
    return this.divergent
  }

  /** Whether the row of a key number differs from the truth right now. */
  differsAt(id: number): boolean {
    return this.differs[id] === 1
  }

  caughtUp(): boolean {
    return this.checkpoint >= this.truth.head()
  }

  snapshot(): ProjectionSnapshot {
    return {
      rows: this.rows.slice(),
      checkpoint: this.checkpoint,
      stats: { ...this.stats },
      downs: this.downs.slice(),
      unacked: this.unacked,
      redelivery: this.redelivery.snapshot(),
      maxArrived: this.maxArrived,
      appliedCount: this.appliedCount,
      low: this.low,
      differs: this.differs.slice(),
      divergent: this.divergent,
      series: this.series.snapshot(),
      link: this.link.snapshot(),
    }
  }

  restore(s: ProjectionSnapshot): void {
    this.rows = s.rows.slice()
    this.checkpoint = s.checkpoint
    this.stats = { ...s.stats }
    this.downs = s.downs.slice()
    this.unacked = s.unacked
    this.redelivery.restore(s.redelivery)
    this.maxArrived = s.maxArrived
    this.appliedCount = s.appliedCount
    this.low = s.low
    this.differs = s.differs.slice()
    this.divergent = s.divergent
    this.series.restore(s.series)
    this.link.restore(s.link)
  }
}

export interface ProjectionSnapshot {
  readonly rows: readonly (Row | undefined)[]
  readonly checkpoint: number
  readonly stats: Readonly<ProjectionStats>
  readonly downs: readonly Window[]
  readonly unacked: number
  readonly redelivery: RedeliverySnapshot
  readonly maxArrived: number
  readonly appliedCount: number
  readonly low: number
  readonly differs: readonly number[]
  readonly divergent: number
  readonly series: SeriesSnapshot
  readonly link: LinkSnapshot
}
