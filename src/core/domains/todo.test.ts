/**
 * The todo list of the read-after-write lesson, as tables: events in -> row out, and command on
 * the current row -> events or a refusal.
 */
import { describe, expect, it } from 'vitest'
import { rowAfter, storedEvents } from '../testing'
import { todo } from './todo'

const added = ['TodoAdded', { id: 't1', title: 'buy milk' }] as const
const renamed = ['TodoRenamed', { id: 't1', title: 'buy oat milk' }] as const
const completed = ['TodoCompleted', { id: 't1' }] as const
const removed = ['TodoRemoved', { id: 't1' }] as const

const open = { title: 'buy milk', completed: false }

describe('todo events, applied in the order given', () => {
  it.each([
    ['an added todo is open', [added], open],
    ['a rename changes the title', [added, renamed], { title: 'buy oat milk', completed: false }],
    ['completing keeps the title', [added, completed], { title: 'buy milk', completed: true }],
    [
      'a rename keeps it completed',
      [added, completed, renamed],
      { title: 'buy oat milk', completed: true },
    ],
    ['a removed todo has no row', [added, removed], undefined],
    ['a rename of nothing changes nothing', [renamed], undefined],
    ['completing nothing changes nothing', [completed], undefined],
    // What the naive handler makes of disorder and duplicates: the lesson's anomalies.
    ['a rename that arrives before the add is lost', [renamed, added], open],
    ['a replayed add brings a removed todo back', [added, removed, added], open],
    ['a duplicated add undoes a later rename', [added, renamed, added], open],
  ] as const)('%s', (_, events, row) => {
    expect(rowAfter(todo, ...events)).toEqual(row)
  })

  it('keys every event and command by the todo id', () => {
    const [event] = storedEvents(removed)
    expect(event && todo.keyOf(event)).toBe('t1')
    expect(todo.target({ type: 'AddTodo', data: { id: 't1', title: 'x' } })).toEqual({
      key: 't1',
      stream: 'todo/t1',
    })
  })
})

describe('todo commands, decided on the current row', () => {
  const done = { title: 'buy milk', completed: true }
  const t1 = { id: 't1' }
  const titled = { id: 't1', title: 'a' }
  it.each([
    ['adds a new todo', 'AddTodo', titled, undefined, 'TodoAdded'],
    ['refuses to add a todo twice', 'AddTodo', titled, open, 'todo already exists'],
    ['renames a todo', 'RenameTodo', titled, open, 'TodoRenamed'],
    ['refuses to rename a missing todo', 'RenameTodo', titled, undefined, 'no such todo'],
    ['completes an open todo', 'CompleteTodo', t1, open, 'TodoCompleted'],
    ['refuses to complete a todo twice', 'CompleteTodo', t1, done, 'todo already completed'],
    ['refuses to complete a missing todo', 'CompleteTodo', t1, undefined, 'no such todo'],
    ['removes a todo', 'RemoveTodo', t1, done, 'TodoRemoved'],
    ['refuses to remove a missing todo', 'RemoveTodo', t1, undefined, 'no such todo'],
    ['refuses an unknown command', 'ArchiveTodo', t1, open, 'unknown command ArchiveTodo'],
  ] as const)('%s', (_, type, data, row, outcome) => {
    const decision = todo.decide({ type, data }, row)
    const expected = todo.eventTypes.includes(outcome)
      ? { ok: true, events: [{ type: outcome, data }] }
      : { ok: false, reason: outcome }
    expect(decision).toEqual(expected)
  })
})
