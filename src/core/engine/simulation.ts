import { Column } from '../column'
import { domains, type Domain } from '../domains'
import type { Row, StoredEvent } from '../events'
import { EventQueue, emptyItem, type Item } from '../heap'
import { KeyTable } from '../keys'
import type { CommandSpec, Scenario } from '../scenario/schema'
import { MemoryEventStore, type EventStore } from '../store'
import type { SimTime } from '../time'
import { expandCommands } from '../workload'
import type { Anomaly } from './anomaly'
import { faultStarts, scheduleFaults } from './faults'
import { K } from './items'
import { Journal } from './journal'
import { DeliveryLog, DROP } from './log'
import { Network } from './network'
import { Projection, type Truth } from './projection'
import { ReadDesk, type ReadRecord } from './reads'
import { restoreSimulation, snapshotSimulation, type SimulationSnapshot } from './snapshot'
import type { Budget, EndReason, Progress, Rejection, SimulationOptions } from './run-types'
import { decideThrough, runCommand } from './write-side'

export type { Budget, EndReason, Progress, Rejection, SimulationOptions } from './run-types'

/**
 * The discrete-event simulation of one scenario. Drive it by budget (`runUntil`), one item at a
 * time (`step`), or to the end (`run`); take and restore snapshots to move back in time. It knows
 * nothing of the UI or of where the store keeps its events.
 */
export class Simulation implements Truth {
  readonly domain: Domain
  readonly commands: readonly CommandSpec[]
  readonly projections: readonly Projection[]
  readonly log: DeliveryLog = new DeliveryLog(this)
  readonly journal: Journal
  readonly store: EventStore
  readonly heap = new EventQueue()
  private readonly item: Item = emptyItem()
  readonly network: Network
  readonly reads: ReadDesk
  readonly bound: SimTime
  /** `scenario.until`, read on every step. */
  private readonly until: SimTime
  now: SimTime = 0
  seq = 0
  keep = 0
  steps = 0
  openFaults = 0
  done = false
  endedAt: SimTime | null = null
  endReason: EndReason | null = null
  readonly keys = new KeyTable()
  /** The truth: every appended event folded in position order, by key number. */
  truthRows: (Row | undefined)[] = []
  /** The true row of each event's key before and after the event, by position - 1. */
  readonly truthBefore: (Row | undefined)[] = []
  readonly truthAfter: (Row | undefined)[] = []
  readonly eventAt = new Column()
  readonly eventKey = Column.ints()
  /** The client whose command appended each event (null for none), by position - 1. */
  eventClient: (string | null)[] = []
  rejected: Rejection[] = []
  /** Decisions taken on stale data, found as they happen (see also each projection's findings). */
  anomalies: Anomaly[] = []
  /** The position of each client's last accepted write (for session guarantees). */
  lastWrite = new Map<string, number>()
  /** The name of each key's stream as the store first received it, by key number. */
  readonly streamNames: string[] = []

  constructor(
    readonly scenario: Scenario,
    options: SimulationOptions = {},
  ) {
    const store = options.store ?? new MemoryEventStore()
    if (store.head() !== 0) throw new Error('a simulation starts on an empty event store')
    this.store = store
    this.journal = new Journal(options.timeTravel ?? false, this)
    this.domain = domains[scenario.domain]
    this.commands = expandCommands(scenario)
    this.until = scenario.until
    this.bound = scenario.until + scenario.settle
    const context = {
      domain: this.domain,
      truth: this,
      keys: this.keys,
      journal: this.journal,
      store,
      seed: scenario.seed,
      clock: this,
      check: options.check ?? true,
    }
    this.projections = scenario.projections.map((spec, i) => new Projection(i, spec, context))
    this.network = new Network(this)
    this.reads = new ReadDesk(this)
    // Columns sized up front from the command count: growing them as we go cost a fifth of a run.
    // A margin over the expected counts keeps a run from doubling a column near its end.
    const expected = Math.min(1 << 22, this.commands.length)
    this.log.reserve(Math.ceil(expected * this.projections.length * 1.15))
    this.journal.reserve(Math.ceil(expected * this.projections.length * 3.3))
    for (const p of this.projections) p.reserve(Math.ceil(expected * 1.1))
    this.scheduleNext(K.Command, -1)
    this.scheduleNext(K.Read, -1)
    this.schedule(scenario.until, K.WindowEnd, -1, 0, 0, true)
    scheduleFaults(this)
    this.network.start()
  }

  // --- Truth -----------------------------------------------------------------------------------

  head(): number {
    return this.eventAt.length
  }

  appendedAt(position: number): SimTime {
    return position >= 1 && position <= this.eventAt.length ? this.eventAt.at(position - 1) : NaN
  }

  keyAt(position: number): number {
    return this.eventKey.at(position - 1)
  }

  rowById(id: number): Row | undefined {
    return this.truthRows[id]
  }

  rowBefore(position: number): Row | undefined {
    return this.truthBefore[position - 1]
  }

  rowAfter(position: number): Row | undefined {
    return this.truthAfter[position - 1]
  }

  /** The true row of a key right now. */
  row(key: string): Row | undefined {
    const id = this.keys.find(key)
    return id < 0 ? undefined : this.truthRows[id]
  }

  writerOf(position: number): string | null {
    return this.eventClient[position - 1] ?? null
  }

  event(position: number): StoredEvent {
    const e = this.store.get(position)
    if (!e) throw new Error(`the store has no event at position ${position}`)
    return e
  }

  projectionIndex(id: string): number {
    const i = this.projections.findIndex((p) => p.id === id)
    if (i < 0) throw new Error(`unknown projection "${id}"`)
    return i
  }

  // --- Driving ---------------------------------------------------------------------------------

  schedule(t: SimTime, k: K, p: number, a: number, b: number, keep: boolean): void {
    if (keep) this.keep++
    this.heap.push(t, this.seq++, k, p, a, b, keep)
  }

  /** Processes one item; returns false when the run is over. */
  step(): boolean {
    if (this.done) return false
    const next = this.heap.peekTime()
    if (next === Infinity) {
      this.finish(this.now, this.quiet() ? 'quiet' : 'stalled')
      return false
    }
    if (next > this.bound) {
      this.finish(this.bound, 'bound')
      return false
    }
    const item = this.item
    this.heap.pop(item)
    if (item.keep) this.keep--
    this.now = item.t
    this.steps++
    this.dispatch(item)
    if (this.now >= this.until && this.quiet()) this.finish(this.now, 'quiet')
    return !this.done
  }

  runUntil(budget: Budget = {}): Progress {
    const time = budget.time ?? Infinity
    const maxSteps = budget.maxSteps ?? Infinity
    let steps = 0
    while (!this.done && steps < maxSteps) {
      const next = this.heap.peekTime()
      if (next > time && next <= this.bound) break
      this.step()
      steps++
    }
    if (!this.done && time !== Infinity && steps < maxSteps)
      this.now = Math.max(this.now, Math.min(time, this.bound))
    return { now: this.now, steps, done: this.done }
  }

  run(): this {
    this.runUntil()
    return this
  }

  private finish(at: SimTime, reason: EndReason): void {
    this.done = true
    this.endedAt = at
    this.endReason = reason
    this.now = at
  }

  /** Nothing in flight, nothing owed, no fault open, no read waiting, every subscriber caught up. */
  quiet(): boolean {
    if (this.keep > 0 || this.openFaults > 0 || this.reads.waiting > 0) return false
    return this.projections.every((p) =>
      p.spec.delivery.mode === 'push'
        ? p.unacked === 0 && p.handler.buffered() === 0
        : p.caughtUp(),
    )
  }

  private dispatch(item: Item): void {
    switch (item.k) {
      case K.Command:
        runCommand(this, item.a)
        return this.scheduleNext(K.Command, item.a)
      case K.Read:
        this.read(item.a)
        return this.scheduleNext(K.Read, item.a)
      case K.ReadTimeout:
        return this.reads.timeout(item.a)
      case K.FaultStart:
        return faultStarts(this, item.p, item.a)
      case K.FaultEnd:
        this.openFaults--
        return
      case K.WindowEnd:
        return
      default:
        return this.network.dispatch(item)
    }
  }

  /** Commands and reads are scheduled one at a time, so the heap holds only what is in motion. */
  private scheduleNext(k: typeof K.Command | typeof K.Read, current: number): void {
    const list = k === K.Command ? this.commands : this.scenario.reads
    const next = list[current + 1]
    if (next) this.schedule(next.at, k, -1, current + 1, 0, true)
  }

  // --- The write side (write-side.ts) ---------------------------------------------------------

  /** A command routed through a read is decided on what the read returned, stale or not. */
  decideThrough(index: number, read: ReadRecord): void {
    decideThrough(this, index, read)
  }

  // --- The read side ---------------------------------------------------------------------------

  private read(index: number): void {
    const r = this.scenario.reads[index]
    if (r) this.reads.issue({ ...r, index, command: -1 })
  }

  /** Reads answered so far, in the order they answered. */
  readRecords(): readonly ReadRecord[] {
    return this.reads.records
  }

  // --- Time travel -----------------------------------------------------------------------------

  snapshot(): SimulationSnapshot {
    return snapshotSimulation(this)
  }

  restore(s: SimulationSnapshot): void {
    restoreSimulation(this, s)
  }

  /**
   * Delivery helpers the network uses; exposed here so the log stays the single record. A copy
   * lost on the way passes when it would have arrived; the others leave `lostAt` out, which
   * keeps the common call free of a time argument (see DeliveryLog).
   */
  logSend(position: number, p: number, kind: number, lostAt: number = NaN): number {
    const send = this.log.send(position, p, kind)
    if (!Number.isNaN(lostAt)) this.log.lost(send, lostAt)
    return send
  }

  logArrival(send: number, outcome: number, reason: number = DROP.none): void {
    this.log.arrive(send, outcome, reason)
  }
}
