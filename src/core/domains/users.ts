import { z } from 'zod'
import { create, newest } from './effects'
import { accept, reject, str, type Command, type Domain } from './domain'
import { id, text } from './fields'

function register(i: number): Command {
  return {
    type: 'RegisterUser',
    data: {
      id: `u${i}`,
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
  target: (c) => ({ key: str(c.data, 'id'), stream: `user/${str(c.data, 'id')}` }),
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
  keyOf: (e) => str(e.data, 'id'),
  evolve(row, e) {
    const d = e.data
    // Object literals with every field rather than spreads: this runs once per delivery.
    const name = row?.name ?? ''
    const email = row?.email ?? ''
    const avatar = row?.avatar ?? ''
    switch (e.type) {
      case 'UserRegistered':
        return { name: str(d, 'name'), email: str(d, 'email'), avatar: str(d, 'avatar') }
      case 'UserRenamed':
        return row && { name: str(d, 'name'), email, avatar }
      case 'EmailChanged':
        return row && { name, email: str(d, 'email'), avatar }
      case 'AvatarChanged':
        return row && { name, email, avatar: str(d, 'avatar') }
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
          newest('name', str(d, 'name')),
          newest('email', str(d, 'email')),
          newest('avatar', str(d, 'avatar')),
        ]
      case 'UserRenamed':
        return [newest('name', str(d, 'name'))]
      case 'EmailChanged':
        return [newest('email', str(d, 'email'))]
      case 'AvatarChanged':
        return [newest('avatar', str(d, 'avatar'))]
      default:
        return []
    }
  },
  workload: {
    create: register,
    sample(type, i, n) {
      const key = `u${i}`
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
