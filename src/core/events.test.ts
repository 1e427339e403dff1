/** Row equality: what the measures, the memoised evolve and the order check compare rows with. */
import { describe, expect, it } from 'vitest'
import { rowsEqual, type Row } from './events'

const row = { title: 'a', completed: false }

describe('rowsEqual', () => {
  it.each<[string, Row | undefined, Row | undefined, boolean]>([
    ['one row with itself', row, row, true],
    ['two absences', undefined, undefined, true],
    ['a row and an absence', row, undefined, false],
    ['an absence and a row', undefined, row, false],
    ['two copies', { title: 'a', completed: false }, { completed: false, title: 'a' }, true],
    ['another value', row, { title: 'b', completed: false }, false],
    ['a key fewer', row, { title: 'a' }, false],
    ['a key more', { title: 'a' }, row, false],
    ['null against a missing key', { title: 'a', note: null }, { title: 'a', other: null }, false],
    ['two empty rows', {}, {}, true],
  ])('%s', (_, a, b, equal) => {
    expect(rowsEqual(a, b)).toBe(equal)
  })

  it('tells a key holding undefined from a missing key, as the row types allow neither', () => {
    const holding = { title: 'a', note: undefined } as unknown as Row
    expect(rowsEqual(holding, { title: 'a', other: 1 })).toBe(false)
    expect(rowsEqual(holding, { title: 'a' })).toBe(false)
    expect(rowsEqual(holding, { ...holding })).toBe(true)
  })
})
