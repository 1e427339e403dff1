/**
 * `newestBy` on an order-tolerant projection: a newest-value field compares stream versions (the
 * default) or event timestamps. On the store's clock a stream's timestamps never go back, so both
 * give the truth; two events appended at the same instant tie on timestamp, and the version
 * breaks the tie rather than the order they arrived in.
 */
import { describe, expect, it } from 'vitest'
import { parseScenario, simulate } from '../index'
import { problemsOf, valid } from '../scenario/test-support'
import { scenario } from '../testing'

const change = (userId: string, name: string, at: number) => ({
  at,
  type: 'ChangeName',
  data: { userId, name },
})

function run(times: readonly [number, number]) {
  const script = [
    { position: 2, at: 100 },
    { position: 1, at: 110 },
  ]
  const tolerant = { handler: 'order-tolerant' as const, link: { script } }
  return simulate(
    scenario({
      domain: 'profiles',
      commands: [change('u1', 'John Doe', times[0]), change('u1', 'John S. Doe', times[1])],
      projections: [
        { id: 'naive', link: { script } },
        { id: 'by-version', ...tolerant },
        { id: 'by-timestamp', ...tolerant, newestBy: 'timestamp' },
      ],
    }),
  )
}

describe('a name changed twice and delivered e2 e1', () => {
  it.each([
    ['at different instants', [0, 10]],
    ['at the same instant, tied on timestamp', [5, 5]],
  ] as const)('leaves each handler with its row when the changes come %s', (_, times) => {
    const result = run(times)
    const name = (p: string) => result.projections[p]?.state['user/u1']
    expect(result.truth['user/u1']).toEqual({ name: 'John S. Doe' })
    expect(name('naive')).toEqual({ name: 'John Doe' })
    expect(name('by-version')).toEqual({ name: 'John S. Doe' })
    expect(name('by-timestamp')).toEqual({ name: 'John S. Doe' })
  })
})

describe('the newestBy option', () => {
  const tolerant = { id: 'push', handler: 'order-tolerant' }
  const pull = { id: 'pull', delivery: { mode: 'pull' } }

  it('is absent unless given, so a newest value compares versions', () => {
    const parsed = parseScenario({ ...valid, projections: [tolerant, pull] })
    expect(parsed.ok && parsed.scenario.projections[0]).not.toHaveProperty('newestBy')
  })

  it.each(['version', 'timestamp'])('accepts %s on an order-tolerant projection', (by) => {
    expect(parseScenario({ ...valid, projections: [{ ...tolerant, newestBy: by }, pull] }).ok).toBe(
      true,
    )
  })

  it.each([
    ['a value it does not know', { ...tolerant, newestBy: 'clock' }],
    ['a handler that has no newest fields', { id: 'push', newestBy: 'timestamp' }],
  ])('rejects %s', (_, projection) => {
    expect(problemsOf({ ...valid, projections: [projection, pull] }).map((p) => p.path)).toEqual([
      'projections[0].newestBy',
    ])
  })
})
