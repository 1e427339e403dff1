/**
 * The Monte Carlo visibility estimate: the scenario of the run on screen over many seeds, each
 * run's visibility times exactly the engine's, pooled in seed order, with progress as it goes.
 */
import { describe, expect, it } from 'vitest'
import { simulate } from '../core'
import { load, readAfterWrite } from '../scenarios'
import { profile, until } from './test-support'
import { visibilityOfSeed } from './visibility-estimate'

describe('a Monte Carlo visibility estimate', () => {
  const scenario = load(readAfterWrite)

  it('gives each seed’s visibility times as the engine’s own result summarises them', () => {
    const times = visibilityOfSeed(scenario, 11)
    const result = simulate({ ...scenario, seed: 11 })
    scenario.projections.forEach((p, i) => {
      const mine = [...(times[i] ?? [])].sort((a, b) => a - b)
      expect(mine.length).toBeGreaterThan(0)
      expect(mine[mine.length - 1]).toBe(result.projections[p.id]?.visibility?.max)
    })
  })

  it('pools the runs of consecutive seeds, says how far it got, and starts over with a new run', async () => {
    const store = profile().tab()
    await store.getState().init()
    await store.getState().startScenario()
    expect(store.getState().frame).not.toBeNull()
    const seed = scenario.seed
    store.getState().estimateVisibility(6)
    expect(store.getState().estimate).toMatchObject({ runs: 6, done: 0, firstSeed: seed })
    await until(store, (s) => s.estimate?.done === 6)
    const want = [0, 1, 2, 3, 4, 5].map((i) => visibilityOfSeed(scenario, seed + i))
    const pooled = store.getState().estimate?.times
    scenario.projections.forEach((_, p) => {
      expect(pooled?.[p]).toEqual(want.flatMap((run) => run[p] ?? []))
    })
    // Another run on screen: the estimate belongs to the old one and goes.
    await store.getState().startScenario()
    expect(store.getState().estimate).toBeNull()
  })

  it('stops when cancelled, keeping nothing', async () => {
    const store = profile().tab()
    await store.getState().init()
    await store.getState().startScenario()
    store.getState().estimateVisibility(50)
    store.getState().cancelEstimate()
    expect(store.getState().estimate).toBeNull()
    await new Promise((r) => setTimeout(r, 30))
    expect(store.getState().estimate).toBeNull()
  })
})
