import { describe, expect, it } from 'vitest'
// The last tests run the engine to hold the layout to its own measures.
import { buildResult, Simulation, traceView, type SeriesRecord } from '../../core'
import { scenario } from '../../core/testing'
import { lagView, twoEvents } from './test-views'
import { decimate, lagAt, lagLayout, RECENT_MS, timeToX, type LagFrame } from './lag-layout'

const view = (...args: Parameters<typeof lagView> extends [unknown, ...infer R] ? R : never) =>
  lagView(scenario(), ...args)
const run = twoEvents
// 0.1 px per ms; 50 px per event on top, 25 px per row below.
const frame: LagFrame = { t0: 0, t1: 1000, width: 100, lagHeight: 100, rowsHeight: 50 }

/** The first `n` samples: the series as a trace view taken earlier would have it. */
const prefix = (n: number) => ({
  t: run.t.slice(0, n),
  behind: run.behind.slice(0, n),
  oldestAt: run.oldestAt.slice(0, n),
  divergent: run.divergent.slice(0, n),
})

describe('lagLayout of a finished run', () => {
  const layout = lagLayout(view(1000, run, 800), 0, frame)

  it('draws the events behind as steps, one corner per change of value', () => {
    expect(layout.events.points).toEqual([
      [0, 0],
      [100, 1],
      [200, 2],
      [500, 1],
      [600, 0],
      [1000, 0],
    ])
    // d3's step curve repeats the last corner.
    expect(layout.events.path).toBe(
      'M0,100L10,100L10,50L20,50L20,0L50,0L50,50L60,50L60,100L100,100L100,100',
    )
    expect(layout.events).toMatchObject({ max: 2, yMax: 2 })
  })

  it('draws the lag in ms as ramps that rise with time and drop when the oldest is applied', () => {
    // Oldest unapplied: appended at 100 from 100 to 500, then the one appended at 200 until 600.
    expect(layout.ms.points).toEqual([
      [0, 0],
      [100, 0],
      [500, 400],
      [500, 300],
      [600, 400],
      [600, 0],
      [1000, 0],
    ])
    expect(layout.ms.path).toBe('M0,100L10,100L50,0L50,25L60,0L60,100L100,100')
    expect(layout.ms.max).toBe(400)
  })

  it('draws the divergent rows on their own panel', () => {
    expect(layout.divergent.points).toEqual([
      [0, 0],
      [300, 1],
      [500, 2],
      [600, 1],
      [800, 0],
      [1000, 0],
    ])
    expect(layout.divergent.path).toBe(
      'M0,50L30,50L30,25L50,25L50,0L60,0L60,25L80,25L80,50L100,50L100,50',
    )
  })

  it('shades the stretch where rows differ, and marks convergence where it ends', () => {
    expect(layout.windows).toEqual([{ from: 300, to: 800, band: { x0: 30, x1: 80 } }])
    expect(layout.converged).toEqual({ at: 800, x: 80 })
  })

  it('is steady and has no estimate once caught up', () => {
    expect(layout.catchUp).toEqual({
      behind: 0,
      lagMs: 0,
      divergent: 0,
      window: 100, // a tenth of the run
      ratePerSecond: 0,
      trend: 'steady',
      etaMs: null,
    })
  })
})

describe('lagLayout while the run is under way', () => {
  // At 550: the first event is applied, the second (appended at 200) is not, and rows differ.
  const layout = lagLayout(view(550, prefix(4), null), 0, frame)

  it('ends every series at now, the lag in ms mid-ramp', () => {
    expect(layout.to).toBe(550)
    expect(layout.events.points.at(-1)).toEqual([550, 1])
    expect(layout.ms.points.slice(-3)).toEqual([
      [500, 400],
      [500, 300],
      [550, 350],
    ])
    expect(layout.ms.path.endsWith('L55,12.5')).toBe(true)
  })

  it('leaves the window open and has not converged', () => {
    expect(layout.windows).toEqual([{ from: 300, to: null, band: { x0: 30, x1: 55 } }])
    expect(layout.converged).toBeNull()
  })

  it('is catching up at the rate of the last tenth of the run', () => {
    // From 495 to 550 the backlog went from 2 to 1: one event in 55 ms, so 55 ms to go.
    expect(layout.catchUp).toMatchObject({
      behind: 1,
      lagMs: 350,
      divergent: 2,
      window: 55,
      trend: 'catching up',
    })
    expect(layout.catchUp.ratePerSecond).toBeCloseTo(1000 / 55, 9)
    expect(layout.catchUp.etaMs).toBeCloseTo(55, 9)
  })
})

describe('lagLayout catching up', () => {
  it('estimates the time to go from the drain rate over the last tenth of the run', () => {
    const layout = lagLayout(
      view(
        2000,
        {
          t: [500, 1000, 1500, 1900],
          behind: [10, 10, 7, 4],
          oldestAt: [500, 500, 900, 1200],
          divergent: [3, 3, 3, 3],
        },
        null,
      ),
      0,
      { ...frame, t1: 2000 },
    )
    // 7 behind at 1800, 4 at 2000: 15 per second, so 4 more take 267 ms.
    expect(layout.catchUp).toMatchObject({ behind: 4, lagMs: 800, trend: 'catching up' })
    expect(layout.catchUp.ratePerSecond).toBeCloseTo(15, 9)
    expect(layout.catchUp.etaMs).toBeCloseTo(4000 / 15, 9)
  })

  it('is steady, without an estimate, when the backlog neither grows nor shrinks', () => {
    const steady = { t: [0, 500], behind: [5, 5], oldestAt: [0, 0], divergent: [1, 1] }
    const layout = lagLayout(view(2000, steady, null), 0, frame)
    expect(layout.catchUp).toMatchObject({ behind: 5, trend: 'steady', etaMs: null })
  })

  it('is falling behind, without an estimate, when the backlog grew', () => {
    const growing = { t: [0, 950], behind: [3, 5], oldestAt: [0, 0], divergent: [1, 1] }
    const layout = lagLayout(view(1000, growing, null), 0, frame)
    expect(layout.catchUp).toMatchObject({ behind: 5, trend: 'falling behind', etaMs: null })
    expect(layout.catchUp.ratePerSecond).toBeCloseTo(-20, 9)
  })

  it('looks back at most a second in a long run', () => {
    const long = {
      t: [0, 8500, 9500],
      behind: [9, 6, 3],
      oldestAt: [0, 0, 0],
      divergent: [1, 1, 1],
    }
    expect(lagLayout(view(20_000, long, null), 0, frame).catchUp.window).toBe(RECENT_MS)
  })
})

describe('lagLayout in a zoomed frame', () => {
  const zoom: LagFrame = { ...frame, t0: 400, t1: 700, width: 300 }
  const layout = lagLayout(view(1000, run, 800), 0, zoom)

  it('starts each series with its value at the left edge', () => {
    expect(layout.events.points).toEqual([
      [400, 2],
      [500, 1],
      [600, 0],
      [700, 0],
    ])
    expect(layout.ms.points[0]).toEqual([400, 300])
  })

  it('keeps the y scales of the whole run, so zooming does not rescale them', () => {
    expect([layout.events.yMax, layout.ms.yMax, layout.divergent.yMax]).toEqual([2, 400, 2])
  })

  it('cuts the shading at the edges and leaves a convergence outside the frame unplaced', () => {
    expect(layout.windows).toEqual([{ from: 300, to: 800, band: { x0: 0, x1: 300 } }])
    expect(layout.converged).toEqual({ at: 800, x: null })
  })

  it('draws nothing for a frame that lies after now', () => {
    const later = lagLayout(view(1000, run, 800), 0, { ...frame, t0: 1200, t1: 2000 })
    expect([later.events.path, later.ms.path, later.divergent.path]).toEqual(['', '', ''])
    expect(later.windows[0]?.band).toBeNull()
  })
})

describe('lagLayout of a projection with nothing to do', () => {
  it('draws flat lines at 0 on a unit scale', () => {
    const layout = lagLayout(
      view(300, { t: [], behind: [], oldestAt: [], divergent: [] }, 0),
      0,
      frame,
    )
    expect(layout.events).toMatchObject({ max: 0, yMax: 1, path: 'M0,100L30,100L30,100' })
    expect(layout.windows).toEqual([])
    expect(layout.converged).toEqual({ at: 0, x: 0 })
  })
})

describe('timeToX', () => {
  it('maps the frame’s time onto its width', () => {
    const x = timeToX({ t0: 1000, t1: 3000, width: 400 })
    expect([x(1000), x(2000), x(3000)]).toEqual([0, 200, 400])
  })
})

describe('lagLayout of a real run', () => {
  const add = (at: number, id: string) => ({ at, type: 'AddTodo', data: { id, title: id } })
  const s = scenario({
    until: 3000,
    commands: [add(0, 'x')],
    workload: { rate: 200, count: 300, keys: 8, mix: { RenameTodo: 1 } },
    projections: [
      {
        id: 'p',
        // The ordered handler converges despite reordering: the windows close.
        handler: 'ordered',
        delivery: { mode: 'push', guarantee: 'at-least-once', ackTimeout: 120 },
        link: { latency: { dist: 'exponential', mean: 40 } },
      },
    ],
    faults: [{ type: 'partition', projection: 'p', from: 500, to: 900 }],
  })

  it.each([700, 2500])('agrees with the engine’s measures at %d ms', (until) => {
    const sim = new Simulation(s)
    sim.runUntil({ time: until })
    const v = traceView(sim)
    const layout = lagLayout(v, 0, { ...frame, t1: 3000 })
    const lag = buildResult(sim).projections.p?.lag
    expect(layout.events.max).toBe(lag?.maxEvents)
    expect(layout.ms.max).toBeCloseTo(lag?.maxMs ?? NaN, 3)
    expect(layout.events.max).toBeGreaterThan(0)

    // Each window ends at a sample where no row differs, after one where some did.
    const series = v.series[0] as SeriesRecord
    expect(layout.windows.length).toBeGreaterThan(0)
    for (const w of layout.windows) {
      const i = series.t.indexOf(w.from)
      expect(series.divergent[i]).toBeGreaterThan(0)
      if (w.to === null) continue
      const j = series.t.indexOf(w.to)
      expect([series.divergent[j - 1]! > 0, series.divergent[j]]).toEqual([true, 0])
    }
    const last = layout.windows.at(-1)
    expect(layout.converged?.at ?? null).toBe(last?.to ?? null)
  })

  it('is falling behind during the partition and catching up after it heals', () => {
    const sim = new Simulation(s)
    sim.runUntil({ time: 800 })
    expect(lagLayout(traceView(sim), 0, frame).catchUp).toMatchObject({
      trend: 'falling behind',
      etaMs: null,
    })
    sim.runUntil({ time: 1200 })
    const after = lagLayout(traceView(sim), 0, frame).catchUp
    expect(after.trend).toBe('catching up')
    expect(after.etaMs).toBeGreaterThan(0)
  })
})

describe('decimate', () => {
  it('keeps the first, lowest, highest and last corner of each pixel column, in time order', () => {
    const x = (t: number) => t / 10 // 10 ms per px
    const points: [number, number][] = [
      [0, 5],
      [2, 9],
      [4, 1],
      [6, 3],
      [8, 4],
      [10, 7],
      [15, 7],
    ]
    expect(decimate(points, x)).toEqual([
      [0, 5],
      [2, 9],
      [4, 1],
      [8, 4],
      [10, 7],
      [15, 7],
    ])
  })

  it('leaves a dense run’s path short while keeping its extremes', () => {
    const points: [number, number][] = Array.from({ length: 40_000 }, (_, i) => [
      i,
      (i * 7919) % 101,
    ])
    const kept = decimate(points, (t) => t / 100)
    expect(kept.length).toBeLessThanOrEqual(4 * 400)
    expect(Math.max(...kept.map(([, v]) => v))).toBe(100)
    expect(Math.min(...kept.map(([, v]) => v))).toBe(0)
    expect(kept.map(([t]) => t)).toEqual([...kept.map(([t]) => t)].sort((a, b) => a - b))
  })
})

describe('lagAt', () => {
  const v = view(1000, run, 800)

  it('reads the measures in force at an instant, the ms lag growing with time', () => {
    expect(lagAt(v, 0, 50)).toEqual({ at: 50, events: 0, ms: 0, rows: 0 })
    // At 350: two behind, the oldest appended at 100 (250 ms ago); one row differs.
    expect(lagAt(v, 0, 350)).toEqual({ at: 350, events: 2, ms: 250, rows: 1 })
    // At 550: one behind, appended at 200; two rows differ.
    expect(lagAt(v, 0, 550)).toEqual({ at: 550, events: 1, ms: 350, rows: 2 })
    expect(lagAt(v, 0, 900)).toEqual({ at: 900, events: 0, ms: 0, rows: 0 })
  })

  it('stops at the end of the trace', () => {
    expect(lagAt(view(400, prefix(3), null), 0, 900)).toEqual({
      at: 400,
      events: 2,
      ms: 300,
      rows: 1,
    })
  })
})
