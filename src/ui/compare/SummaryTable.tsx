import type { ComparisonMeasures } from '../../state/store'
import { summaryRows } from './summary-rows'

/**
 * The measures of every variant in one table: a row per measure, a column per variant. The best
 * value of a row is marked with a tick and a word, never by colour alone; a row without a mark
 * has no better value (the variants are equal there, or it is the same input for all).
 */
export function SummaryTable({ m }: { m: ComparisonMeasures }) {
  const rows = summaryRows(m)
  const mark = m.variants.length === 2 ? 'better' : 'best'
  return (
    <div className="compare-table-scroll" role="region" aria-label="Summary" tabIndex={0}>
      <table className="compare-summary" data-testid="compare-summary">
        <caption>
          What each run measured. Lower is better in every row but the first; ✓ {mark} marks the{' '}
          {mark} value, and a row without a mark is a tie.
        </caption>
        <thead>
          <tr>
            <th scope="col">Measure</th>
            {m.variants.map((v) => (
              <th scope="col" key={v.label}>
                {v.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr
              key={r.id}
              data-testid={`measure-${r.id}`}
              className={r.detail ? 'detail' : undefined}
            >
              <th scope="row">
                {r.detail && <span className="visually-hidden">anomalies: </span>}
                {r.label}
              </th>
              {r.cells.map((text, i) => {
                const isBest = r.best.includes(i)
                return (
                  <td key={i} className={isBest ? 'number best' : 'number'}>
                    <span data-testid="value">{text}</span>
                    {isBest && (
                      <span className="best-mark">
                        {' '}
                        <span aria-hidden="true">✓</span> {mark}
                      </span>
                    )}
                  </td>
                )
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
