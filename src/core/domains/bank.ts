import { z } from 'zod'
import { add, create, once } from './effects'
import { accept, asNumber, asText, numbered, reject, type Domain } from './domain'
import { amount, id, text } from './fields'

/** The workload's key names, one string per key (see `numbered`). */
const bankKey = numbered('a')

/**
 * Event sourcing as a bank: the events are transactions, the balance is only a read model.
 * Amount updates commute (a deposit that arrives before the opening still counts), so a handler
 * that only removes duplicates ends right whatever the order.
 */
export const bank: Domain = {
  name: 'bank',
  commands: {
    OpenAccount: z.strictObject({ id, owner: text }),
    Deposit: z.strictObject({ id, amount }),
    Withdraw: z.strictObject({ id, amount }),
  },
  eventTypes: ['AccountOpened', 'Deposited', 'Withdrawn'],
  target: (c) => ({ key: asText(c.data.id), stream: `account/${asText(c.data.id)}` }),
  decide(c, row) {
    switch (c.type) {
      case 'OpenAccount':
        return row
          ? reject('account already open')
          : accept({ type: 'AccountOpened', data: c.data })
      case 'Deposit':
        return row ? accept({ type: 'Deposited', data: c.data }) : reject('no such account')
      case 'Withdraw':
        if (!row) return reject('no such account')
        return asNumber(row.balance) < asNumber(c.data.amount)
          ? reject('insufficient funds')
          : accept({ type: 'Withdrawn', data: c.data })
      default:
        return reject(`unknown command ${c.type}`)
    }
  },
  keyOf: (e) => asText(e.data.id),
  evolve(row, e) {
    const balance = row ? asNumber(row.balance) : 0
    const owner = row ? (row.owner ?? null) : null
    switch (e.type) {
      case 'AccountOpened':
        return { owner: asText(e.data.owner), balance }
      case 'Deposited':
        return { owner, balance: balance + asNumber(e.data.amount) }
      case 'Withdrawn':
        return { owner, balance: balance - asNumber(e.data.amount) }
      default:
        return row
    }
  },
  streamOf: (key) => `account/${key}`,
  fields: { owner: null, balance: 0 },
  effects(e) {
    switch (e.type) {
      case 'AccountOpened':
        return [create, once('owner', asText(e.data.owner))]
      case 'Deposited':
        return [add('balance', asNumber(e.data.amount))]
      case 'Withdrawn':
        return [add('balance', -asNumber(e.data.amount))]
      default:
        return []
    }
  },
  workload: {
    create: (i) => ({ type: 'OpenAccount', data: { id: bankKey(i), owner: `owner ${i}` } }),
    sample(type, i, n, rng) {
      const key = bankKey(i)
      if (type === 'OpenAccount') return { type, data: { id: key, owner: `owner ${n}` } }
      return { type, data: { id: key, amount: 1 + rng.int(100) } }
    },
  },
}
