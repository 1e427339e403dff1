/**
 * The engine's floor: a bare discrete-event loop that does the work no simulation of this
 * scenario can avoid, and nothing else. It pushes and pops the engine's own EventQueue as many
 * times as the engine did, and replays every `Link.transmit` the engine made (same links, same
 * seeds, same kinds of traffic, so the same PRNG draws and the same latency maths), with no log,
 * no projections, no store and no measures. The engine's time over this loop's time is the price
 * of its bookkeeping.
 */
import { Simulation, type Scenario } from '../src/core'
import type { Link } from '../src/core/engine/link'
import { EventQueue, emptyItem } from '../src/core/heap'

type Traffic = Parameters<Link['transmit']>[1]

/** What the engine did on one run of the scenario: the counts the baseline repeats. */
export interface Workload {
  /** `sim.seq`: every `schedule` is one heap push. */
  readonly pushes: number
  /** `sim.steps`: every step is one heap pop. */
  readonly pops: number
  /** The mean number of items waiting in the engine's heap, so the baseline's is as deep. */
  readonly depth: number
  /** The projection (link) of each transmission, in the engine's order, and its traffic kind. */
  readonly linkOf: Uint8Array
  readonly traffic: readonly Traffic[]
  /** The stream of the read each transmission served, or null. */
  readonly reads: readonly (string | null)[]
  /** Numbers drawn from all links' streams: the replay must draw exactly as many. */
  readonly draws: number
}

/** Runs the scenario once, untimed, listening to every transmission. */
export function recordWorkload(scenario: Scenario): Workload {
  const sim = new Simulation(scenario)
  const linkOf: number[] = []
  const traffic: Traffic[] = []
  const reads: (string | null)[] = []
  sim.projections.forEach((p, i) => {
    const link = p.link
    const transmit = link.transmit.bind(link)
    link.transmit = (sentAt, kind, read = null) => {
      linkOf.push(i)
      traffic.push(kind)
      reads.push(read)
      return transmit(sentAt, kind, read)
    }
  })
  let depth = 0
  let samples = 0
  while (!sim.done) {
    sim.runUntil({ maxSteps: 64 })
    depth += sim.heap.size
    samples++
  }
  return {
    pushes: sim.seq,
    pops: sim.steps,
    depth: Math.max(1, Math.round(depth / samples)),
    linkOf: Uint8Array.from(linkOf),
    traffic,
    reads,
    draws: drawsOf(sim.projections.map((p) => p.link)),
  }
}

/** Fresh links seeded as the engine's are, for one baseline run (made before the clock starts). */
export function freshLinks(scenario: Scenario): Link[] {
  return new Simulation(scenario).projections.map((p) => p.link)
}

export function drawsOf(links: readonly Link[]): number {
  return links.reduce((n, link) => n + link.draws(), 0)
}

/**
 * The loop: keeps `depth` items in the heap; each pop makes its share of the transmissions and
 * pushes one item at the last arrival time, until the engine's push count is spent, then drains
 * to the engine's pop count. Returns a checksum so the work cannot be optimised away.
 */
export function baselineLoop(w: Workload, links: readonly Link[]): number {
  const queue = new EventQueue()
  const item = emptyItem()
  const calls = w.traffic.length
  const perPop = calls / w.pops
  let pushes = 0
  let pops = 0
  let call = 0
  let credit = 0
  let checksum = 0
  for (; pushes < Math.min(w.depth, w.pushes); pushes++)
    queue.push(pushes, pushes, 2, 0, 0, 0, true)
  while (pops < w.pops && queue.pop(item)) {
    pops++
    const now = item.t
    checksum += item.s
    let next = now + 1
    for (credit += perPop; credit >= 1 && call < calls; credit--, call++) {
      const tx = (links[w.linkOf[call] as number] as Link).transmit(
        now,
        w.traffic[call] as Traffic,
        w.reads[call] ?? null,
      )
      next = tx.arriveAt
    }
    if (pushes < w.pushes) {
      queue.push(next, pushes, 2, 0, 0, 0, true)
      pushes++
    }
  }
  for (; call < calls; call++)
    checksum += (links[w.linkOf[call] as number] as Link).transmit(
      0,
      w.traffic[call] as Traffic,
      w.reads[call] ?? null,
    ).arriveAt
  return checksum
}
