import type { ScenarioInput } from '../core'

/**
 * The benchmark scenario: 100k events from a seeded workload to four push projections with loss,
 * duplication, reordering, a partition and a crash. Large enough that bookkeeping dominates.
 */
export function largePush(events = 100_000): ScenarioInput {
  const rate = 1000
  const until = Math.ceil((events / rate) * 1000 * 1.2)
  const link = {
    latency: { dist: 'lognormal' as const, median: 20, sigma: 0.6 },
    loss: 0.02,
    duplicate: 0.02,
    reorder: { p: 0.05, extra: { dist: 'uniform' as const, min: 0, max: 200 } },
  }
  return {
    format: 'eventually.scenario/v1',
    name: `Large push (${events} events)`,
    seed: 7,
    domain: 'todo',
    until,
    workload: { rate, count: events, keys: 500, mix: { RenameTodo: 1 } },
    projections: ['a', 'b', 'c', 'd'].map((id) => ({
      id,
      handler: 'naive' as const,
      delivery: { mode: 'push' as const, guarantee: 'at-least-once' as const, ackTimeout: 250 },
      link,
    })),
    faults: [
      { type: 'partition', projection: 'b', from: 10_000, to: 12_000 },
      { type: 'crash', projection: 'c', at: 20_000, restartAt: 21_000 },
    ],
  }
}
