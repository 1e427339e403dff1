import { z } from 'zod'
import { create, newest, remove } from './effects'
import { accept, asText, numbered, reject, type Domain } from './domain'
import { id, text } from './fields'

/** The workload's key names, one string per key (see `numbered`). */
const todoKey = numbered('t')

/** The todo list of the read-after-write lesson: `id` -> { title, completed }. */
export const todo: Domain = {
  name: 'todo',
  commands: {
    AddTodo: z.strictObject({ id, title: text }),
    RenameTodo: z.strictObject({ id, title: text }),
    CompleteTodo: z.strictObject({ id }),
    RemoveTodo: z.strictObject({ id }),
  },
  eventTypes: ['TodoAdded', 'TodoRenamed', 'TodoCompleted', 'TodoRemoved'],
  target: (c) => ({ key: asText(c.data.id), stream: `todo/${asText(c.data.id)}` }),
  decide(c, row) {
    const data = c.data
    switch (c.type) {
      case 'AddTodo':
        return row ? reject('todo already exists') : accept({ type: 'TodoAdded', data })
      case 'RenameTodo':
        return row ? accept({ type: 'TodoRenamed', data }) : reject('no such todo')
      case 'CompleteTodo':
        if (!row) return reject('no such todo')
        return row.completed
          ? reject('todo already completed')
          : accept({ type: 'TodoCompleted', data })
      case 'RemoveTodo':
        return row ? accept({ type: 'TodoRemoved', data }) : reject('no such todo')
      default:
        return reject(`unknown command ${c.type}`)
    }
  },
  keyOf: (e) => asText(e.data.id),
  evolve(row, e) {
    switch (e.type) {
      case 'TodoAdded':
        return { title: asText(e.data.title), completed: false }
      case 'TodoRenamed':
        // An update of a missing row changes nothing, as an SQL UPDATE would.
        return row && { title: asText(e.data.title), completed: row.completed ?? false }
      case 'TodoCompleted':
        return row && { title: row.title ?? '', completed: true }
      case 'TodoRemoved':
        return undefined
      default:
        return row
    }
  },
  streamOf: (key) => `todo/${key}`,
  fields: { title: '', completed: false },
  effects(e) {
    switch (e.type) {
      case 'TodoAdded':
        return [create, newest('title', asText(e.data.title)), newest('completed', false)]
      case 'TodoRenamed':
        return [newest('title', asText(e.data.title))]
      case 'TodoCompleted':
        return [newest('completed', true)]
      case 'TodoRemoved':
        return [remove]
      default:
        return []
    }
  },
  workload: {
    create: (i) => ({ type: 'AddTodo', data: { id: todoKey(i), title: `todo ${i}` } }),
    sample(type, i, n) {
      const key = todoKey(i)
      return type === 'AddTodo' || type === 'RenameTodo'
        ? { type, data: { id: key, title: `title ${n}` } }
        : { type, data: { id: key } }
    },
  },
}
