import type { StoredEvent } from '../events'
import { roundTime } from '../time'
import type { Item } from '../heap'
import { Exchange } from './exchange'
import { K } from './items'
import { DROP, KIND, OUTCOME } from './log'
import type { Projection } from './projection'
import type { Simulation } from './simulation'

type ScriptEntry = { readonly at: number } | { readonly drop: true }

/**
 * Moves events from the store to the projections: a publisher that pushes every new event (and
 * redelivers what is not acknowledged in time, for at-least-once), or subscribers that pull
 * "events after my checkpoint" every poll interval. Both legs of every exchange cross the
 * projection's link, so they see its latency, loss, duplication, reordering and partitions.
 */
export class Network {
  /**
   * Scripted deliveries per projection and position; they replace the link's random choices.
   * Null for a projection without a script, so that most deliveries skip the lookup.
   */
  private readonly scripts: (ReadonlyMap<number, readonly ScriptEntry[]> | null)[]
  readonly exchange: Exchange

  constructor(private readonly sim: Simulation) {
    this.scripts = sim.projections.map((p) => {
      const byPosition = new Map<number, ScriptEntry[]>()
      for (const entry of p.spec.link.script ?? []) {
        const list = byPosition.get(entry.position) ?? []
        list.push(entry)
        byPosition.set(entry.position, list)
      }
      return byPosition.size > 0 ? byPosition : null
    })
    this.exchange = new Exchange(sim, this)
  }

  start(): void {
    for (const p of this.sim.projections)
      if (p.spec.delivery.mode === 'pull') this.sim.schedule(0, K.Poll, p.index, 0, 0, false)
  }

  /** A crash loses what the handler keeps in memory only (an ordered handler's buffer). */
  crashed(p: Projection): void {
    p.handler.crash()
    p.pipeline.setBuffered(this.sim.now, p.handler.buffered())
  }

  dispatch(item: Item): void {
    const p = this.sim.projections[item.p] as Projection
    switch (item.k) {
      case K.Arrive:
        return this.arrive(p, item.a)
      case K.AckTimeout:
        return this.ackTimer(p)
      default:
        return this.exchange.dispatch(item, p)
    }
  }

  // --- Push ------------------------------------------------------------------------------------

  published(event: StoredEvent): void {
    const projections = this.sim.projections
    for (let i = 0; i < projections.length; i++) {
      const p = projections[i] as Projection
      if (p.spec.delivery.mode !== 'push') continue
      const script = this.scripts[p.index]?.get(event.position)
      if (script) this.sendScripted(p, event.position, script)
      else this.push(p, event.position, KIND.first)
    }
  }

  private push(p: Projection, position: number, kind: number): void {
    const sim = this.sim
    const delivery = p.spec.delivery
    // A copy the learner holds does not cross the link: no draws, no loss, no duplicate.
    const held = sim.held.holding
    const tx = held ? null : p.link.transmit(sim.now, kind === KIND.first ? 'push' : 'redelivery')
    const send = sim.logSend(position, p.index, kind)
    p.stats.sent++
    if (kind === KIND.redelivery) p.stats.redelivered++
    if (tx === null) {
      sim.held.hold(K.Arrive, p.index, send, 0)
      p.wire++
    } else if (tx.lost) {
      sim.log.lost(send, tx.arriveAt)
      p.stats.dropped++
    } else {
      sim.schedule(tx.arriveAt, K.Arrive, p.index, send, 0, true)
      p.wire++
    }
    if (tx !== null && tx.duplicated) {
      const copy = sim.logSend(position, p.index, KIND.duplicate)
      sim.schedule(tx.duplicateAt, K.Arrive, p.index, copy, 0, true)
      p.wire++
    }
    if (delivery.mode === 'push' && delivery.guarantee === 'at-least-once') {
      if (kind === KIND.first) p.unacked++
      p.redelivery.add(position, roundTime(sim.now + delivery.ackTimeout))
      this.armTimer(p)
    }
  }

  private sendScripted(p: Projection, position: number, script: readonly ScriptEntry[]): void {
    // The script stands for the network; a learner who holds it sends one copy and decides.
    if (this.sim.held.holding) {
      const send = this.sim.logSend(position, p.index, KIND.first)
      p.stats.sent++
      this.sim.held.hold(K.Arrive, p.index, send, 0)
      p.wire++
      return
    }
    for (const entry of script) {
      const at = 'at' in entry ? Math.max(entry.at, this.sim.now) : NaN
      const send = this.sim.logSend(
        position,
        p.index,
        KIND.first,
        'at' in entry ? NaN : this.sim.now,
      )
      p.stats.sent++
      if ('at' in entry) {
        this.sim.schedule(at, K.Arrive, p.index, send, 0, true)
        p.wire++
      } else p.stats.dropped++
    }
  }

  private arrive(p: Projection, send: number): void {
    const sim = this.sim
    p.wire--
    const reason = this.blocked(p, sim.log.sentAt.at(send))
    if (reason !== DROP.none) {
      p.stats.dropped++
      return sim.logArrival(send, OUTCOME.dropped, reason)
    }
    const position = sim.log.position.at(send)
    this.deliver(p, send, position)
    const delivery = p.spec.delivery
    if (delivery.mode !== 'push' || delivery.guarantee !== 'at-least-once') return
    if (!this.scripts[p.index]?.has(position)) this.acknowledge(p, position)
  }

  /**
   * The acknowledgement crosses the link back. Rather than scheduling it, its arrival time is
   * kept and compared when the publisher's timer fires: the same outcome for one heap operation
   * less per delivery. The partition check uses the windows known now; a partition opened later
   * by an intervention starts at its own "now" and so cannot reach back to an ack already sent.
   */
  private acknowledge(p: Projection, position: number): void {
    const now = this.sim.now
    const tx = p.link.transmit(now, 'ack')
    // The earlier of the two copies that get through, kept with one write.
    let at = Infinity
    if (!tx.lost && !p.link.cutOff(now, tx.arriveAt)) at = tx.arriveAt
    if (tx.duplicated && tx.duplicateAt < at && !p.link.cutOff(now, tx.duplicateAt))
      at = tx.duplicateAt
    if (at !== Infinity) p.ackAt.lower(position, at)
  }

  /**
   * The publisher's timer: every send whose deadline has passed is settled if its ack came back
   * by the deadline, or sent again; sends whose ack is already back are settled on the way.
   */
  private ackTimer(p: Projection): void {
    const now = this.sim.now
    const queue = p.redelivery
    queue.timerAt = NaN
    for (;;) {
      const deadline = queue.nextDeadline()
      if (deadline === Infinity) break
      const position = queue.nextPosition()
      const ackAt = p.ackAt.get(position)
      if (ackAt <= Math.min(deadline, now)) p.unacked--
      else if (deadline <= now) this.push(p, position, KIND.redelivery)
      else break
      queue.shift()
    }
    this.armTimer(p)
  }

  private armTimer(p: Projection): void {
    const queue = p.redelivery
    const deadline = queue.nextDeadline()
    if (deadline === Infinity || !Number.isNaN(queue.timerAt)) return
    queue.timerAt = deadline
    this.sim.schedule(deadline, K.AckTimeout, p.index, 0, 0, false)
  }

  // --- Shared ----------------------------------------------------------------------------------

  /** Why a copy sent at `sentAt` and arriving now cannot be received, or DROP.none. */
  blocked(p: Projection, sentAt: number): number {
    if (p.downAt(this.sim.now)) return p.rebuilding ? DROP.rebuild : DROP.crash
    if (p.link.cutOff(sentAt, this.sim.now)) return DROP.partition
    return DROP.none
  }

  /** Hands one arrived copy to the projection's handler and logs what became of it. */
  deliver(p: Projection, send: number, position: number): void {
    const sim = this.sim
    p.arrive(position)
    const outcome = p.handler.receive(sim.event(position), send)
    let code: number = OUTCOME.applied
    if (outcome === 'skipped') {
      p.stats.skipped++
      code = OUTCOME.skipped
    } else if (outcome === 'buffered') {
      p.stats.buffered++
      code = OUTCOME.buffered
    }
    sim.logArrival(send, code)
    const drained = p.handler.drained
    for (let i = 0; i < drained.length; i++) sim.log.drain(drained[i] as number)
    if (outcome === 'buffered' || drained.length > 0)
      p.pipeline.setBuffered(sim.now, p.handler.buffered())
    p.notePeakMemory()
    if (outcome === 'buffered') this.exchange.armGapTimer(p)
    sim.reads.applied(p)
  }

  snapshot(): { requests: number; answers: number } {
    return this.exchange.log.mark()
  }

  restore(mark: { requests: number; answers: number }): void {
    this.exchange.log.rewind(mark)
  }
}
