import { z } from 'zod'
import { create, max, min, newest, once, remove } from './effects'
import type { Row } from '../events'
import {
  accept,
  asNumber,
  asText,
  reject,
  type Command,
  type Decision,
  type Domain,
} from './domain'
import { id, text, time } from './fields'

/**
 * The patterns of the out-of-order lesson, one entity per pattern: user names (newest wins),
 * warehouse location (set once: the first non-empty value), first and latest publication
 * (minimum and maximum), things (create, delete, create again). Keys carry the entity kind:
 * `user/ID`, `warehouse/ID`, `event/ID`, `thing/ID`.
 */
const targets: Record<string, [kind: string, field: string]> = {
  ChangeName: ['user', 'userId'],
  DecideWarehouse: ['warehouse', 'warehouseId'],
  PublishEvent: ['event', 'eventId'],
  CreateThing: ['thing', 'id'],
  DeleteThing: ['thing', 'id'],
  NameChanged: ['user', 'userId'],
  WarehouseCharacteristicsDecided: ['warehouse', 'warehouseId'],
  EventPublished: ['event', 'eventId'],
  ThingCreated: ['thing', 'id'],
  ThingDeleted: ['thing', 'id'],
}

function keyFor(type: string, data: Command['data']): string {
  const [kind, field] = targets[type] ?? ['unknown', 'id']
  return `${kind}/${asText(data[field])}`
}

export const profiles: Domain = {
  name: 'profiles',
  commands: {
    ChangeName: z.strictObject({ userId: id, name: text }),
    DecideWarehouse: z.strictObject({
      warehouseId: id,
      location: text,
      size: z.number().int().min(0),
    }),
    PublishEvent: z.strictObject({ eventId: id, publishedAt: time }),
    CreateThing: z.strictObject({ id }),
    DeleteThing: z.strictObject({ id }),
  },
  eventTypes: [
    'NameChanged',
    'WarehouseCharacteristicsDecided',
    'EventPublished',
    'ThingCreated',
    'ThingDeleted',
  ],
  target(c) {
    const key = keyFor(c.type, c.data)
    return { key, stream: key }
  },
  decide(c, row) {
    const data = c.data
    switch (c.type) {
      case 'ChangeName':
        return accept({ type: 'NameChanged', data })
      // A warehouse's location is decided once: it may first be decided as empty (not known yet)
      // and set later, but never changed once set. Publications never go back in time. That is
      // what lets the set-once, minimum and maximum patterns agree with the in-order truth.
      case 'DecideWarehouse':
        return row && row.location !== ''
          ? reject('warehouse characteristics already decided')
          : accept({ type: 'WarehouseCharacteristicsDecided', data })
      case 'PublishEvent':
        return publication(row, data)
      case 'CreateThing':
        return row ? reject('thing already exists') : accept({ type: 'ThingCreated', data })
      case 'DeleteThing':
        return row ? accept({ type: 'ThingDeleted', data }) : reject('no such thing')
      default:
        return reject(`unknown command ${c.type}`)
    }
  },
  keyOf: (e) => keyFor(e.type, e.data),
  evolve(row, e) {
    const d = e.data
    switch (e.type) {
      case 'NameChanged':
        return { name: asText(d.name) }
      case 'WarehouseCharacteristicsDecided':
        return { location: asText(d.location), size: d.size ?? null }
      case 'EventPublished':
        // In order, the first publication is the first one seen and the latest the last one.
        return {
          firstPublishedAt: row ? (row.firstPublishedAt ?? null) : (d.publishedAt ?? null),
          lastPublishedAt: d.publishedAt ?? null,
        }
      case 'ThingCreated':
        return {}
      case 'ThingDeleted':
        return undefined
      default:
        return row
    }
  },
  streamOf: (key) => key,
  // One table holds four kinds of row; each kind sets only its own fields.
  fields: {},
  effects(e) {
    const d = e.data
    switch (e.type) {
      case 'NameChanged':
        return [create, newest('name', asText(d.name))]
      case 'WarehouseCharacteristicsDecided':
        // The size may change with a later decision (one that sets the location at last).
        return [create, once('location', asText(d.location)), newest('size', d.size ?? null)]
      case 'EventPublished':
        return [
          create,
          min('firstPublishedAt', d.publishedAt ?? null),
          max('lastPublishedAt', d.publishedAt ?? null),
        ]
      case 'ThingCreated':
        return [create]
      case 'ThingDeleted':
        return [remove]
      default:
        return []
    }
  },
  workload: {
    create: () => null,
    sample(type, i, n, rng) {
      switch (type) {
        case 'ChangeName':
          return { type, data: { userId: `u${i}`, name: `name ${n}` } }
        case 'DecideWarehouse':
          return {
            type,
            data: { warehouseId: `w${i}`, location: `site ${n}`, size: 100 + rng.int(900) },
          }
        case 'PublishEvent':
          return { type, data: { eventId: `ev${i}`, publishedAt: n } }
        default:
          return { type, data: { id: `x${i}` } }
      }
    },
  },
}

function publication(row: Row | undefined, data: Command['data']): Decision {
  const at = asNumber(data.publishedAt)
  if (row && asNumber(row.firstPublishedAt) > at)
    return reject('a publication cannot predate the first one')
  if (row && asNumber(row.lastPublishedAt) > at)
    return reject('a publication cannot predate the latest one')
  return accept({ type: 'EventPublished', data })
}
