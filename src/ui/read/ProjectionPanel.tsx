import type { ProjectionFrame, ServiceStatus } from '../../state/store'
import { formatMs } from '../format'
import { HandlerControl } from './HandlerControl'
import { RowsTable } from './RowsTable'
import { deliveryInWords, handlerInWords, plural } from './read-words'

interface Props {
  readonly projection: ProjectionFrame
  /** The store's head: the position every checkpoint is measured against. */
  readonly head: number
}

const STATUS_ICON: Record<ServiceStatus, string> = {
  running: '●',
  partitioned: '⚠',
  crashed: '✖',
  'crashed and partitioned': '✖',
  rebuilding: '↻',
  'rebuilding and partitioned': '↻',
}

/**
 * One read model as an event store's UI shows a subscription: the store's position, the
 * checkpoint, the lag in events and in time, what is on the wire and held back, then its rows
 * beside the truth.
 */
export function ProjectionPanel({ projection: p, head }: Props) {
  const headingId = `projection-${p.id}-heading`
  const rows = p.rows.length + p.moreRows
  return (
    <section className="projection-panel" aria-labelledby={headingId}>
      <div className="projection-title">
        <h3 id={headingId}>{p.id}</h3>
        <span className={`service-status ${p.status.replaceAll(' ', '-')}`}>
          <span aria-hidden="true">{STATUS_ICON[p.status]} </span>
          {p.status}
        </span>
      </div>
      <p className="projection-how">
        {handlerInWords(p.handler)}; {deliveryInWords(p.delivery)}.
      </p>
      <ul className="positions" aria-label={`Where ${p.id} is`}>
        <li>
          position <b>{head}</b>
        </li>
        <li>
          checkpoint <b>{p.checkpoint}</b>
        </li>
        <li className={p.behindEvents > 0 ? 'behind' : undefined}>
          {p.behindEvents > 0 ? (
            <>
              behind by <b>{plural(p.behindEvents, 'event')}</b> / <b>{formatMs(p.behindMs)}</b>
            </>
          ) : (
            'caught up'
          )}
        </li>
        <li>
          <b>{p.inFlight}</b> in flight
        </li>
        <li>
          <b>{p.buffered}</b> buffered
        </li>
      </ul>
      <dl className="counts">
        <Count label="delivered" n={p.delivered} />
        <Count label="applied" n={p.applied} />
        <Count label="duplicates" n={p.duplicates} />
        <Count label="dropped" n={p.dropped} />
        {p.skipped > 0 && <Count label="skipped" n={p.skipped} />}
      </dl>
      {rows > 0 && (
        <p className={p.divergent > 0 ? 'sync diverged' : 'sync in-sync'}>
          {p.divergent > 0 ? (
            <>
              <span aria-hidden="true">≠ </span>
              {plural(p.divergent, 'row differs', 'rows differ')} from the truth
            </>
          ) : (
            <>
              <span aria-hidden="true">✓ </span>in sync: every row matches the truth
            </>
          )}
        </p>
      )}
      <RowsTable projection={p.id} rows={p.rows} moreRows={p.moreRows} />
      <HandlerControl projection={p.id} handler={p.handler} rebuilding={p.rebuilding} />
    </section>
  )
}

function Count({ label, n }: { label: string; n: number }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{n}</dd>
    </div>
  )
}
