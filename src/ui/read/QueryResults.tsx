import { useId, useState } from 'react'
import type { ReadRecord } from '../../core'
import type { InterventionFrame } from '../../state/store'
import { formatMs } from '../format'
import { plural, rowText } from './read-words'

interface Props {
  readonly interventions: readonly InterventionFrame[]
}

/** A query made by hand, with its request and (once it came) its answer. */
interface Query {
  readonly index: number
  readonly at: number
  readonly projection: string
  readonly key: string
  readonly mode: string
  readonly applied: boolean
  readonly answer: ReadRecord | null
}

const SHOWN = 6

/**
 * The queries made by hand, newest first, each with what it cost once it answered. Queries later
 * than the instant shown are kept, greyed and labelled: stepping forward brings them back. The
 * newest answer is announced to screen readers as it arrives.
 */
export function QueryResults({ interventions }: Props) {
  const headingId = useId()
  const [all, setAll] = useState(false)
  const queries = queriesOf(interventions)
  const newest = newestAnswered(queries)
  const shown = all ? queries : queries.slice(0, SHOWN)
  return (
    <section className="query-results" aria-labelledby={headingId}>
      <h3 id={headingId}>Queries</h3>
      <p role="status" className="visually-hidden" data-testid="newest-answer">
        {newest?.answer &&
          `Answer to the ${newest.mode} read of ${newest.key} on ${newest.projection}: ${rowText(
            newest.answer.value,
          )}, ${newest.answer.fresh ? 'fresh' : 'stale'}, after ${formatMs(
            newest.answer.latency,
          )}, ${plural(newest.answer.cost, 'message')}.`}
      </p>
      {queries.length === 0 ? (
        <p className="queries-empty">
          No queries yet. Ask one above: its answer shows here, fresh or stale, with its latency and
          cost.
        </p>
      ) : (
        <ol className="queries" reversed>
          {shown.map((q) => (
            <QueryItem key={q.index} query={q} />
          ))}
        </ol>
      )}
      {queries.length > SHOWN && (
        <button type="button" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? `Show the newest ${SHOWN}` : `Show all ${queries.length} queries`}
        </button>
      )}
    </section>
  )
}

function QueryItem({ query: q }: { query: Query }) {
  const a = q.answer
  return (
    <li className={q.applied ? 'query' : 'query later'} data-testid="query">
      <p className="query-asked">
        <span className="query-at">at {formatMs(q.at)}:</span> <b>{q.mode}</b> read of{' '}
        <b className="query-key">{q.key}</b> on <b>{q.projection}</b>
      </p>
      {!q.applied ? (
        <p className="query-pending">later than the time shown</p>
      ) : a === null ? (
        <p className="query-pending">waiting for an answer…</p>
      ) : (
        <dl className="answer">
          <div className="answer-value">
            <dt>value</dt>
            <dd>{rowText(a.value)}</dd>
          </div>
          <div>
            <dt>freshness</dt>
            <dd className={a.fresh ? 'fresh' : 'stale'}>
              <span aria-hidden="true">{a.fresh ? '✓ ' : '⚠ '}</span>
              {a.fresh ? 'fresh' : 'stale'}
            </dd>
          </div>
          <div>
            <dt>latency</dt>
            <dd>{formatMs(a.latency)}</dd>
          </div>
          <div>
            <dt>cost</dt>
            <dd>{plural(a.cost, 'message')}</dd>
          </div>
          {(a.timedOut || a.repaired) && (
            <div className="answer-notes">
              <dt>note</dt>
              <dd>
                {[
                  a.timedOut && 'timed out: answered from the local copy',
                  a.repaired && 'repaired the row first',
                ]
                  .filter(Boolean)
                  .join('; ')}
              </dd>
            </div>
          )}
        </dl>
      )}
    </li>
  )
}

function queriesOf(interventions: readonly InterventionFrame[]): Query[] {
  const queries: Query[] = []
  for (const f of interventions) {
    const iv = f.intervention
    if (iv.type !== 'read') continue
    queries.push({
      index: f.index,
      at: iv.at,
      projection: iv.read.projection,
      key: iv.read.key,
      mode: iv.read.mode,
      applied: f.applied,
      answer: f.answer,
    })
  }
  return queries.reverse()
}

/** The query answered last (by answer time, then by when it was asked). */
function newestAnswered(queries: readonly Query[]): Query | undefined {
  let newest: Query | undefined
  for (const q of queries)
    if (q.answer && (!newest?.answer || q.answer.answeredAt > newest.answer.answeredAt)) newest = q
  return newest
}
