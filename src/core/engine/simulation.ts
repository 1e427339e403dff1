import { Column } from '../column'
import { domains, type Domain } from '../domains'
import type { Row, StoredEvent } from '../events'
import { EventQueue, emptyItem, type Item } from '../heap'
import { KeyTable } from '../keys'
import type { Intervention, InterventionInput } from '../scenario/interventions'
import type { CommandSpec, Scenario } from '../scenario/schema'
import { MemoryEventStore, type EventStore } from '../store'
import type { SimTime } from '../time'
import { expandCommands } from '../workload'
import type { Anomaly } from './anomaly'
import { faultStarts, scheduleFaults } from './faults'
import { applyIntervention, type InterventionOutcome } from './interventions'
import { finishRebuild } from './rebuild'
import { K } from './items'
import { Journal } from './journal'
import { HeldMessages, heldMessages, type HeldMessage } from './learner'
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
  /** Messages the learner holds while acting as the network (see learner.ts). */
  readonly held = new HeldMessages()
  /** Where the run ends at the latest: until (or the last intervention) plus settle. */
  bound: SimTime
  /** What the learner did to the run, in the order it happened (see scenario/interventions). */
  interventions: readonly Intervention[]
  /** How many interventions have been applied. */
  cursor = 0
  /** What became of each applied intervention, by its place in the list. */
  readonly outcomes: InterventionOutcome[] = []
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
    this.interventions = options.interventions ?? []
    this.bound = this.boundFor(this.interventions)
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

  /**
   * Applies the interventions that are due or, if none is, processes one item; returns false
   * when the run is over.
   */
  step(): boolean {
    if (this.done && !this.reopen()) return false
    if (this.cursor < this.interventions.length && this.applyDue()) return true
    const next = this.heap.peekTime()
    if (next === Infinity) {
      // Nothing else can happen before the next intervention: it is due whatever its step says.
      if (this.cursor < this.interventions.length) {
        this.applyNext()
        return true
      }
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
    // Steps count items, not interventions: an intervention takes no step of its own.
    const start = this.steps
    if (this.done) this.reopen()
    while (!this.done && this.steps - start < maxSteps) {
      const next = this.nextTime()
      if (next > time && next <= this.bound) break
      this.step()
    }
    const steps = this.steps - start
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

  /** When the next thing happens: the next item, or the next intervention if that comes first. */
  private nextTime(): SimTime {
    const t = this.heap.peekTime()
    const iv = this.interventions[this.cursor]
    if (!iv || (this.steps < iv.step && t !== Infinity)) return t
    return Math.min(t, Math.max(iv.at, this.now))
  }

  /** Applies every intervention that is due; returns whether there was one. */
  private applyDue(): boolean {
    let applied = false
    for (;;) {
      const iv = this.interventions[this.cursor]
      if (!iv || this.steps < iv.step || this.heap.peekTime() < iv.at) return applied
      this.applyNext()
      applied = true
    }
  }

  private applyNext(): void {
    const index = this.cursor
    const iv = this.interventions[index] as Intervention
    // A hand-made list may put an intervention before the clock; time never runs backwards.
    this.now = Math.max(this.now, iv.at)
    this.cursor++
    this.outcomes[index] = applyIntervention(this, iv, index)
  }

  /**
   * Acts on the run now: stamps the intervention with the current step and time, appends it to
   * the list and applies it. A run that had ended goes on. Only at the end of the list: acting
   * before interventions still to come would rewrite the future, which is the Timeline's job.
   */
  intervene(input: InterventionInput): InterventionOutcome {
    if (this.cursor < this.interventions.length)
      throw new Error('interventions are still to come: fork the run on its Timeline first')
    const iv = { ...input, at: this.now, step: this.steps }
    this.setInterventions([...this.interventions, iv])
    this.reopen()
    this.applyDue()
    return this.outcomes[this.interventions.length - 1] as InterventionOutcome
  }

  /** Replaces the list; the caller (the Timeline) makes sure no applied one changed. */
  setInterventions(list: readonly Intervention[]): void {
    this.interventions = list
    this.bound = this.boundFor(list)
    this.outcomes.length = Math.min(this.outcomes.length, this.cursor)
  }

  /**
   * A run that ended with interventions still to come goes on (they were added after it ended,
   * or it was restored to its end): a run with them from the start would not have ended there.
   */
  private reopen(): boolean {
    if (this.cursor >= this.interventions.length) return false
    this.done = false
    this.endedAt = null
    this.endReason = null
    return true
  }

  private boundFor(list: readonly Intervention[]): SimTime {
    const last = list[list.length - 1]
    return Math.max(this.until, last?.at ?? 0) + this.scenario.settle
  }

  /**
   * Nothing in flight (on the heap or held by the learner), nothing owed, no fault open, no read
   * waiting, every subscriber caught up.
   */
  quiet(): boolean {
    if (this.cursor < this.interventions.length) return false
    if (this.keep > 0 || this.openFaults > 0 || this.reads.waiting > 0) return false
    if (this.held.size > 0) return false
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
      case K.RebuildEnd:
        return finishRebuild(this, this.projections[item.p] as Projection)
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

  /** The messages the learner holds, oldest first (see learner.ts). */
  heldMessages(): HeldMessage[] {
    return heldMessages(this)
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
