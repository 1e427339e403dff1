/**
 * A bookstore's stock per store and ISBN: the shelf view of the bookstore lesson.
 */
import { describe, expect, it } from 'vitest'
import { rowAfter } from '../testing'
import { bookstore } from './bookstore'

const book = { store: 's1', isbn: 'b1' }
const stocked = (qty: number) => ['BookStocked', { ...book, qty }] as const
const sold = ['BookSold', book] as const

describe('bookstore events, applied in the order given', () => {
  it.each([
    ['stocking puts copies on the shelf', [stocked(3)], { stock: 3 }],
    ['stocking again adds to the shelf', [stocked(3), stocked(2)], { stock: 5 }],
    ['a sale takes one copy', [stocked(3), sold], { stock: 2 }],
    // Stock changes commute, so a sale that overtakes its delivery only dips for a while.
    ['a sale before the stocking nets out', [sold, stocked(3)], { stock: 2 }],
    ['a sale alone shows a negative shelf', [sold], { stock: -1 }],
    ['a duplicated sale takes two copies', [stocked(3), sold, sold], { stock: 1 }],
  ] as const)('%s', (_, events, row) => {
    expect(rowAfter(bookstore, ...events)).toEqual(row)
  })

  it('keys a book by store and ISBN', () => {
    expect(bookstore.target({ type: 'SellBook', data: book })).toEqual({
      key: 's1/b1',
      stream: 'book/s1/b1',
    })
  })
})

describe('bookstore commands, decided on the current row', () => {
  it.each([
    ['stocks a book never seen', 'StockBook', { ...book, qty: 4 }, undefined, 'BookStocked'],
    ['stocks a book again', 'StockBook', { ...book, qty: 4 }, { stock: 1 }, 'BookStocked'],
    ['sells a book in stock', 'SellBook', book, { stock: 1 }, 'BookSold'],
    ['refuses to sell the last copy twice', 'SellBook', book, { stock: 0 }, 'book not in stock'],
    ['refuses to sell a book never stocked', 'SellBook', book, undefined, 'book not in stock'],
    ['refuses an unknown command', 'BurnBook', book, { stock: 1 }, 'unknown command BurnBook'],
  ] as const)('%s', (_, type, data, row, outcome) => {
    const expected = bookstore.eventTypes.includes(outcome)
      ? { ok: true, events: [{ type: outcome, data }] }
      : { ok: false, reason: outcome }
    expect(bookstore.decide({ type, data }, row)).toEqual(expected)
  })
})
