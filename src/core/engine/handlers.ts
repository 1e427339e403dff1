import type { Domain } from '../domains'
import {
  applyEffects,
  emptyTolerantRow,
  visibleRow,
  type NewestBy,
  type TolerantRow,
} from '../domains/tolerant'
import type { Row, StoredEvent } from '../events'
import { DedupeWindow, type DedupeSnapshot } from './dedupe'

export const HANDLER_NAMES = ['naive', 'idempotent', 'ordered', 'order-tolerant'] as const
export type HandlerName = (typeof HANDLER_NAMES)[number]
export type Outcome = 'applied' | 'skipped' | 'buffered'

/** What a handler may do to its projection: read its rows and write one. */
export interface HandlerHost {
  readonly domain: Domain
  keyAt(position: number): number
  row(id: number): Row | undefined
  /** `domain.evolve`, which may answer with the truth's own row object (see Projection). */
  evolve(row: Row | undefined, event: StoredEvent): Row | undefined
  /** Sets the visible row of a key as the effect of `event`, and takes the measures. */
  commit(id: number, event: StoredEvent, row: Row | undefined): void
}

/**
 * A handler strategy: how a projection turns deliveries into rows. It sees only what the network
 * hands it (and, for read repair, a stream fetched from the store), never the truth.
 */
export interface Handler {
  readonly name: HandlerName
  /** `tag` is the host's handle on this copy; buffered copies come back with it in `drained`. */
  receive(event: StoredEvent, tag: number): Outcome
  /** Tags of buffered copies applied during the last `receive`, in order. */
  readonly drained: number[]
  /** The position up to which everything is processed, as a subscriber would ask "after N". */
  checkpoint(): number
  /** Copies held back, waiting for a gap to fill. */
  buffered(): number
  /** The positions the handler is waiting for, if it is waiting: [from, to]. */
  gap(): readonly [number, number] | null
  /** Replaces a row with the fold of its stream, as read repair does. */
  repair(id: number, stream: readonly StoredEvent[]): void
  /** Volatile state is lost in a crash; rows and checkpoints are durable. */
  crash(): void
  /** Entries of dedupe sets and buffers right now (for the memory comparison). */
  memory(): number
  snapshot(): unknown
  restore(snapshot: unknown): void
}

/** Settings of a handler from its projection's spec. */
export interface HandlerOptions {
  /** `order-tolerant`: how a `newest` field tells the newer event (by version unless set). */
  readonly newestBy?: NewestBy | undefined
}

export function createHandler(
  name: HandlerName,
  host: HandlerHost,
  options: HandlerOptions = {},
): Handler {
  switch (name) {
    case 'naive':
      return new Naive(host)
    case 'idempotent':
      return new Idempotent(host)
    case 'ordered':
      return new Ordered(host)
    case 'order-tolerant':
      return new OrderTolerant(host, options.newestBy ?? 'version')
  }
}

function fold(domain: Domain, events: readonly StoredEvent[]): Row | undefined {
  let row: Row | undefined
  for (const e of events) row = domain.evolve(row, e)
  return row
}

/** Applies every copy as it comes with the in-order logic: wrong under duplicates and reordering. */
class Naive implements Handler {
  readonly name = 'naive'
  readonly drained: number[] = []
  private max = 0

  constructor(private readonly host: HandlerHost) {}

  receive(event: StoredEvent): Outcome {
    const id = this.host.keyAt(event.position)
    this.host.commit(id, event, this.host.evolve(this.host.row(id), event))
    this.max = Math.max(this.max, event.position)
    return 'applied'
  }

  checkpoint = () => this.max
  buffered = () => 0
  gap = () => null
  memory = () => 0
  crash(): void {}

  repair(id: number, stream: readonly StoredEvent[]): void {
    const last = stream[stream.length - 1]
    if (last) this.host.commit(id, last, fold(this.host.domain, stream))
  }

  snapshot = () => this.max
  restore(s: unknown): void {
    this.max = s as number
  }
}

/** Skips copies of events it has applied before. Right under duplicates, wrong under reordering. */
class Idempotent implements Handler {
  readonly name: HandlerName = 'idempotent'
  readonly drained: number[] = []
  protected readonly seen = new DedupeWindow()

  constructor(protected readonly host: HandlerHost) {}

  receive(event: StoredEvent): Outcome {
    if (!this.seen.add(event.position)) return 'skipped'
    const id = this.host.keyAt(event.position)
    this.host.commit(id, event, this.next(id, event))
    return 'applied'
  }

  protected next(id: number, event: StoredEvent): Row | undefined {
    return this.host.evolve(this.host.row(id), event)
  }

  checkpoint = () => this.seen.watermark
  buffered = () => 0
  gap = () => null
  memory = () => this.seen.size
  crash(): void {}

  repair(id: number, stream: readonly StoredEvent[]): void {
    for (const e of stream) this.seen.add(e.position)
    const last = stream[stream.length - 1]
    if (last) this.host.commit(id, last, this.rebuild(id, stream))
  }

  protected rebuild(_id: number, stream: readonly StoredEvent[]): Row | undefined {
    return fold(this.host.domain, stream)
  }

  snapshot(): unknown {
    return this.seen.snapshot()
  }

  restore(s: unknown): void {
    this.seen.restore(s as DedupeSnapshot)
  }
}

/**
 * The patterns for infrastructure without order guarantees: each field follows its own rule
 * (newest by version or timestamp, set once, minimum or maximum, counted once, soft delete), so
 * any arrival order of the same events gives the same row. Duplicates are removed first, which
 * is what keeps amounts right.
 */
class OrderTolerant extends Idempotent {
  override readonly name: HandlerName = 'order-tolerant'
  private tolerant: (TolerantRow | undefined)[] = []

  constructor(
    host: HandlerHost,
    private readonly newestBy: NewestBy,
  ) {
    super(host)
  }

  protected override next(id: number, event: StoredEvent): Row | undefined {
    const row = applyEffects(
      this.tolerant[id] ?? emptyTolerantRow,
      this.host.domain.effects(event),
      event,
      this.newestBy,
    )
    this.tolerant[id] = row
    return visibleRow(row, this.host.domain.fields)
  }

  protected override rebuild(id: number, stream: readonly StoredEvent[]): Row | undefined {
    let row = emptyTolerantRow
    for (const e of stream) row = applyEffects(row, this.host.domain.effects(e), e, this.newestBy)
    this.tolerant[id] = row
    return visibleRow(row, this.host.domain.fields)
  }

  override memory = () => this.seen.size + this.tolerant.length

  override snapshot(): unknown {
    return { seen: this.seen.snapshot(), tolerant: this.tolerant.slice() }
  }

  override restore(s: unknown): void {
    const snap = s as { seen: DedupeSnapshot; tolerant: (TolerantRow | undefined)[] }
    this.seen.restore(snap.seen)
    this.tolerant = snap.tolerant.slice()
  }
}

/**
 * Applies strictly in position order from its checkpoint: early copies wait in a buffer, copies
 * at or below the checkpoint are skipped. The projection fetches a gap that stays open too long.
 */
class Ordered implements Handler {
  readonly name = 'ordered'
  readonly drained: number[] = []
  private cp = 0
  private waiting = new Map<number, { event: StoredEvent; tag: number }>()
  /** Positions already folded in by read repair: they advance the checkpoint without effect. */
  private repaired = new Set<number>()
  /**
   * The highest position whose buffered copy a crash lost. Those copies were acknowledged when
   * they arrived, so nobody sends them again: the handler must fetch up to here itself.
   */
  private lost = 0

  constructor(private readonly host: HandlerHost) {}

  receive(event: StoredEvent, tag: number): Outcome {
    this.drained.length = 0
    const p = event.position
    if (p <= this.cp || this.waiting.has(p)) return 'skipped'
    if (p !== this.cp + 1) {
      this.waiting.set(p, { event, tag })
      return 'buffered'
    }
    this.apply(event)
    for (let next = this.waiting.get(this.cp + 1); next; next = this.waiting.get(this.cp + 1)) {
      this.waiting.delete(this.cp + 1)
      this.apply(next.event)
      this.drained.push(next.tag)
    }
    return 'applied'
  }

  private apply(event: StoredEvent): void {
    this.cp = event.position
    if (this.repaired.delete(event.position)) return
    const id = this.host.keyAt(event.position)
    this.host.commit(id, event, this.host.evolve(this.host.row(id), event))
  }

  checkpoint = () => this.cp
  buffered = () => this.waiting.size
  memory = () => this.waiting.size + this.repaired.size

  gap(): readonly [number, number] | null {
    if (this.waiting.size === 0) return this.lost > this.cp ? [this.cp + 1, this.lost] : null
    let lowest = Infinity
    for (const p of this.waiting.keys()) lowest = Math.min(lowest, p)
    return [this.cp + 1, lowest - 1]
  }

  repair(id: number, stream: readonly StoredEvent[]): void {
    for (const e of stream) if (e.position > this.cp) this.repaired.add(e.position)
    const last = stream[stream.length - 1]
    if (last) this.host.commit(id, last, fold(this.host.domain, stream))
  }

  crash(): void {
    for (const p of this.waiting.keys()) this.lost = Math.max(this.lost, p)
    this.waiting.clear()
  }

  snapshot(): unknown {
    return {
      cp: this.cp,
      waiting: [...this.waiting],
      repaired: [...this.repaired],
      lost: this.lost,
    }
  }

  restore(s: unknown): void {
    const snap = s as {
      cp: number
      waiting: [number, { event: StoredEvent; tag: number }][]
      repaired: number[]
      lost: number
    }
    this.cp = snap.cp
    this.waiting = new Map(snap.waiting)
    this.repaired = new Set(snap.repaired)
    this.lost = snap.lost
  }
}
