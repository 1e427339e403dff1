import { describe, expect, it } from 'vitest'
import { comparisonMeasures } from '../../state/store'
import { formatMs } from '../format'
import { best, summaryRows } from './summary-rows'

describe('the best value of a row', () => {
  it('is the lowest, and every variant that holds it', () => {
    expect(best([3, 1, 2], 'lower')).toEqual([1])
    expect(best([1, 3, 1], 'lower')).toEqual([0, 2])
  })

  it('is nobody when all are equal, when there is no order, or when too few are known', () => {
    expect(best([2, 2, 2], 'lower')).toEqual([])
    expect(best([1, 2], 'none')).toEqual([])
    expect(best([null, 4], 'lower')).toEqual([])
  })
})

describe('the summary rows', () => {
  const measured = (id: string) => {
    const m = comparisonMeasures(id)
    if (!m) throw new Error(`no comparison ${id}`)
    return m
  }
  const row = (id: string, rowId: string) => summaryRows(measured(id)).find((r) => r.id === rowId)

  it('say each variant’s numbers in words and mark the better one', () => {
    const m = measured('push-pull')
    const stale = row('push-pull', 'stale-reads')
    expect(stale?.cells).toEqual(m.variants.map((v) => `${v.staleReads} of ${v.reads}`))
    expect(stale?.best).toEqual([0])
    expect(row('push-pull', 'events')?.best).toEqual([])
    expect(row('push-pull', 'converged-todos')?.cells).toEqual(
      m.variants.map((v) => formatMs(v.projections[0]?.convergedAt ?? null)),
    )
  })

  it('say "not converged" and count it as the worst', () => {
    const converged = row('handlers', 'converged-profiles')
    expect(converged?.cells[0]).toBe('not converged')
    expect(converged?.best).toEqual([1, 2])
  })

  it('leave out the reads for a comparison without reads, and list only anomalies found', () => {
    const ids = summaryRows(measured('handlers')).map((r) => r.id)
    expect(ids).not.toContain('stale-reads')
    expect(ids.filter((id) => id.startsWith('anomaly-'))).toEqual(
      measured('handlers').anomalyTypes.map((t) => `anomaly-${t}`),
    )
  })
})
