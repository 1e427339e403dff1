import type { ScenarioInput } from '../core'

/**
 * The out-of-order lesson: a name changed twice, a warehouse decided once, an event published
 * twice, a thing created, deleted and created again. Every projection gets the very same
 * scripted deliveries (reversed, duplicated, replayed after the deletion); only the handler
 * differs, so the table of rows shows what each pattern buys.
 */
export const outOfOrderScript = [
  { position: 2, at: 100 }, // "Annie" overtakes "Anna"
  { position: 1, at: 140 },
  { position: 3, at: 200 }, // the warehouse, decided once
  { position: 5, at: 260 }, // the later publication arrives first
  { position: 4, at: 300 },
  { position: 6, at: 400 }, // thing x created...
  { position: 7, at: 450 }, // ...deleted...
  { position: 6, at: 500 }, // ...and the creation replayed after the deletion
  { position: 2, at: 600 }, // an old duplicate of "Annie"
]

export const outOfOrder: ScenarioInput = {
  format: 'eventually.scenario/v1',
  name: 'Out of order, at least once',
  description:
    'The same deliveries (reversed, duplicated, replayed) to four read models with different handlers.',
  seed: 4,
  domain: 'profiles',
  until: 1000,
  commands: [
    { at: 0, type: 'ChangeName', data: { userId: 'u1', name: 'Anna' } },
    { at: 10, type: 'ChangeName', data: { userId: 'u1', name: 'Annie' } },
    { at: 20, type: 'DecideWarehouse', data: { warehouseId: 'w1', location: 'Dock 4', size: 800 } },
    { at: 30, type: 'PublishEvent', data: { eventId: 'e1', publishedAt: 1000 } },
    { at: 40, type: 'PublishEvent', data: { eventId: 'e1', publishedAt: 2000 } },
    { at: 50, type: 'CreateThing', data: { id: 'x' } },
    { at: 60, type: 'DeleteThing', data: { id: 'x' } },
  ],
  projections: (['naive', 'idempotent', 'ordered', 'order-tolerant'] as const).map((handler) => ({
    id: handler,
    handler,
    delivery: { mode: 'push' as const, guarantee: 'at-least-once' as const, ackTimeout: 5000 },
    link: { script: outOfOrderScript },
  })),
}
