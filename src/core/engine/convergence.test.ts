/**
 * When the naive handler (the in-order logic applied to whatever arrives) converges. It applies
 * every copy it receives, in arrival order, so it ends equal to the truth exactly when it receives
 * each event once and either in order or in a domain whose updates commute.
 */
import { describe, expect, it } from 'vitest'
import { domainNames, simulate, type DomainName, type ScenarioInput } from '../index'
import { scenario } from '../testing'

/** A workload that uses every command of a domain, on a few keys so that updates collide. */
const mixes: Record<DomainName, Record<string, number>> = {
  todo: { AddTodo: 1, RenameTodo: 4, CompleteTodo: 1, RemoveTodo: 1 },
  bank: { OpenAccount: 1, Deposit: 4, Withdraw: 3 },
  bookstore: { StockBook: 2, SellBook: 3 },
  users: { RegisterUser: 1, RenameUser: 2, ChangeEmail: 2, ChangeAvatar: 2 },
  profiles: { ChangeName: 2, DecideWarehouse: 1, PublishEvent: 1, CreateThing: 2, DeleteThing: 2 },
}

function run(domain: DomainName, link: NonNullable<ScenarioInput['projections'][number]['link']>) {
  return simulate(
    scenario({
      seed: 21,
      domain,
      until: 5000,
      workload: { rate: 100, count: 400, keys: 10, mix: mixes[domain] },
      projections: [
        {
          id: 'p',
          // The ack timeout is above any round trip used here, so nothing is redelivered.
          delivery: { mode: 'push', guarantee: 'at-least-once', ackTimeout: 1000 },
          link,
        },
      ],
    }),
  )
}

describe('the naive handler without faults', () => {
  it.each(domainNames)('converges in the %s domain when the link keeps order', (domain) => {
    const result = run(domain, { latency: { dist: 'constant', value: 10 } })
    const p = result.projections.p
    expect(p?.stats.outOfOrder).toBe(0)
    expect(p?.stats.duplicates).toBe(0)
    expect(p?.consistent).toBe(true)
    expect(p?.convergedAt).not.toBeNull()
    expect(p?.state).toEqual(result.truth)
  })

  it.each(['bank', 'bookstore'] as const)(
    'converges in the commutative %s domain when events are reordered but not duplicated',
    (domain) => {
      const result = run(domain, { latency: { dist: 'uniform', min: 0, max: 300 } })
      const p = result.projections.p
      // The premises: the link did reorder, and every event arrived exactly once.
      expect(p?.stats.outOfOrder).toBeGreaterThan(0)
      expect(p?.stats.duplicates).toBe(0)
      expect(p?.stats.redelivered).toBe(0)
      expect(p?.consistent).toBe(true)
      expect(p?.convergedAt).not.toBeNull()
      expect(p?.state).toEqual(result.truth)
    },
  )
})

describe('the naive handler against the motivating cases', () => {
  it('keeps the old title when a todo rename arrives before the todo it renames', () => {
    const result = simulate(
      scenario({
        commands: [
          { at: 0, type: 'AddTodo', data: { id: 't1', title: 'buy milk' } },
          { at: 10, type: 'RenameTodo', data: { id: 't1', title: 'buy oat milk' } },
        ],
        projections: [
          {
            id: 'p',
            link: {
              script: [
                { position: 1, at: 100 },
                { position: 2, at: 50 },
              ],
            },
          },
        ],
      }),
    )
    expect(result.truth).toEqual({ t1: { title: 'buy oat milk', completed: false } })
    expect(result.projections.p?.state).toEqual({ t1: { title: 'buy milk', completed: false } })
    expect(result.projections.p?.consistent).toBe(false)
    expect(result.projections.p?.convergedAt).toBeNull()
  })

  it('counts a deposit that arrives before its account was opened', () => {
    const result = simulate(
      scenario({
        domain: 'bank',
        commands: [
          { at: 0, type: 'OpenAccount', data: { id: 'a1', owner: 'ann' } },
          { at: 10, type: 'Deposit', data: { id: 'a1', amount: 5 } },
        ],
        projections: [
          {
            id: 'p',
            link: {
              script: [
                { position: 1, at: 100 },
                { position: 2, at: 50 },
              ],
            },
          },
        ],
      }),
    )
    expect(result.projections.p?.state).toEqual({ a1: { owner: 'ann', balance: 5 } })
    expect(result.projections.p?.consistent).toBe(true)
  })

  it('counts a duplicated deposit twice, even in a commutative domain', () => {
    const result = simulate(
      scenario({
        domain: 'bank',
        commands: [
          { at: 0, type: 'OpenAccount', data: { id: 'a1', owner: 'ann' } },
          { at: 10, type: 'Deposit', data: { id: 'a1', amount: 5 } },
        ],
        projections: [
          {
            id: 'p',
            link: {
              script: [
                { position: 2, at: 50 },
                { position: 2, at: 60 },
              ],
            },
          },
        ],
      }),
    )
    expect(result.truth).toEqual({ a1: { owner: 'ann', balance: 5 } })
    expect(result.projections.p?.state).toEqual({ a1: { owner: 'ann', balance: 10 } })
    expect(result.projections.p?.consistent).toBe(false)
  })
})
