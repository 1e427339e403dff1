import type { RunStatus } from '../../state/store'
import { useApp } from '../../state/store'
import { formatMs } from '../format'

type Live = Extract<RunStatus, { name: string }>

/** A run on its way: how far it got, whether it is saved, and a way to stop it. */
export function RunProgress({ run }: { run: Live }) {
  const stop = useApp((s) => s.stopRun)
  const resume = useApp((s) => s.continueRun)
  const { tick } = run
  const percent = tick.bound > 0 ? Math.min(100, Math.round((tick.now / tick.bound) * 100)) : 0
  return (
    <section aria-labelledby="progress-heading" className="progress">
      <h2 id="progress-heading">
        {run.kind === 'running' ? 'Running' : 'Stopped'}: {run.name}
      </h2>
      <RestoredNote run={run} />
      <progress
        max={100}
        value={percent}
        aria-label={`Simulated time: ${formatMs(tick.now)} of at most ${formatMs(tick.bound)}`}
      />
      <p data-testid="progress-line">
        {tick.catchingUp ? 'Recomputing the saved part: ' : ''}
        {formatMs(tick.now)} of simulated time, {tick.events.toLocaleString('en')} events appended
        {tick.saved !== null ? `, ${tick.saved.toLocaleString('en')} saved` : ' (in memory)'}.
      </p>
      {run.kind === 'running' ? (
        <button type="button" onClick={stop}>
          Stop
        </button>
      ) : (
        <button type="button" onClick={resume}>
          Continue
        </button>
      )}
    </section>
  )
}

/** Says how far a reopened run had got before it was closed. */
export function RestoredNote({ run }: { run: { restored: Live['restored'] } }) {
  const r = run.restored
  if (!r) return null
  const how =
    r.status === 'ended'
      ? 'It had finished'
      : r.status === 'imported'
        ? 'It was imported from a file'
        : 'It had stopped before its end'
  return (
    <p className="restored" data-testid="restored">
      Reopened from this browser’s storage. {how}, with {r.head.toLocaleString('en')} events saved
      and {formatMs(r.clock)} of simulated time. The engine recomputes it from its scenario and seed
      {r.status === 'running' ? ' and carries on from there.' : '.'}
    </p>
  )
}
