import type { ScenarioInput } from '../core'
import { outOfOrder, outOfOrderScript } from './out-of-order'

/**
 * Side-by-side comparisons: two or more configurations of one scenario, run on the same seed
 * with the same commands and reads, so that whatever differs between their runs comes from the
 * one thing each comparison changes. `varies` names that thing as paths into the scenario (`*`
 * for any index); the comparisons test checks that the variants are equal everywhere else.
 */
export interface Comparison {
  readonly id: string
  readonly title: string
  /** One sentence: what to look for in the table and the diagrams. */
  readonly question: string
  /** Where the variants' scenarios differ, besides their name and description. */
  readonly varies: readonly string[]
  readonly variants: readonly ComparisonVariant[]
}

export interface ComparisonVariant {
  readonly label: string
  readonly scenario: ScenarioInput
}

type ProjectionInput = ScenarioInput['projections'][number]
type Delivery = NonNullable<ProjectionInput['delivery']>
type ReadMode = NonNullable<NonNullable<ScenarioInput['reads']>[number]['mode']>

// --- push-pull: one todo read model, fed by push or by pull --------------------------------

const todoLink = { latency: { dist: 'exponential', mean: 40 } } as const

/** alice adds a todo and reads it at once, then later; renames it and does the same. */
const readAfterWriteBase = {
  format: 'eventually.scenario/v1',
  seed: 42,
  domain: 'todo',
  until: 2000,
  commands: [
    { at: 100, type: 'AddTodo', data: { id: 't1', title: 'buy milk' }, client: 'alice' },
    { at: 1100, type: 'RenameTodo', data: { id: 't1', title: 'buy oat milk' }, client: 'alice' },
  ],
  reads: [101, 400, 1101, 1400].map((at) => ({
    at,
    projection: 'todos',
    key: 't1',
    mode: 'eventual' as const,
    client: 'alice',
  })),
} as const satisfies Omit<ScenarioInput, 'projections'>

function todosBy(delivery: Delivery, how: string): ScenarioInput {
  return {
    ...readAfterWriteBase,
    commands: [...readAfterWriteBase.commands],
    reads: [...readAfterWriteBase.reads],
    name: `Read after write, ${how}`,
    description: `alice adds a todo and reads it back at once and a little later, from a read model fed by ${how}.`,
    projections: [{ id: 'todos', handler: 'naive', delivery, link: todoLink }],
  }
}

const pushPull: Comparison = {
  id: 'push-pull',
  title: 'Push or pull',
  question:
    'A todo is read back right after it is written and again a moment later: which read model sees it sooner, and how often does each answer with an old copy?',
  varies: ['projections.*.delivery'],
  variants: [
    {
      label: 'push',
      scenario: todosBy({ mode: 'push', guarantee: 'at-least-once', ackTimeout: 1000 }, 'push'),
    },
    {
      label: 'pull every 500 ms',
      scenario: todosBy({ mode: 'pull', interval: 500, batch: 100 }, 'pull every 500 ms'),
    },
  ],
}

// --- handlers: the out-of-order deliveries, one handler each ------------------------------

function profilesWith(handler: 'naive' | 'order-tolerant' | 'ordered'): ScenarioInput {
  return {
    ...outOfOrder,
    commands: [...(outOfOrder.commands ?? [])],
    name: `Out of order, ${handler} handler`,
    description: `The scripted deliveries (reversed, duplicated, replayed) to one read model with the ${handler} handler.`,
    projections: [
      {
        id: 'profiles',
        handler,
        delivery: { mode: 'push', guarantee: 'at-least-once', ackTimeout: 5000 },
        link: { script: [...outOfOrderScript] },
      },
    ],
  }
}

const handlers: Comparison = {
  id: 'handlers',
  title: 'Naive, order-tolerant or ordered handler',
  question:
    'The same copies arrive reversed, twice and replayed after a deletion: which handler ends equal to the truth, and what does waiting for order cost?',
  varies: ['projections.*.handler'],
  variants: [
    { label: 'naive', scenario: profilesWith('naive') },
    { label: 'order-tolerant', scenario: profilesWith('order-tolerant') },
    { label: 'ordered', scenario: profilesWith('ordered') },
  ],
}

// --- read-modes: the same reads, asked with another read mode -----------------------------

/** alice writes and reads at once; bob reads the same todo a moment later. */
function readsAs(mode: ReadMode): ScenarioInput {
  return {
    format: 'eventually.scenario/v1',
    name: `Read modes: ${mode}`,
    description: `alice adds and renames a todo; she reads it right after each write and bob a moment later, with ${mode} reads.`,
    seed: 42,
    domain: 'todo',
    until: 2000,
    commands: [
      { at: 100, type: 'AddTodo', data: { id: 't1', title: 'buy milk' }, client: 'alice' },
      { at: 1100, type: 'RenameTodo', data: { id: 't1', title: 'buy oat milk' }, client: 'alice' },
    ],
    projections: [
      {
        id: 'todos',
        handler: 'naive',
        delivery: { mode: 'pull', interval: 500, batch: 100 },
        link: { latency: { dist: 'constant', value: 20 } },
      },
    ],
    // alice right after each of her writes, bob 100 ms later (apart, so the marks do not overlap).
    reads: [100, 1100].flatMap((write) =>
      [
        { at: write + 1, client: 'alice' },
        { at: write + 100, client: 'bob' },
      ].map((r) => ({ ...r, projection: 'todos', key: 't1', mode })),
    ),
  }
}

const readModes: Comparison = {
  id: 'read-modes',
  title: 'Eventual, read-your-writes or strong reads',
  question:
    'alice reads her todo right after she writes it and bob a moment later: which read mode shows each of them the new value, and what does it cost in waiting and in messages?',
  varies: ['reads.*.mode'],
  variants: [
    { label: 'eventual', scenario: readsAs('eventual') },
    { label: 'read-your-writes', scenario: readsAs('read-your-writes') },
    { label: 'strong', scenario: readsAs('strong') },
  ],
}

/** The comparisons, in the order the picker offers them. */
export const comparisons: readonly Comparison[] = [pushPull, handlers, readModes]

export function comparisonById(id: string): Comparison | undefined {
  return comparisons.find((c) => c.id === id)
}
