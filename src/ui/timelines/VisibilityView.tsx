import { useMemo } from 'react'
import type { TraceView } from '../../core'
import { useApp } from '../../state/store'
import { theoreticalCdf } from '../../viz/visibility/theory'
import { visibilityTimes } from '../../viz/visibility/visibility'
import { VisibilityChart } from '../../viz/visibility/VisibilityChart'

/** What the learner changed about a projection's link or delivery: the theory no longer holds. */
const RESHAPES = new Set([
  'link',
  'delivery',
  'partition',
  'heal',
  'crash',
  'restart',
  'rebuild',
  'hold',
])

/** Seeds for an estimate: many for a small scenario, fewer for a big one (a few seconds' work). */
export function estimateRuns(events: number): number {
  return Math.max(5, Math.min(200, Math.floor(200_000 / Math.max(1, events))))
}

/**
 * The probability that a read t ms after a write sees it, per projection: from this run's own
 * visibility times, or pooled over many seeds of its scenario (a Monte Carlo estimate, computed
 * in a Web Worker), with the curve theory predicts where the link is simple enough to have one
 * and nothing the learner did changed it.
 */
export function VisibilityView({ view, width }: { view: TraceView; width: number }) {
  const estimate = useApp((s) => s.estimate)
  const estimateVisibility = useApp((s) => s.estimateVisibility)
  const cancelEstimate = useApp((s) => s.cancelEstimate)
  const runs = estimateRuns(view.events.length)
  const pooled = estimate !== null && estimate.done > 0
  const curves = useMemo(
    () =>
      view.projections.map((id, i) => {
        const spec = view.scenario.projections[i]
        const changed = view.interventions.some(
          (iv) => RESHAPES.has(iv.type) && (!('projection' in iv) || iv.projection === id),
        )
        return {
          projection: id,
          label: pooled ? `${id}, ${estimate.done} runs` : id,
          times: pooled ? (estimate.times[i] ?? []) : visibilityTimes(view, i),
          // Pooled runs leave the learner's interventions out: theory holds for them.
          theory: spec && (pooled || !changed) ? theoreticalCdf(spec, view.scenario.faults) : null,
        }
      }),
    [view, estimate, pooled],
  )
  const running = estimate !== null && estimate.done < estimate.runs
  return (
    <>
      <div className="estimate" role="group" aria-label="Visibility over many seeds">
        {running ? (
          <>
            <label>
              Runs done: {estimate.done} of {estimate.runs}{' '}
              <progress max={estimate.runs} value={estimate.done} />
            </label>
            <button type="button" onClick={cancelEstimate}>
              Cancel
            </button>
          </>
        ) : (
          <>
            <button type="button" onClick={() => estimateVisibility(runs)}>
              Estimate over {runs} seeds
            </button>
            {estimate !== null && (
              <button type="button" onClick={cancelEstimate}>
                Back to this run
              </button>
            )}
          </>
        )}
        <p className="hint" data-testid="estimate-note">
          {estimate === null
            ? 'The curves are this run’s. An estimate runs its scenario (without what you changed by hand) over many seeds in the background and pools them.'
            : `Pooled over ${estimate.done} run${estimate.done === 1 ? '' : 's'} of this scenario, seeds ${estimate.firstSeed} to ${estimate.firstSeed + Math.max(0, estimate.done - 1)}, without what you changed by hand.`}
        </p>
      </div>
      {curves.every((c) => c.times.length === 0) ? (
        <p className="hint">No event has been applied yet: the curves start with the first one.</p>
      ) : (
        <VisibilityChart curves={curves} width={width} />
      )}
    </>
  )
}
