import { describe, expect, it } from 'vitest'
import type { CatchUp, LagLayout } from './lag-layout'
import { catchUpText, convergedText, lagSummary } from './lag-text'

const status = (over: Partial<CatchUp>): CatchUp => ({
  behind: 12,
  lagMs: 340,
  divergent: 3,
  window: 1000,
  ratePerSecond: 15,
  trend: 'catching up',
  etaMs: 800,
  ...over,
})

describe('catchUpText', () => {
  it('gives the backlog in events and ms and the time to go', () => {
    expect(catchUpText(status({}))).toBe(
      'behind by 12 events / 340 ms, catching up: about 800 ms to go',
    )
    expect(catchUpText(status({ behind: 1, etaMs: 1240 }))).toBe(
      'behind by 1 event / 340 ms, catching up: about 1.2 s to go',
    )
  })

  it('says when the backlog is not shrinking', () => {
    expect(catchUpText(status({ trend: 'falling behind', etaMs: null }))).toBe(
      'behind by 12 events / 340 ms, falling behind: not catching up',
    )
    expect(catchUpText(status({ trend: 'steady', etaMs: null }))).toBe(
      'behind by 12 events / 340 ms, steady: not catching up',
    )
  })

  it('says caught up, and whether rows still differ', () => {
    expect(catchUpText(status({ behind: 0, divergent: 0 }))).toBe('caught up')
    expect(catchUpText(status({ behind: 0, divergent: 1 }))).toBe(
      'caught up, but 1 row still differs',
    )
  })
})

describe('lagSummary', () => {
  const layout = (over: Partial<LagLayout>): LagLayout => ({
    now: 2000,
    from: 0,
    to: 2000,
    events: { points: [], path: '', max: 12, yMax: 12 },
    ms: { points: [], path: '', max: 340, yMax: 340 },
    divergent: { points: [], path: '', max: 3, yMax: 3 },
    windows: [{ from: 100, to: 1240, band: null }],
    converged: { at: 1240, x: null },
    catchUp: status({ behind: 0, divergent: 0 }),
    ...over,
  })

  it('names the maxima, the windows and the convergence in one sentence', () => {
    expect(lagSummary('p', layout({}))).toBe(
      'Projection p: lag up to 12 events and 340 ms; 1 inconsistency window, up to 3 divergent rows; converged at 1.24 s; now caught up',
    )
  })

  it('tells a projection that never diverged from one that has not converged', () => {
    expect(convergedText(layout({ windows: [], converged: { at: 0, x: 0 } }))).toBe(
      'never diverged',
    )
    expect(convergedText(layout({ converged: null }))).toBe('not converged')
  })
})
