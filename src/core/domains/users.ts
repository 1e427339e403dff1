import { z } from 'zod'
import { create, newest } from './effects'
import { accept, asText, numbered, reject, type Command, type Domain } from './domain'
import { id, text } from './fields'

/** The workload's key names, one string per key (see `numbered`). */
const usersKey = numbered('u')

function register(i: number): Command {
  return {
    type: 'RegisterUser',
    data: {
      id: usersKey(i),
      name: `user ${i}`,
      email: `u${i}@example.org`,
      avatar: `avatar-${i}-0.png`,
    },
  }
}

/** The users service other services copy from: `id` -> { name, email, avatar }. */
export const users: Domain = {
  name: 'users',
  commands: {
    RegisterUser: z.strictObject({ id, name: text, email: text, avatar: text }),
    RenameUser: z.strictObject({ id, name: text }),
    ChangeEmail: z.strictObject({ id, email: text }),
    ChangeAvatar: z.strictObject({ id, avatar: text }),
  },
  eventTypes: ['UserRegistered', 'UserRenamed', 'EmailChanged', 'AvatarChanged'],
  target: (c) => ({ key: asText(c.data.id), stream: `user/${asText(c.data.id)}` }),
  decide(c, row) {
    const data = c.data
    switch (c.type) {
      case 'RegisterUser':
        return row ? reject('user already registered') : accept({ type: 'UserRegistered', data })
      case 'RenameUser':
        return row ? accept({ type: 'UserRenamed', data }) : reject('no such user')
      case 'ChangeEmail':
        return row ? accept({ type: 'EmailChanged', data }) : reject('no such user')
      case 'ChangeAvatar':
        return row ? accept({ type: 'AvatarChanged', data }) : reject('no such user')
      default:
        return reject(`unknown command ${c.type}`)
    }
  },
  keyOf: (e) => asText(e.data.id),
  evolve(row, e) {
    const d = e.data
    // Object literals with every field rather than spreads: this runs once per delivery.
    const name = row?.name ?? ''
    const email = row?.email ?? ''
    const avatar = row?.avatar ?? ''
    switch (e.type) {
      case 'UserRegistered':
        return { name: asText(d.name), email: asText(d.email), avatar: asText(d.avatar) }
      case 'UserRenamed':
        return row && { name: asText(d.name), email, avatar }
      case 'EmailChanged':
        return row && { name, email: asText(d.email), avatar }
      case 'AvatarChanged':
        return row && { name, email, avatar: asText(d.avatar) }
      default:
        return row
    }
  },
  streamOf: (key) => `user/${key}`,
  fields: { name: '', email: '', avatar: '' },
  effects(e) {
    const d = e.data
    switch (e.type) {
      case 'UserRegistered':
        return [
          create,
          newest('name', asText(d.name)),
          newest('email', asText(d.email)),
          newest('avatar', asText(d.avatar)),
        ]
      case 'UserRenamed':
        return [newest('name', asText(d.name))]
      case 'EmailChanged':
        return [newest('email', asText(d.email))]
      case 'AvatarChanged':
        return [newest('avatar', asText(d.avatar))]
      default:
        return []
    }
  },
  workload: {
    create: register,
    sample(type, i, n) {
      const key = usersKey(i)
      switch (type) {
        case 'RenameUser':
          return { type, data: { id: key, name: `name ${n}` } }
        case 'ChangeEmail':
          return { type, data: { id: key, email: `u${i}+${n}@example.org` } }
        case 'ChangeAvatar':
          return { type, data: { id: key, avatar: `avatar-${i}-${n}.png` } }
        default:
          return register(i)
      }
    },
  },
}
