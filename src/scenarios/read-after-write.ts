import type { ScenarioInput } from '../core'

/**
 * The default scenario: a todo is added and read back at once. The push reader misses it for
 * about a network trip; the pull reader misses it until its next poll comes back.
 */
export const readAfterWrite: ScenarioInput = {
  format: 'eventually.scenario/v1',
  name: 'Read after write',
  description:
    'A todo is added, then read at once from two read models: one fed by push, one by pull.',
  seed: 42,
  domain: 'todo',
  until: 3000,
  commands: [
    { at: 0, type: 'AddTodo', data: { id: 't1', title: 'buy milk' }, client: 'alice' },
    { at: 1000, type: 'RenameTodo', data: { id: 't1', title: 'buy oat milk' }, client: 'alice' },
    { at: 2000, type: 'CompleteTodo', data: { id: 't1' }, client: 'alice' },
  ],
  projections: [
    {
      id: 'push-reader',
      handler: 'naive',
      delivery: { mode: 'push', guarantee: 'at-least-once', ackTimeout: 300 },
      link: { latency: { dist: 'exponential', mean: 100 } },
    },
    {
      id: 'pull-reader',
      handler: 'naive',
      delivery: { mode: 'pull', interval: 500, batch: 100 },
      link: { latency: { dist: 'constant', value: 20 } },
    },
  ],
  reads: [
    { at: 1, projection: 'push-reader', key: 't1', mode: 'eventual', client: 'alice' },
    { at: 1, projection: 'pull-reader', key: 't1', mode: 'eventual', client: 'alice' },
    { at: 1500, projection: 'push-reader', key: 't1', mode: 'eventual', client: 'alice' },
    { at: 1500, projection: 'pull-reader', key: 't1', mode: 'eventual', client: 'alice' },
  ],
}
