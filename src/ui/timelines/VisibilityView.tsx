import { useMemo } from 'react'
import type { TraceView } from '../../core'
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

/**
 * The probability that a read t ms after a write sees it, per projection, from the run's own
 * visibility times, with the curve theory predicts where the link is simple enough to have one
 * (and nothing the learner did changed it).
 */
export function VisibilityView({ view, width }: { view: TraceView; width: number }) {
  const curves = useMemo(
    () =>
      view.projections.map((id, i) => {
        const spec = view.scenario.projections[i]
        const changed = view.interventions.some(
          (iv) => RESHAPES.has(iv.type) && (!('projection' in iv) || iv.projection === id),
        )
        return {
          projection: id,
          label: id,
          times: visibilityTimes(view, i),
          theory: spec && !changed ? theoreticalCdf(spec, view.scenario.faults) : null,
        }
      }),
    [view],
  )
  if (curves.every((c) => c.times.length === 0))
    return (
      <p className="hint">No event has been applied yet: the curves start with the first one.</p>
    )
  return <VisibilityChart curves={curves} width={width} />
}
