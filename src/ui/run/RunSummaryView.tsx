import type { RunStatus } from '../../state/store'
import { selectRebuild, selectStorage, useApp } from '../../state/store'
import { formatMs, withArticle } from '../format'
import { RestoredNote } from './RunProgress'

type Done = Extract<RunStatus, { kind: 'done' }>

/** The outcome of a run in words and one table: what each read model ended with. */
export function RunSummaryView({ run }: { run: Done }) {
  const { summary, runId } = run
  const storage = useApp(selectStorage)
  const canRebuild = runId !== null && storage.kind === 'saving'
  return (
    <section aria-labelledby="summary-heading" className="summary">
      <h2 id="summary-heading">Result: {summary.name}</h2>
      <RestoredNote run={run} />
      <p data-testid="run-totals">
        <span data-testid="events">{summary.events}</span> events appended,{' '}
        <span data-testid="rejected">{summary.rejected}</span> commands rejected,{' '}
        <span data-testid="projection-count">{summary.projections.length}</span> projections.{' '}
        {summary.endReason === 'quiet'
          ? `The network went quiet at ${formatMs(summary.endedAt)}`
          : `The run was cut off at ${formatMs(summary.endedAt)} before the network went quiet`}{' '}
        (seed {summary.seed}).{' '}
        <span className="muted">
          Fingerprint <code data-testid="trace-hash">{summary.traceHash}</code>: the same scenario
          and seed always give the same one.
        </span>
      </p>
      <table>
        <caption>Projections at the end of the run</caption>
        <thead>
          <tr>
            <th scope="col">Projection</th>
            <th scope="col">Handler</th>
            <th scope="col">Delivery</th>
            <th scope="col">State</th>
            <th scope="col">Delivered</th>
            <th scope="col">Duplicates</th>
            <th scope="col">Dropped</th>
            <th scope="col">Visibility p50</th>
            <th scope="col">Visibility max</th>
            {canRebuild && <th scope="col">Saved read model</th>}
          </tr>
        </thead>
        <tbody>
          {summary.projections.map((p) => (
            <tr key={p.id} data-testid={`projection-${p.id}`}>
              <th scope="row">{p.id}</th>
              <td>{p.handler}</td>
              <td>{p.delivery}</td>
              <td data-testid="state">
                {p.consistent && p.convergedAt !== null
                  ? `converged at ${formatMs(p.convergedAt)}`
                  : 'diverged'}
              </td>
              <td className="number">{p.delivered}</td>
              <td className="number">{p.duplicates}</td>
              <td className="number">{p.dropped}</td>
              <td className="number">{formatMs(p.visibilityP50)}</td>
              <td className="number">{formatMs(p.visibilityMax)}</td>
              {canRebuild && (
                <td>
                  <RebuildButton runId={runId} projection={p.id} />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {summary.reads.length > 0 && (
        <>
          <h3>Reads</h3>
          <ul className="reads">
            {summary.reads.map((r, i) => (
              <li key={i} data-testid="read">
                At {formatMs(r.at)}, {withArticle(r.mode)} read of <code>{r.key}</code> from{' '}
                {r.projection}
                {r.latency > 0 ? ` (answered after ${formatMs(r.latency)})` : ''}:{' '}
                <strong>{r.found ? 'found' : 'not found'}</strong>
                {r.fresh ? ' (fresh)' : ' (stale: the write model already has it)'}
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>Anomalies</h3>
      {summary.anomalies.length === 0 ? (
        <p>The checker found none.</p>
      ) : (
        <ul className="anomalies">
          {summary.anomalies.slice(0, 20).map((a, i) => (
            <li key={i} data-testid="anomaly">
              <strong>{a.type}</strong> at {formatMs(a.at)} on {a.projection}: {a.explanation}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

/** Replays the stored events from position 0 into one projection's saved rows, with progress. */
function RebuildButton({ runId, projection }: { runId: number; projection: string }) {
  const rebuild = useApp(selectRebuild)
  const start = useApp((s) => s.rebuildProjection)
  if (rebuild?.runId === runId && rebuild.projection === projection)
    return (
      <progress
        max={Math.max(1, rebuild.total)}
        value={rebuild.done}
        aria-label={`Rebuilding ${projection}: ${rebuild.done} of ${rebuild.total} events`}
      />
    )
  return (
    <button
      type="button"
      disabled={rebuild !== null}
      aria-label={`Rebuild ${projection} from position 0`}
      onClick={() => void start(runId, projection)}
    >
      Rebuild
    </button>
  )
}
