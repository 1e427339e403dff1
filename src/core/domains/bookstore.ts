import { z } from 'zod'
import { add, create } from './effects'
import { accept, asNumber, asText, reject, type Domain } from './domain'
import { amount, id } from './fields'

/** A bookstore's stock per store and ISBN: `store/isbn` -> { stock }. Stock changes commute. */
export const bookstore: Domain = {
  name: 'bookstore',
  commands: {
    StockBook: z.strictObject({ store: id, isbn: id, qty: amount }),
    SellBook: z.strictObject({ store: id, isbn: id }),
  },
  eventTypes: ['BookStocked', 'BookSold'],
  target(c) {
    const key = `${asText(c.data.store)}/${asText(c.data.isbn)}`
    return { key, stream: `book/${key}` }
  },
  decide(c, row) {
    switch (c.type) {
      case 'StockBook':
        return accept({ type: 'BookStocked', data: c.data })
      case 'SellBook':
        return row && asNumber(row.stock) > 0
          ? accept({ type: 'BookSold', data: c.data })
          : reject('book not in stock')
      default:
        return reject(`unknown command ${c.type}`)
    }
  },
  keyOf: (e) => `${asText(e.data.store)}/${asText(e.data.isbn)}`,
  evolve(row, e) {
    const stock = row ? asNumber(row.stock) : 0
    switch (e.type) {
      case 'BookStocked':
        return { stock: stock + asNumber(e.data.qty) }
      case 'BookSold':
        return { stock: stock - 1 }
      default:
        return row
    }
  },
  streamOf: (key) => `book/${key}`,
  fields: { stock: 0 },
  effects(e) {
    switch (e.type) {
      case 'BookStocked':
        return [create, add('stock', asNumber(e.data.qty))]
      case 'BookSold':
        return [create, add('stock', -1)]
      default:
        return []
    }
  },
  workload: {
    create: (i) => ({ type: 'StockBook', data: { store: 's1', isbn: `isbn-${i}`, qty: 5 } }),
    sample(type, i, _n, rng) {
      const data = { store: 's1', isbn: `isbn-${i}` }
      return type === 'StockBook'
        ? { type, data: { ...data, qty: 1 + rng.int(5) } }
        : { type, data }
    },
  },
}
