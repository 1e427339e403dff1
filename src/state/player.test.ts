/**
 * The Player drives a run in the page: whatever the learner does with the time controls, the
 * state shown is the state a fresh run would be in at that instant, with the same interventions.
 */
import { describe, expect, it } from 'vitest'
import { buildResult, Simulation, type Intervention, type Scenario } from '../core'
import { largePush, load, outOfOrder, readAfterWrite } from '../scenarios'
import { Player, TICK_MS, type Scheduler } from './player'

/** A scheduler driven by the test: `run` performs the queued slices with a wall clock it moves. */
function manual() {
  let wall = 0
  let queue: (() => void)[] = []
  const scheduler: Scheduler = { now: () => wall, later: (f) => void queue.push(f) }
  return {
    scheduler,
    /** Runs queued slices, each `ms` of wall time after the previous one. */
    frames(n: number, ms = 16) {
      for (let i = 0; i < n && queue.length > 0; i++) {
        wall += ms
        const batch = queue
        queue = []
        for (const f of batch) f()
      }
    },
    pending: () => queue.length,
  }
}

const observe = (sim: Simulation) => JSON.stringify(buildResult(sim, { trace: true }))

function freshAt(s: Scenario, time: number, interventions: readonly Intervention[] = []): string {
  const sim = new Simulation(s, { interventions })
  sim.runUntil({ time })
  return observe(sim)
}

function freshAfter(s: Scenario, steps: number, interventions: readonly Intervention[] = []) {
  const sim = new Simulation(s, { interventions })
  sim.runUntil({ maxSteps: steps })
  return observe(sim)
}

const noHooks = { onChange: () => {}, onSaveFailed: () => {} }

function player(s: Scenario) {
  const clock = manual()
  return { clock, player: new Player({ scenario: s }, noHooks, clock.scheduler) }
}

describe('the Player', () => {
  const s = load(outOfOrder)

  it('plays at the chosen speed: simulated time moves by the wall time times the speed', () => {
    const { clock, player: p } = player(s)
    p.setSpeed(2)
    p.play()
    clock.frames(1) // the first slice only starts the clock
    clock.frames(5, 16)
    expect(p.sim.now).toBe(5 * 16 * 2)
    expect(observe(p.sim)).toBe(freshAt(s, 160))
    p.pause()
    clock.frames(5)
    expect(p.sim.now).toBe(160)
  })

  it('plays to a stop and pauses exactly there, even when paused and played on the way', () => {
    const { clock, player: p } = player(s)
    p.setSpeed(2)
    p.playTo(150)
    clock.frames(1)
    clock.frames(2, 16) // 64 ms of simulated time
    p.pause()
    clock.frames(3, 16)
    expect(p.sim.now).toBe(64)
    p.play()
    clock.frames(1)
    clock.frames(10, 16)
    expect(p.mode).toBe('paused')
    expect(p.sim.now).toBe(150)
    expect(observe(p.sim)).toBe(freshAt(s, 150))
    // The stop is spent: playing again goes on past it.
    p.play()
    clock.frames(1)
    clock.frames(2, 16)
    expect(p.sim.now).toBe(150 + 64)
  })

  it('forgets the stop when the learner seeks', () => {
    const { clock, player: p } = player(s)
    p.playTo(100)
    p.seek(20)
    p.play()
    clock.frames(1)
    clock.frames(10, 16)
    expect(p.sim.now).toBeGreaterThan(100)
  })

  it('gives the frame after an input to painting it, and loses no simulated time for it', () => {
    const { clock, player: p } = player(s)
    p.play()
    clock.frames(1)
    clock.frames(2, 16)
    expect(p.sim.now).toBe(32)
    p.yieldToInput()
    clock.frames(1, 16)
    expect(p.sim.now).toBe(32)
    clock.frames(1, 16)
    expect(p.sim.now).toBe(64)
    expect(observe(p.sim)).toBe(freshAt(s, 64))
    // Paused, there is nothing to hold back: the next play starts at once.
    p.pause()
    p.yieldToInput()
    p.play()
    clock.frames(1)
    clock.frames(1, 16)
    expect(p.sim.now).toBe(80)
  })

  it('steps forward to the next visible change and back again to exactly the same states', () => {
    const { player: p } = player(s)
    const visited: { steps: number; state: string }[] = []
    for (let i = 0; i < 12 && !p.sim.done; i++) {
      p.stepForward()
      visited.push({ steps: p.sim.steps, state: observe(p.sim) })
      expect(observe(p.sim)).toBe(freshAfter(s, p.sim.steps))
    }
    for (let i = visited.length - 2; i >= 0; i--) {
      p.stepBack()
      expect(p.sim.steps).toBe(visited[i]?.steps)
      expect(observe(p.sim)).toBe(visited[i]?.state)
    }
  })

  it('shows the same state after scrubbing back and forth as after stepping there', () => {
    const { clock, player: p } = player(s)
    for (let i = 0; i < 6; i++) p.stepForward()
    const stepped = observe(p.sim)
    const at = p.sim.now
    p.seek(at + 700)
    clock.frames(50)
    p.seek(0)
    p.seek(at)
    clock.frames(50)
    // Stepping stops right after an item; seeking to its time runs everything at that instant.
    expect(observe(p.sim)).toBe(freshAt(s, at))
    expect(freshAt(s, at)).toBe(freshAfter(s, p.sim.steps))
    const events = (text: string) => (JSON.parse(text) as { events: unknown[] }).events
    expect(events(observe(p.sim))).toEqual(events(stepped))
  })

  it('computes toward a later time by slices, never more than a slice per frame', () => {
    const big = load(largePush(1500))
    const clock = manual()
    let t = 0
    // Each reading of the wall clock costs a millisecond of "work".
    const p = new Player({ scenario: big }, noHooks, {
      now: () => (t += 1),
      later: clock.scheduler.later,
    })
    p.runTo()
    clock.frames(1)
    expect(p.mode).toBe('running')
    expect(p.sim.done).toBe(false)
    clock.frames(10_000)
    expect(p.sim.done).toBe(true)
    expect(p.mode).toBe('paused')
    expect(observe(p.sim)).toBe(observe(new Simulation(big).run()))
    expect(TICK_MS).toBeLessThanOrEqual(16)
  }, 20_000)

  it('forks the run when acting in the past, says so, and undo brings the old future back', () => {
    const r = load(readAfterWrite)
    const { clock, player: p } = player(r)
    p.runTo()
    clock.frames(1000)
    const end = observe(p.sim)
    expect(p.lastFork).toBeNull()

    p.seek(5)
    p.act({ type: 'partition', projection: r.projections[0]?.id ?? '' })
    expect(p.lastFork).toMatchObject({ at: 5, discarded: 0 })
    expect(p.frontier).toBe(5)
    p.runTo()
    clock.frames(1000)
    const forked = observe(p.sim)
    expect(forked).not.toBe(end)
    expect(forked).toBe(observe(new Simulation(r, { interventions: p.sim.interventions }).run()))

    p.undo()
    expect(p.sim.interventions).toEqual([])
    clock.frames(100)
    expect(p.sim.now).toBe(5)
    p.runTo()
    clock.frames(1000)
    expect(observe(p.sim)).toBe(end)

    p.redo()
    clock.frames(1000)
    p.runTo()
    clock.frames(1000)
    expect(observe(p.sim)).toBe(forked)
  })

  it('acting at the end of what was computed is no fork', () => {
    const r = load(readAfterWrite)
    const { player: p } = player(r)
    p.stepForward()
    p.act({ type: 'crash', projection: r.projections[0]?.id ?? '' })
    expect(p.lastFork).toBeNull()
    expect(p.canUndo).toBe(true)
  })
})
