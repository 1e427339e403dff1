import { describe, expect, it } from 'vitest'
import { buildResult, Simulation, type Scenario } from '../core'
import { load, readAfterWrite } from '../scenarios'
import { runSample, RunsAggregate, type ProjectionSample, type RunSample } from './runs'

function sample(seed: number, projections: Record<string, Partial<ProjectionSample>>): RunSample {
  const full: Record<string, ProjectionSample> = {}
  for (const [id, p] of Object.entries(projections))
    full[id] = { visibility: [], convergedAt: null, lag: { maxEvents: 0, maxMs: 0 }, ...p }
  return { seed, traceHash: `hash-${seed}`, projections: full }
}

describe('RunsAggregate', () => {
  it('pools visibility over every event of every run, not over run averages', () => {
    const runs = new RunsAggregate('s')
    runs.add(sample(5, { a: { visibility: [10] } }))
    runs.add(sample(6, { a: { visibility: [20, 30, 40, 1000] } }))
    // Averaging each run first would give (10 + 272.5) / 2; pooling weighs every event once.
    expect(runs.report().projections['a']?.visibility).toEqual({
      mean: 220,
      p50: 30,
      p90: 1000,
      p99: 1000,
      max: 1000,
    })
  })

  it('summarises convergence over the runs that converged and counts the fraction', () => {
    const runs = new RunsAggregate('s')
    runs.add(sample(0, { a: { convergedAt: 100 } }))
    runs.add(sample(1, { a: { convergedAt: null } }))
    runs.add(sample(2, { a: { convergedAt: 300 } }))
    runs.add(sample(3, { a: { convergedAt: null } }))
    const a = runs.report().projections['a']
    expect(a?.converged).toBe(0.5)
    expect(a?.convergedAt).toEqual({ mean: 200, p50: 100, p90: 300, p99: 300, max: 300 })
  })

  it('gives null distributions when no run applied an event or converged', () => {
    const runs = new RunsAggregate('s')
    runs.add(sample(9, { a: {} }))
    expect(runs.report().projections['a']).toMatchObject({
      visibility: null,
      convergedAt: null,
      converged: 0,
    })
  })

  it("distributes each run's worst lag over the runs", () => {
    const runs = new RunsAggregate('s')
    runs.add(sample(0, { a: { lag: { maxEvents: 1, maxMs: 10.0004 } } }))
    runs.add(sample(1, { a: { lag: { maxEvents: 3, maxMs: 30 } } }))
    expect(runs.report().projections['a']?.lag).toEqual({
      maxEvents: { mean: 2, p50: 1, p90: 3, p99: 3, max: 3 },
      maxMs: { mean: 20, p50: 10, p90: 30, p99: 30, max: 30 },
    })
  })

  it('names the seed range and keeps one trace hash per seed, in order', () => {
    const runs = new RunsAggregate('Read after write')
    for (const seed of [7, 8, 9]) runs.add(sample(seed, { a: {}, b: {} }))
    const report = runs.report()
    expect(report).toMatchObject({
      format: 'eventually.runs/v1',
      scenario: 'Read after write',
      seeds: [7, 9],
      traceHashes: ['hash-7', 'hash-8', 'hash-9'],
    })
    expect(Object.keys(report.projections)).toEqual(['a', 'b'])
  })

  it('refuses runs out of seed order or missing a projection', () => {
    const runs = new RunsAggregate('s')
    runs.add(sample(1, { a: {} }))
    expect(() => runs.add(sample(3, { a: {} }))).toThrow(/seed order/)
    expect(() => runs.add(sample(2, { b: {} }))).toThrow(/no projection "a"/)
    expect(() => new RunsAggregate('s').report()).toThrow(/no runs/)
  })
})

describe('runSample', () => {
  it('takes visibility per event exactly as the result summarises it', () => {
    const scenario: Scenario = load(readAfterWrite)
    const sim = new Simulation(scenario).run()
    const result = buildResult(sim)
    const runs = new RunsAggregate(scenario.name)
    runs.add(runSample(sim, result))
    const report = runs.report()
    for (const [id, p] of Object.entries(result.projections)) {
      expect(report.projections[id]?.visibility).toEqual(p.visibility)
      expect(report.projections[id]?.convergedAt?.max ?? null).toBe(p.convergedAt)
    }
    expect(report.traceHashes).toEqual([result.traceHash])
  })
})
