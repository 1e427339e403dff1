/**
 * The bank of the event-sourcing lesson: transactions are the events, the balance is a read
 * model, and amounts commute.
 */
import { describe, expect, it } from 'vitest'
import { rowAfter } from '../testing'
import { bank } from './bank'

const opened = ['AccountOpened', { id: 'a1', owner: 'ann' }] as const
const deposit = (amount: number) => ['Deposited', { id: 'a1', amount }] as const
const withdraw = (amount: number) => ['Withdrawn', { id: 'a1', amount }] as const

describe('bank events, applied in the order given', () => {
  it.each([
    ['an opened account holds nothing', [opened], { owner: 'ann', balance: 0 }],
    ['deposits add up', [opened, deposit(30), deposit(12)], { owner: 'ann', balance: 42 }],
    ['a withdrawal subtracts', [opened, deposit(30), withdraw(10)], { owner: 'ann', balance: 20 }],
    // Amounts commute: order does not matter, even before the opening arrives.
    [
      'a deposit before the opening still counts',
      [deposit(30), opened],
      { owner: 'ann', balance: 30 },
    ],
    [
      'a withdrawal before its deposit nets out',
      [opened, withdraw(10), deposit(30)],
      { owner: 'ann', balance: 20 },
    ],
    // Duplicates do not: the naive handler counts a copy twice.
    [
      'a duplicated deposit counts twice',
      [opened, deposit(30), deposit(30)],
      { owner: 'ann', balance: 60 },
    ],
  ] as const)('%s', (_, events, row) => {
    expect(rowAfter(bank, ...events)).toEqual(row)
  })

  it('ends with the same balance in every order of the same transactions', () => {
    const events = [opened, deposit(5), deposit(7), withdraw(3), withdraw(1)] as const
    const expected = rowAfter(bank, ...events)
    for (let shift = 1; shift < events.length; shift++) {
      const rotated = [...events.slice(shift), ...events.slice(0, shift)]
      expect(rowAfter(bank, ...rotated)).toEqual(expected)
      expect(rowAfter(bank, ...rotated.reverse())).toEqual(expected)
    }
  })
})

describe('bank commands, decided on the current row', () => {
  const account = { owner: 'ann', balance: 50 }
  it.each([
    ['opens an account', 'OpenAccount', { id: 'a1', owner: 'ann' }, undefined, 'AccountOpened'],
    [
      'refuses to open an account twice',
      'OpenAccount',
      { id: 'a1', owner: 'bo' },
      account,
      'account already open',
    ],
    ['takes a deposit', 'Deposit', { id: 'a1', amount: 5 }, account, 'Deposited'],
    [
      'refuses a deposit to a missing account',
      'Deposit',
      { id: 'a1', amount: 5 },
      undefined,
      'no such account',
    ],
    ['pays out up to the balance', 'Withdraw', { id: 'a1', amount: 50 }, account, 'Withdrawn'],
    [
      'refuses a withdrawal beyond the balance',
      'Withdraw',
      { id: 'a1', amount: 51 },
      account,
      'insufficient funds',
    ],
    [
      'refuses a withdrawal from a missing account',
      'Withdraw',
      { id: 'a1', amount: 1 },
      undefined,
      'no such account',
    ],
    ['refuses an unknown command', 'Close', { id: 'a1' }, account, 'unknown command Close'],
  ] as const)('%s', (_, type, data, row, outcome) => {
    const expected = bank.eventTypes.includes(outcome)
      ? { ok: true, events: [{ type: outcome, data }] }
      : { ok: false, reason: outcome }
    expect(bank.decide({ type, data }, row)).toEqual(expected)
  })

  it('addresses the account stream of the command', () => {
    expect(bank.target({ type: 'Deposit', data: { id: 'a7', amount: 1 } })).toEqual({
      key: 'a7',
      stream: 'account/a7',
    })
  })
})
