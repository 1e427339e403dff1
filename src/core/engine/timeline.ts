import type { SimTime } from '../time'
import type { Budget, Progress, Simulation } from './simulation'
import type { SimulationSnapshot } from './snapshot'

/**
 * Moves a simulation back and forth in time. Going forward it keeps a snapshot every `every`
 * steps; going back it restores the nearest earlier snapshot and replays from there, which the
 * engine's determinism makes exact. A seek back costs at most `every` steps, never a run from
 * zero. A seek forward runs on from where the simulation is: a snapshot ahead of it cannot be
 * restored once going back has discarded the events and deliveries recorded after that point.
 */
export class Timeline {
  private readonly snapshots: SimulationSnapshot[]
  private readonly every: number

  constructor(
    readonly sim: Simulation,
    options: { every?: number } = {},
  ) {
    if (!sim.journal.enabled)
      throw new Error('a Timeline needs a simulation created with timeTravel: true')
    this.every = Math.max(1, options.every ?? 2000)
    this.snapshots = [sim.snapshot()]
  }

  /** Runs forward by budget, keeping snapshots on the way. */
  advance(budget: Budget = {}): Progress {
    const limit = budget.maxSteps ?? Infinity
    let steps = 0
    while (steps < limit && !this.sim.done) {
      const last = this.snapshots[this.snapshots.length - 1] as SimulationSnapshot
      const chunk = Math.max(1, Math.min(limit - steps, last.steps + this.every - this.sim.steps))
      const progress = this.sim.runUntil({ ...budget, maxSteps: chunk })
      steps += progress.steps
      if (this.sim.steps >= last.steps + this.every) this.snapshots.push(this.sim.snapshot())
      if (progress.steps < chunk) break
    }
    return { now: this.sim.now, steps, done: this.sim.done }
  }

  /** The state after everything at or before `time` has happened. */
  seek(time: SimTime): Progress {
    if (this.sim.now > time) this.sim.restore(this.latest((s) => s.now <= time))
    return this.advance({ time })
  }

  /**
   * The state after exactly `steps` items: how step back is done. Asking for the step it is at
   * also restores and replays, since a seek by time may have moved the clock past that step.
   */
  seekStep(steps: number): Progress {
    const target = Math.max(0, steps)
    if (target <= this.sim.steps) this.sim.restore(this.latest((s) => s.steps <= target))
    return this.advance({ maxSteps: target - this.sim.steps })
  }

  get snapshotCount(): number {
    return this.snapshots.length
  }

  private latest(ok: (s: SimulationSnapshot) => boolean): SimulationSnapshot {
    for (let i = this.snapshots.length - 1; i >= 0; i--) {
      const s = this.snapshots[i] as SimulationSnapshot
      if (ok(s)) return s
    }
    return this.snapshots[0] as SimulationSnapshot
  }
}
