import { describe, expect, it } from 'vitest'
import { simulate, type Result } from '../core'
import { bookstoreOversell, bookstoreReadRepair, load, outOfOrder } from '.'

const types = (r: Result, projection: string) =>
  r.anomalies.filter((a) => a.projection === projection).map((a) => a.type)

describe('the out-of-order fixture', () => {
  const r = simulate(load(outOfOrder))

  it('leaves the ordered and order-tolerant read models equal to the truth, with no anomaly', () => {
    for (const id of ['ordered', 'order-tolerant']) {
      expect(r.projections[id]?.state).toEqual(r.truth)
      expect(types(r, id)).toEqual([])
    }
  })

  it('shows the naive handler overwritten by order and resurrecting the deleted thing', () => {
    expect(r.projections.naive?.consistent).toBe(false)
    expect(types(r, 'naive')).toEqual(
      expect.arrayContaining(['out-of-order-overwrite', 'resurrection', 'diverged']),
    )
    expect(r.projections.naive?.state['thing/x']).toBeDefined()
    expect(r.truth['thing/x']).toBeUndefined()
  })

  it('shows the idempotent handler safe from the replay but not from the reversal', () => {
    expect(types(r, 'idempotent')).not.toContain('resurrection')
    expect(r.projections.idempotent?.state['user/u1']).toEqual({ name: 'Anna' })
    expect(r.truth['user/u1']).toEqual({ name: 'Annie' })
  })
})

describe('the bookstore fixtures', () => {
  it('oversells when the second till decides on a stale shelf view', () => {
    const r = simulate(load(bookstoreOversell))
    expect(r.rejected).toEqual([])
    expect(r.truth['s1/isbn-1']).toEqual({ stock: -1 })
    const decision = r.anomalies.find((a) => a.type === 'decision-on-stale-data')
    expect(decision?.explanation).toMatch(/SellBook was accepted/)
  })

  it('refuses the second sale when the till reads through read repair', () => {
    const r = simulate(load(bookstoreReadRepair))
    expect(r.truth['s1/isbn-1']).toEqual({ stock: 0 })
    expect(r.rejected).toEqual([
      expect.objectContaining({ type: 'SellBook', client: 'till-2', reason: 'book not in stock' }),
    ])
    expect(r.anomalies.map((a) => a.type)).not.toContain('decision-on-stale-data')
    const read = r.reads.find((x) => x.command >= 0)
    expect(read).toMatchObject({ mode: 'read-repair', fresh: true, repaired: true, cost: 2 })
  })
})
