import { describe, expect, it } from 'vitest'
import type { ScenarioInput } from '../../core'
import { checkClaim } from './claims'
import { worldAt } from './world'

/** One book in stock; a till sells it through a strong read over 50 ms each way, at 100 ms. */
function till(cut: boolean): ScenarioInput {
  return {
    format: 'eventually.scenario/v1',
    seed: 3,
    domain: 'bookstore',
    until: 2000,
    commands: [
      { at: 0, type: 'StockBook', data: { store: 's1', isbn: 'b1', qty: 1 } },
      {
        at: 100,
        type: 'SellBook',
        data: { store: 's1', isbn: 'b1' },
        client: 'till',
        via: { projection: 'p', mode: 'strong', timeout: 500 },
      },
    ],
    projections: [{ id: 'p', link: { latency: { dist: 'constant', value: 50 } } }],
    faults: cut ? [{ type: 'partition', projection: 'p', from: 90, to: 1000 }] : [],
  }
}

describe('the decision-wait claim', () => {
  it('measures how long a command waited for the read it is decided through', () => {
    const world = worldAt(till(false), Infinity)
    const checked = checkClaim(
      { kind: 'decision-wait', command: 1, minWait: 100, maxWait: 100, timedOut: false },
      world,
    )
    expect(checked).toEqual({
      holds: true,
      text: 'Command 2 from till was sent at 100 ms and decided at 200 ms: it waited 100 ms for its strong read of p, 2 messages sent.',
    })
    expect(checkClaim({ kind: 'decision-wait', command: 1, maxWait: 99 }, world).holds).toBe(false)
    expect(checkClaim({ kind: 'decision-wait', command: 1, minWait: 101 }, world).holds).toBe(false)
  })

  it('says when the read gave up waiting and the command was decided anyway', () => {
    const world = worldAt(till(true), Infinity)
    const checked = checkClaim({ kind: 'decision-wait', command: 1, timedOut: true }, world)
    expect(checked.holds).toBe(true)
    expect(checked.text).toMatch(/waited 500 ms for its strong read of p, then gave up waiting/)
    expect(checkClaim({ kind: 'decision-wait', command: 1, timedOut: false }, world).holds).toBe(
      false,
    )
  })

  it('fails for a command that has not been decided yet, or is not decided through a read', () => {
    expect(checkClaim({ kind: 'decision-wait', command: 1 }, worldAt(till(false), 150))).toEqual({
      holds: false,
      text: 'Command 2 was not decided through a read (or not yet).',
    })
    expect(checkClaim({ kind: 'decision-wait', command: 0 }, worldAt(till(false), 150)).holds).toBe(
      false,
    )
  })
})
