/**
 * The entities of the out-of-order lesson, one per pattern: a user name (newest wins), a
 * warehouse location (set once), first and latest publication (minimum and maximum), things
 * (create, delete, create).
 */
import { describe, expect, it } from 'vitest'
import { rowAfter, storedEvents } from '../testing'
import { profiles } from './profiles'

const named = (name: string) => ['NameChanged', { userId: 'u1', name }] as const
const warehouse = [
  'WarehouseCharacteristicsDecided',
  { warehouseId: 'w1', location: 'Lyon', size: 400 },
] as const
const emptyWarehouse = [
  'WarehouseCharacteristicsDecided',
  { warehouseId: 'w1', location: '', size: 300 },
] as const
const published = (publishedAt: number) =>
  ['EventPublished', { eventId: 'e1', publishedAt }] as const
const created = ['ThingCreated', { id: 'x1' }] as const
const deleted = ['ThingDeleted', { id: 'x1' }] as const

describe('profiles events, applied in the order given', () => {
  it.each([
    ['the latest name is kept', [named('a'), named('b')], { name: 'b' }],
    ['names swapped on the way keep the older one', [named('b'), named('a')], { name: 'a' }],
    ['a warehouse holds its decided characteristics', [warehouse], { location: 'Lyon', size: 400 }],
    [
      'a location decided empty and then set is overwritten, like any field in order',
      [emptyWarehouse, warehouse],
      { location: 'Lyon', size: 400 },
    ],
    [
      'a location set and then an empty one swapped in on the way is lost',
      [warehouse, emptyWarehouse],
      { location: '', size: 300 },
    ],
    [
      'the first publication is the first one seen, the latest the last one',
      [published(5), published(9)],
      { firstPublishedAt: 5, lastPublishedAt: 9 },
    ],
    [
      'publications swapped on the way get both times wrong',
      [published(9), published(5)],
      { firstPublishedAt: 9, lastPublishedAt: 5 },
    ],
    ['a created thing exists', [created], {}],
    ['a deleted thing is gone', [created, deleted], undefined],
    // The naive handler cannot tell a new creation from a late copy of the first one.
    [
      'a creation after the deletion brings the thing back, new or replayed',
      [created, deleted, created],
      {},
    ],
  ] as const)('%s', (_, events, row) => {
    expect(rowAfter(profiles, ...events)).toEqual(row)
  })

  it.each([
    [named('a'), 'user/u1'],
    [warehouse, 'warehouse/w1'],
    [published(1), 'event/e1'],
    [created, 'thing/x1'],
    [deleted, 'thing/x1'],
  ] as const)('keys %j by entity kind: %s', (event, key) => {
    const [stored] = storedEvents(event)
    expect(stored && profiles.keyOf(stored)).toBe(key)
  })
})

describe('profiles commands, decided on the current row', () => {
  it.each([
    ['changes a name', 'ChangeName', { userId: 'u1', name: 'b' }, { name: 'a' }, 'NameChanged'],
    [
      'decides a warehouse',
      'DecideWarehouse',
      { warehouseId: 'w1', location: 'Lyon', size: 1 },
      undefined,
      'WarehouseCharacteristicsDecided',
    ],
    [
      'decides a warehouse again while its location is still empty',
      'DecideWarehouse',
      { warehouseId: 'w1', location: 'Lyon', size: 1 },
      { location: '', size: 1 },
      'WarehouseCharacteristicsDecided',
    ],
    [
      'refuses to change a location once it is set',
      'DecideWarehouse',
      { warehouseId: 'w1', location: 'Lyon', size: 1 },
      { location: 'Oslo', size: 1 },
      'warehouse characteristics already decided',
    ],
    [
      'publishes an event',
      'PublishEvent',
      { eventId: 'e1', publishedAt: 3 },
      undefined,
      'EventPublished',
    ],
    [
      'publishes an event again later',
      'PublishEvent',
      { eventId: 'e1', publishedAt: 3 },
      { firstPublishedAt: 2, lastPublishedAt: 2 },
      'EventPublished',
    ],
    [
      'refuses a publication before the first one',
      'PublishEvent',
      { eventId: 'e1', publishedAt: 1 },
      { firstPublishedAt: 2, lastPublishedAt: 5 },
      'a publication cannot predate the first one',
    ],
    [
      'refuses a publication before the latest one',
      'PublishEvent',
      { eventId: 'e1', publishedAt: 3 },
      { firstPublishedAt: 2, lastPublishedAt: 5 },
      'a publication cannot predate the latest one',
    ],
    ['creates a thing', 'CreateThing', { id: 'x1' }, undefined, 'ThingCreated'],
    ['refuses to create a thing twice', 'CreateThing', { id: 'x1' }, {}, 'thing already exists'],
    ['deletes a thing', 'DeleteThing', { id: 'x1' }, {}, 'ThingDeleted'],
    ['refuses to delete a missing thing', 'DeleteThing', { id: 'x1' }, undefined, 'no such thing'],
    ['refuses an unknown command', 'Forget', { id: 'x1' }, {}, 'unknown command Forget'],
  ] as const)('%s', (_, type, data, row, outcome) => {
    const expected = profiles.eventTypes.includes(outcome)
      ? { ok: true, events: [{ type: outcome, data }] }
      : { ok: false, reason: outcome }
    expect(profiles.decide({ type, data }, row)).toEqual(expected)
  })

  it('puts each entity in a stream of its own, named like its key', () => {
    expect(profiles.target({ type: 'CreateThing', data: { id: 'x1' } })).toEqual({
      key: 'thing/x1',
      stream: 'thing/x1',
    })
  })
})
