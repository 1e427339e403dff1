/**
 * The write side: a command is decided against the true state of its aggregate; a refused command
 * appends nothing, sends nothing, and is reported with its reason.
 */
import { describe, expect, it } from 'vitest'
import { simulate, type CommandSpec, type DomainName } from '../index'
import { scenario } from '../testing'

function run(domain: DomainName, commands: CommandSpec[]) {
  return simulate(scenario({ domain, commands }), { trace: true })
}

describe('rejected commands', () => {
  it.each([
    {
      lesson: 'a withdrawal beyond the balance',
      domain: 'bank' as const,
      setup: [
        { at: 0, type: 'OpenAccount', data: { id: 'a1', owner: 'ann' } },
        { at: 1, type: 'Deposit', data: { id: 'a1', amount: 50 } },
      ],
      refused: { at: 2, type: 'Withdraw', data: { id: 'a1', amount: 51 } },
      reason: 'insufficient funds',
    },
    {
      lesson: 'a sale of a book out of stock',
      domain: 'bookstore' as const,
      setup: [
        { at: 0, type: 'StockBook', data: { store: 's1', isbn: 'b1', qty: 1 } },
        { at: 1, type: 'SellBook', data: { store: 's1', isbn: 'b1' } },
      ],
      refused: { at: 2, type: 'SellBook', data: { store: 's1', isbn: 'b1' } },
      reason: 'book not in stock',
    },
    {
      lesson: 'a sale of a book never stocked',
      domain: 'bookstore' as const,
      setup: [],
      refused: { at: 2, type: 'SellBook', data: { store: 's1', isbn: 'b9' } },
      reason: 'book not in stock',
    },
    {
      lesson: 'a rename of a missing todo',
      domain: 'todo' as const,
      setup: [{ at: 0, type: 'AddTodo', data: { id: 't1', title: 'a' } }],
      refused: { at: 2, type: 'RenameTodo', data: { id: 't2', title: 'b' } },
      reason: 'no such todo',
    },
    {
      lesson: 'a write with a stale expected version',
      domain: 'todo' as const,
      setup: [
        { at: 0, type: 'AddTodo', data: { id: 't1', title: 'a' } },
        { at: 1, type: 'RenameTodo', data: { id: 't1', title: 'b' } },
      ],
      refused: { at: 2, type: 'RenameTodo', data: { id: 't1', title: 'c' }, expectedVersion: 1 },
      reason: 'wrong expected version: todo/t1 is at version 2, not 1',
    },
  ])('refuses $lesson, appends nothing and says why', ({ domain, setup, refused, reason }) => {
    const before = run(domain, setup)
    const after = run(domain, [...setup, { ...refused, client: 'bob' }])
    expect(after.rejected).toEqual([{ at: 2, type: refused.type, client: 'bob', reason }])
    expect(after.events).toEqual(before.events)
    expect(after.truth).toEqual(before.truth)
    expect(after.deliveries).toEqual(before.deliveries)
  })

  it('accepts a write whose expected version is the stream version', () => {
    const result = run('todo', [
      { at: 0, type: 'AddTodo', data: { id: 't1', title: 'a' }, expectedVersion: 0 },
      { at: 1, type: 'RenameTodo', data: { id: 't1', title: 'b' }, expectedVersion: 1 },
    ])
    expect(result.rejected).toEqual([])
    expect(result.events.map((e) => [e.stream, e.version, e.position])).toEqual([
      ['todo/t1', 1, 1],
      ['todo/t1', 2, 2],
    ])
    expect(result.truth).toEqual({ t1: { title: 'b', completed: false } })
  })

  it('decides commands at the same instant in the order they are written', () => {
    const result = run('bank', [
      { at: 5, type: 'OpenAccount', data: { id: 'a1', owner: 'ann' } },
      { at: 5, type: 'Deposit', data: { id: 'a1', amount: 10 } },
      { at: 5, type: 'Withdraw', data: { id: 'a1', amount: 10 } },
    ])
    expect(result.rejected).toEqual([])
    expect(result.events.map((e) => e.type)).toEqual(['AccountOpened', 'Deposited', 'Withdrawn'])
    expect(result.truth).toEqual({ a1: { owner: 'ann', balance: 0 } })
  })

  it('stamps each event with its position, stream version and the simulated time', () => {
    const result = run('todo', [
      { at: 3, type: 'AddTodo', data: { id: 't1', title: 'a' } },
      { at: 7, type: 'AddTodo', data: { id: 't2', title: 'b' } },
      { at: 9, type: 'CompleteTodo', data: { id: 't1' } },
    ])
    expect(result.events).toEqual([
      {
        position: 1,
        stream: 'todo/t1',
        version: 1,
        id: 'evt-1',
        type: 'TodoAdded',
        data: { id: 't1', title: 'a' },
        at: 3,
      },
      {
        position: 2,
        stream: 'todo/t2',
        version: 1,
        id: 'evt-2',
        type: 'TodoAdded',
        data: { id: 't2', title: 'b' },
        at: 7,
      },
      {
        position: 3,
        stream: 'todo/t1',
        version: 2,
        id: 'evt-3',
        type: 'TodoCompleted',
        data: { id: 't1' },
        at: 9,
      },
    ])
  })
})
