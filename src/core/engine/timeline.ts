import type { Intervention, InterventionInput } from '../scenario/interventions'
import type { SimTime } from '../time'
import type { InterventionOutcome } from './interventions'
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
  private snapshots: SimulationSnapshot[]
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
    // A run restored to its end goes on if interventions are still to come (see runUntil).
    while (steps < limit && !(this.sim.done && this.sim.cursor >= this.sim.interventions.length)) {
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

  /**
   * Acts on the run where it is now. Acting in the past forks the run: the interventions that
   * came later are discarded (and returned, so that an undo can put them back) along with every
   * state computed after this point.
   */
  act(input: InterventionInput): { outcome: InterventionOutcome; discarded: Intervention[] } {
    const sim = this.sim
    const discarded = sim.interventions.slice(sim.cursor)
    if (discarded.length > 0) sim.setInterventions(sim.interventions.slice(0, sim.cursor))
    const outcome = sim.intervene(input)
    const index = sim.interventions.length - 1
    this.keepValid(index, sim.interventions[index])
    return { outcome, discarded }
  }

  /**
   * Gives the run another list of interventions (undo, redo, a shared link). States computed
   * under the old list stay where the two lists agree; the simulation goes back to the latest of
   * them if it is past the first difference. Seek afterwards to show a time.
   */
  setInterventions(list: readonly Intervention[]): void {
    const sim = this.sim
    const old = sim.interventions
    let d = 0
    while (d < old.length && d < list.length && sameIntervention(old[d], list[d])) d++
    if (d === old.length && d === list.length) return
    const first = list[d]
    this.keepValid(d, first)
    if (!stillValid(sim, d, first)) sim.restore(this.latest(() => true))
    sim.setInterventions(list)
  }

  /** Drops the snapshots a change at index `d` (now `first`) makes wrong; the first always stays. */
  private keepValid(d: number, first: Intervention | undefined): void {
    this.snapshots = this.snapshots.filter((s, i) => i === 0 || stillValid(s, d, first))
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

/**
 * Whether a state computed under a list that agrees with the new one before index `d` is also a
 * state of the run under the new list: it has applied none of the interventions from `d` on, and
 * has not gone past the point where the new list's `d`-th would have been applied. Conservative:
 * a state past that intervention's step is dropped even if its time had not come yet.
 */
function stillValid(
  s: { readonly cursor: number; readonly steps: number; readonly now: number },
  d: number,
  first: Intervention | undefined,
): boolean {
  if (s.cursor > d) return false
  if (!first) return true
  return s.steps < first.step || (s.steps === first.step && s.now <= first.at)
}

function sameIntervention(a: Intervention | undefined, b: Intervention | undefined): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b)
}
