/**
 * The users service other services copy from: a name, an e-mail address and an avatar per user.
 */
import { describe, expect, it } from 'vitest'
import { rowAfter } from '../testing'
import { users } from './users'

const registered = [
  'UserRegistered',
  { id: 'u1', name: 'Ann', email: 'ann@a.org', avatar: 'a.png' },
] as const
const renamed = ['UserRenamed', { id: 'u1', name: 'Annie' }] as const
const email = (address: string) => ['EmailChanged', { id: 'u1', email: address }] as const
const avatar = ['AvatarChanged', { id: 'u1', avatar: 'b.png' }] as const

const ann = { name: 'Ann', email: 'ann@a.org', avatar: 'a.png' }

describe('users events, applied in the order given', () => {
  it.each([
    ['a registered user has every field', [registered], ann],
    ['a rename changes only the name', [registered, renamed], { ...ann, name: 'Annie' }],
    [
      'an e-mail change changes only the address',
      [registered, email('x@a.org')],
      { ...ann, email: 'x@a.org' },
    ],
    ['an avatar change changes only the avatar', [registered, avatar], { ...ann, avatar: 'b.png' }],
    [
      'changes to different fields all stick',
      [registered, renamed, avatar],
      { name: 'Annie', email: 'ann@a.org', avatar: 'b.png' },
    ],
    [
      'the last of two e-mail changes wins',
      [registered, email('1@a.org'), email('2@a.org')],
      { ...ann, email: '2@a.org' },
    ],
    // Out of order, the naive handler keeps the older address: the staleness that matters.
    [
      'e-mail changes swapped on the way keep the older one',
      [registered, email('2@a.org'), email('1@a.org')],
      { ...ann, email: '1@a.org' },
    ],
    ['a change before the registration is lost', [renamed, registered], ann],
    ['a change of an unknown user makes no row', [email('x@a.org')], undefined],
  ] as const)('%s', (_, events, row) => {
    expect(rowAfter(users, ...events)).toEqual(row)
  })
})

describe('users commands, decided on the current row', () => {
  const data = registered[1]
  it.each([
    ['registers a new user', 'RegisterUser', data, undefined, 'UserRegistered'],
    ['refuses to register a user twice', 'RegisterUser', data, ann, 'user already registered'],
    ['renames a user', 'RenameUser', { id: 'u1', name: 'B' }, ann, 'UserRenamed'],
    [
      'changes an e-mail address',
      'ChangeEmail',
      { id: 'u1', email: 'b@a.org' },
      ann,
      'EmailChanged',
    ],
    ['changes an avatar', 'ChangeAvatar', { id: 'u1', avatar: 'c.png' }, ann, 'AvatarChanged'],
    [
      'refuses to rename a missing user',
      'RenameUser',
      { id: 'u1', name: 'B' },
      undefined,
      'no such user',
    ],
    [
      'refuses an e-mail change of a missing user',
      'ChangeEmail',
      { id: 'u1', email: 'b@a.org' },
      undefined,
      'no such user',
    ],
    [
      'refuses an avatar change of a missing user',
      'ChangeAvatar',
      { id: 'u1', avatar: 'c.png' },
      undefined,
      'no such user',
    ],
    ['refuses an unknown command', 'DeleteUser', { id: 'u1' }, ann, 'unknown command DeleteUser'],
  ] as const)('%s', (_, type, data, row, outcome) => {
    const expected = users.eventTypes.includes(outcome)
      ? { ok: true, events: [{ type: outcome, data }] }
      : { ok: false, reason: outcome }
    expect(users.decide({ type, data }, row)).toEqual(expected)
  })
})
