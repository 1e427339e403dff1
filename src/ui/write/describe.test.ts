import { describe, expect, it } from 'vitest'
import { buildCommand, fieldOf } from './form-values'
import { outcomeText } from './describe'

describe('the words for an outcome', () => {
  it('names the events an accepted command appended, one or a range', () => {
    expect(outcomeText({ kind: 'accepted', from: 12, to: 12 })).toBe('accepted: event #12')
    expect(outcomeText({ kind: 'accepted', from: 12, to: 13 })).toBe('accepted: events #12–#13')
    expect(outcomeText({ kind: 'accepted', from: 5, to: 4 })).toBe('accepted: no event appended')
  })

  it('gives the reason of a rejection, and says when a command is still to come', () => {
    expect(outcomeText({ kind: 'rejected', reason: 'insufficient funds' })).toBe(
      'rejected: insufficient funds',
    )
    expect(outcomeText({ kind: 'later' })).toBe('later in this run')
  })
})

describe('a drafted command', () => {
  const deposit = {
    type: 'Deposit',
    fields: [
      { name: 'id', kind: 'text' as const },
      { name: 'amount', kind: 'number' as const },
    ],
  }

  it('becomes data with numbers for number fields, and leaves out an empty client and version', () => {
    const draft = {
      type: 'Deposit',
      values: { id: 'a1', amount: ' 5 ' },
      client: ' ',
      expectedVersion: '',
    }
    expect(buildCommand(deposit, draft)).toEqual({
      ok: true,
      command: { type: 'Deposit', data: { id: 'a1', amount: 5 } },
    })
    expect(buildCommand(deposit, { ...draft, client: 'bob', expectedVersion: '2' })).toEqual({
      ok: true,
      command: {
        type: 'Deposit',
        data: { id: 'a1', amount: 5 },
        client: 'bob',
        expectedVersion: 2,
      },
    })
  })

  it('is refused when a number box holds no number', () => {
    const draft = { type: 'Deposit', values: { id: 'a1' }, client: '', expectedVersion: 'x' }
    expect(buildCommand(deposit, draft)).toEqual({
      ok: false,
      problems: [
        { field: 'amount', message: 'must be a number' },
        { field: '@expectedVersion', message: 'must be a number, or empty for any' },
      ],
    })
  })

  it('takes each problem of act to the field it concerns', () => {
    expect(fieldOf('command.data.amount')).toBe('amount')
    expect(fieldOf('command.client')).toBe('@client')
    expect(fieldOf('command.expectedVersion')).toBe('@expectedVersion')
    expect(fieldOf('command.type')).toBe('@type')
    expect(fieldOf('command.data')).toBe('')
    expect(fieldOf('')).toBe('')
  })
})
