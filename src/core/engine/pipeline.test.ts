/**
 * An ordered handler shows what it is waiting for: copies held in its buffer and gap fetches on
 * the wire, over time in a trace and as end and peak values in every result.
 */
import { describe, expect, it } from 'vitest'
import { simulate } from '../index'
import { scenario } from '../testing'

const add = (at: number, id: string) => ({ at, type: 'AddTodo', data: { id, title: id } })

/**
 * e1 is dropped, e2 and e3 arrive at 100 and 110 ms and wait in the buffer. The gap timer (armed
 * at 100 ms, 200 ms long) fetches e1 at 300 ms; the request reaches the store at 310 ms and the
 * answer comes back at 320 ms, when e1, e2 and e3 are applied.
 */
function run() {
  return simulate(
    scenario({
      commands: [add(0, 't1'), add(1, 't2'), add(2, 't3')],
      projections: [
        {
          id: 'p',
          handler: 'ordered',
          gapTimeout: 200,
          delivery: { mode: 'push', guarantee: 'at-most-once' },
          link: {
            script: [
              { position: 1, drop: true },
              { position: 2, at: 100 },
              { position: 3, at: 110 },
            ],
          },
        },
        { id: 'q' },
      ],
    }),
    { trace: true },
  )
}

describe('an ordered projection waiting for a gap', () => {
  const result = run()
  const p = result.projections.p

  it('ends with nothing buffered or fetching, after peaks of two copies and one fetch', () => {
    expect(p?.state).toEqual(result.truth)
    expect(p?.pending).toEqual({ buffered: 0, fetching: 0, peakBuffered: 2, peakFetching: 1 })
  })

  it('shows the buffer and the fetch in its series, step by step', () => {
    const s = p?.series
    // The values in force at time t: those of the last instant at or before it.
    const at = (t: number) => {
      const i = (s?.t ?? []).filter((x) => x <= t).length - 1
      return { buffered: s?.buffered[i], fetching: s?.fetching[i] }
    }
    expect(at(50)).toEqual({ buffered: 0, fetching: 0 })
    expect(at(105)).toEqual({ buffered: 1, fetching: 0 })
    expect(at(200)).toEqual({ buffered: 2, fetching: 0 })
    expect(at(305)).toEqual({ buffered: 2, fetching: 1 })
    expect(at(315)).toEqual({ buffered: 2, fetching: 1 })
    expect(at(320)).toEqual({ buffered: 0, fetching: 0 })
  })

  it('keeps every list of the series as long as its instants', () => {
    const s = p?.series
    for (const list of [s?.behind, s?.oldestAt, s?.divergent, s?.buffered, s?.fetching])
      expect(list).toHaveLength(s?.t.length ?? -1)
  })

  it('leaves a projection that never buffers at zero throughout', () => {
    expect(result.projections.q?.pending).toEqual({
      buffered: 0,
      fetching: 0,
      peakBuffered: 0,
      peakFetching: 0,
    })
    expect(new Set(result.projections.q?.series?.buffered)).toEqual(new Set([0]))
  })
})
