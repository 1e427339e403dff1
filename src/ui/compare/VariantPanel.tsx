import { useId, useMemo } from 'react'
import type { ScenarioInput } from '../../core'
import { useApp, type VariantMeasures } from '../../state/store'
import { SpaceTime } from '../../viz/spacetime/SpaceTime'
import { markCounts, spaceTimeLayout } from '../../viz/spacetime/spacetime-layout'
import { RIGHT_PAD, laneLabelWidth } from '../../viz/spacetime/spacetime-style'
import type { TimeWindow } from '../../viz/time-window'
import { formatMs } from '../format'
import { RowsTable } from '../read/RowsTable'
import { navigate } from '../route/route'
import { summarize } from '../timelines/describe'
import { useDrawingWidth } from '../timelines/Timelines'

/** Room after the end of the runs, in drawing px. */
const END_PAD = 10

interface Props {
  readonly variant: VariantMeasures
  /** The variant's scenario as written, to open in the playground. */
  readonly input: ScenarioInput | null
  /** The end of the latest run of the comparison: every diagram shares one time axis. */
  readonly end: number
}

/** One variant: what it is, its run as a space-time diagram, and its rows at the end. */
export function VariantPanel({ variant: v, input, end }: Props) {
  const id = useId()
  const { ref, width, scale } = useDrawingWidth()
  const plot = Math.max(160, width - laneLabelWidth(v.view.projections) - RIGHT_PAD)
  // A few px past the end, so that a mark at the very end (an anomaly found there) shows whole.
  const window: TimeWindow = useMemo(() => [0, end + (end / plot) * END_PAD], [end, plot])
  const counts = useMemo(
    () =>
      markCounts(
        spaceTimeLayout(v.view, {
          t0: window[0],
          t1: window[1],
          width: plot,
          laneHeight: 1,
          top: 0,
        }),
      ),
    [v.view, window, plot],
  )
  return (
    <section
      className="compare-variant"
      aria-labelledby={`${id}-heading`}
      data-testid="compare-variant"
      data-label={v.label}
    >
      <div className="compare-variant-head">
        <h3 id={`${id}-heading`}>{v.label}</h3>
        {input && <OpenButton label={v.label} input={input} />}
      </div>
      <p className="compare-about">{v.scenario.description}</p>
      <div
        ref={ref}
        className="compare-diagram"
        role="img"
        aria-label={`Space-time diagram of ${v.label}: ${summarize(counts, v.view.projections.length)}.`}
        data-counts={JSON.stringify(counts)}
      >
        <SpaceTime
          view={v.view}
          window={window}
          width={plot}
          scale={scale}
          selected={null}
          time={formatMs}
        />
      </div>
      <div className="compare-rows">
        {v.projections.map((p) => (
          <div key={p.id}>
            <h4>
              Rows of {p.id} at the end:{' '}
              <span className={p.convergedAt === null ? 'diverged' : 'converged'}>
                {p.convergedAt === null
                  ? 'not converged'
                  : `converged at ${formatMs(p.convergedAt)}`}
              </span>
            </h4>
            <RowsTable
              projection={`${p.id} (${v.label})`}
              rows={p.rows}
              moreRows={0}
              picked={null}
            />
          </div>
        ))}
      </div>
    </section>
  )
}

/** Loads the variant's scenario into the playground and goes there, its run open at 0 ms. */
function OpenButton({ label, input }: { label: string; input: ScenarioInput }) {
  const load = useApp((s) => s.loadScenario)
  const start = useApp((s) => s.startScenario)
  return (
    <button
      type="button"
      onClick={() => {
        load(input)
        navigate({ view: 'playground' })
        void start()
      }}
    >
      Open <span className="visually-hidden">{label} </span>in the playground
    </button>
  )
}
