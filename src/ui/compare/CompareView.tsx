import { useMemo } from 'react'
import { comparisons } from '../../scenarios'
import { comparisonMeasures, type ComparisonMeasures } from '../../state/store'
import { routeHash } from '../route/route'
import { Legend } from '../timelines/Legend'
import { SummaryTable } from './SummaryTable'
import { VariantPanel } from './VariantPanel'
import './compare.css'

/**
 * Side by side: the variants of one comparison run on the same seed with the same commands, their
 * measures in one table and their runs drawn next to each other on one time axis. The runs are
 * small, so they are computed when the view opens (once per comparison and page).
 */
export function CompareView({ id }: { id: string }) {
  const measures = useMemo(() => comparisonMeasures(id), [id])
  return (
    <div className="compare">
      <ComparisonPicker current={measures ? id : null} />
      {measures ? <Comparison m={measures} /> : <Unknown id={id} />}
    </div>
  )
}

function Comparison({ m }: { m: ComparisonMeasures }) {
  const c = m.comparison
  const seed = m.variants[0]?.scenario.seed ?? 0
  return (
    <section aria-labelledby="compare-heading" data-testid="comparison" data-id={c.id}>
      <h2 id="compare-heading">Side by side: {c.title}</h2>
      <p className="compare-question">
        <strong>Look for: </strong>
        {c.question}
      </p>
      <p className="compare-same">
        Every variant runs with seed {seed}, the same commands and the same reads; only{' '}
        {c.varies.map(variesWords).join(' and ')} differs.
      </p>
      <SummaryTable m={m} />
      <div className="compare-variants" data-count={m.variants.length}>
        {m.variants.map((v, i) => (
          <VariantPanel
            key={v.label}
            variant={v}
            input={c.variants[i]?.scenario ?? null}
            end={m.end}
          />
        ))}
      </div>
      <Legend />
    </section>
  )
}

/** "projections.*.delivery" -> "the delivery of the projection". */
function variesWords(path: string): string {
  const parts = path.split('.')
  const field = parts[parts.length - 1] ?? path
  const where = (parts[0] ?? '').replace(/s$/, '')
  return parts.length > 1 ? `the ${field} of the ${where}` : `the ${field}`
}

/** Links between the comparisons; the current one is marked for assistive technology too. */
function ComparisonPicker({ current }: { current: string | null }) {
  return (
    <nav aria-label="Comparisons" className="compare-picker">
      <ul>
        {comparisons.map((c) => (
          <li key={c.id}>
            <a
              href={routeHash({ view: 'compare', id: c.id })}
              aria-current={c.id === current ? 'page' : undefined}
            >
              {c.title}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}

/** A link to a comparison that does not exist: say so, and list those that do. */
function Unknown({ id }: { id: string }) {
  return (
    <section aria-labelledby="compare-heading" className="compare-unknown">
      <h2 id="compare-heading">Side by side</h2>
      <p role="alert">There is no comparison called “{id}”. These are the comparisons there are:</p>
      <ul>
        {comparisons.map((c) => (
          <li key={c.id}>
            <a href={routeHash({ view: 'compare', id: c.id })}>{c.title}</a>: {c.question}
          </li>
        ))}
      </ul>
    </section>
  )
}
