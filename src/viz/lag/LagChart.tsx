import { useId, useMemo, useState, type KeyboardEvent } from 'react'
import type { SimTime, TraceView } from '../../core'
import { formatDelay } from '../distribution-curve'
import { lagAt, lagLayout, timeToX, type LagFrame } from './lag-layout'
import { catchUpText, convergedText, lagSummary } from './lag-text'
import './lag.css'

export interface LagChartProps {
  view: TraceView
  /** Index into `view.projections`: one chart per projection, side by side, is the caller's. */
  projection: number
  /** The stretch of simulated time across the width, in ms. */
  domain: readonly [SimTime, SimTime]
  /** Width in px at the normal scale; the drawing is sized in rem so presenter mode scales it. */
  width: number
  /** The playback position in simulated ms: a vertical line when it is inside the domain. */
  cursor: SimTime
}

// Room for the y labels on both sides, the convergence label above and the time axis below.
const MARGIN = { top: 22, right: 60, bottom: 22, left: 60 }
const LAG_HEIGHT = 110
const ROWS_HEIGHT = 48
const GAP = 16

/**
 * Okabe-Ito colours, and a dash pattern each, so the series part without colour vision too.
 * Only black text is drawn: vermillion and green are below 4.5:1 on white.
 */
export const SERIES_STYLE = {
  events: { label: 'lag (events)', stroke: '#0072B2', dash: 'none' },
  ms: { label: 'lag (ms)', stroke: '#D55E00', dash: '7 3' },
  divergent: { label: 'divergent rows', stroke: '#009E73', dash: '2 3' },
} as const
const HATCH = '#CC79A7'

/**
 * One projection's lag and divergence over simulated time: events and ms behind on top (left and
 * right axes), divergent rows below, the inconsistency windows hatched across both, the instant
 * it converged, the playback cursor, and a status line saying whether it is catching up.
 */
export function LagChart({ view, projection, domain, width, cursor }: LagChartProps) {
  const plotWidth = Math.max(1, width - MARGIN.left - MARGIN.right)
  const [t0, t1] = domain
  const frame: LagFrame = useMemo(
    () => ({ t0, t1, width: plotWidth, lagHeight: LAG_HEIGHT, rowsHeight: ROWS_HEIGHT }),
    [t0, t1, plotWidth],
  )
  const layout = useMemo(() => lagLayout(view, projection, frame), [view, projection, frame])
  // useId's characters are not all valid in url(#...): keep the safe ones.
  const hatchId = `lag-hatch-${useId().replace(/[^\w-]/g, '')}`

  const id = view.projections[projection] ?? `#${projection}`
  const plotHeight = LAG_HEIGHT + GAP + ROWS_HEIGHT
  const height = MARGIN.top + plotHeight + MARGIN.bottom
  const x = timeToX(frame)
  const { events, ms, divergent, converged, catchUp } = layout
  const showConverged = converged !== null && converged.x !== null && layout.windows.length > 0
  const status = catchUpText(catchUp)
  const [probe, setProbe] = useState<number | null>(null)
  const end = Math.min(t1, view.now)
  const probeAt = (clientX: number, svg: SVGSVGElement) => {
    const box = svg.getBoundingClientRect()
    const px = ((clientX - box.left) / box.width) * width - MARGIN.left
    return Math.max(t0, Math.min(end, t0 + (px / plotWidth) * (t1 - t0)))
  }
  const onKeyDown = (e: KeyboardEvent<SVGSVGElement>) => {
    const step = (t1 - t0) / 50
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight' && e.key !== 'Escape') return
    e.preventDefault()
    e.stopPropagation()
    if (e.key === 'Escape') return setProbe(null)
    const from = probe ?? (e.key === 'ArrowRight' ? t0 - step : end + step)
    setProbe(Math.max(t0, Math.min(end, from + (e.key === 'ArrowRight' ? step : -step))))
  }
  const probed = probe === null ? null : lagAt(view, projection, probe)

  return (
    <figure className="lag-chart" data-projection={id}>
      <svg
        role="img"
        aria-label={lagSummary(id, layout)}
        data-testid="lag-chart"
        tabIndex={0}
        aria-describedby={`${hatchId}-probe`}
        onPointerMove={(e) => setProbe(probeAt(e.clientX, e.currentTarget))}
        onPointerLeave={() => setProbe(null)}
        onKeyDown={onKeyDown}
        data-t0={t0}
        data-t1={t1}
        viewBox={`0 0 ${width} ${height}`}
        style={{ width: `${width / 16}rem` }}
      >
        <defs>
          <pattern
            id={hatchId}
            width={6}
            height={6}
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <line x1={0} y1={0} x2={0} y2={6} stroke={HATCH} strokeWidth={2} />
          </pattern>
        </defs>
        <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
          {layout.windows.map((w) =>
            w.band === null ? null : (
              <rect
                key={w.from}
                className="lag-window"
                data-window=""
                data-from={w.from}
                data-to={w.to ?? 'open'}
                x={w.band.x0}
                width={w.band.x1 - w.band.x0}
                y={0}
                height={plotHeight}
                fill={`url(#${hatchId})`}
              />
            ),
          )}

          <g className="lag-panel">
            <Frame width={plotWidth} height={LAG_HEIGHT} />
            <Series name="events" d={events.path} />
            <Series name="ms" d={ms.path} />
            <text x={-6} y={4} textAnchor="end">
              {events.yMax} ev
            </text>
            <text x={-6} y={LAG_HEIGHT} textAnchor="end">
              0
            </text>
            <text x={plotWidth + 6} y={4}>
              {formatDelay(ms.yMax, true)}
            </text>
            <text x={plotWidth + 6} y={LAG_HEIGHT}>
              0
            </text>
          </g>

          <g className="rows-panel" transform={`translate(0,${LAG_HEIGHT + GAP})`}>
            <Frame width={plotWidth} height={ROWS_HEIGHT} />
            <Series name="divergent" d={divergent.path} />
            <text x={-6} y={4} textAnchor="end">
              {divergent.yMax} {divergent.yMax === 1 ? 'row' : 'rows'}
            </text>
            <text x={-6} y={ROWS_HEIGHT} textAnchor="end">
              0
            </text>
          </g>

          {showConverged && (
            <g className="lag-converged" data-converged-at={converged.at}>
              <line x1={converged.x} x2={converged.x} y1={-6} y2={plotHeight} />
              <text
                x={converged.x}
                y={-9}
                textAnchor={(converged.x ?? 0) > plotWidth / 2 ? 'end' : 'start'}
              >
                {convergedText(layout)}
              </text>
            </g>
          )}

          {probed !== null && (
            <line
              className="lag-probe"
              data-testid="lag-probe"
              x1={x(probed.at)}
              x2={x(probed.at)}
              y1={0}
              y2={plotHeight}
              stroke="#1a1a2e"
              strokeDasharray="3 3"
            />
          )}

          {cursor >= t0 && cursor <= t1 && (
            <line
              className="lag-cursor"
              data-testid="lag-cursor"
              data-at={cursor}
              x1={x(cursor)}
              x2={x(cursor)}
              y1={0}
              y2={plotHeight}
            />
          )}

          <text x={0} y={plotHeight + 16}>
            {formatDelay(t0)}
          </text>
          <text x={plotWidth} y={plotHeight + 16} textAnchor="end">
            {formatDelay(t1)}
          </text>
        </g>
      </svg>
      <figcaption>
        <span className="lag-probe-text" id={`${hatchId}-probe`} aria-live="polite">
          {probed === null
            ? 'Point at the chart, or focus it and press ← →, to read it at an instant.'
            : `At ${formatDelay(probed.at)}: behind by ${probed.events} event${probed.events === 1 ? '' : 's'} and ${formatDelay(probed.ms)}; ${probed.rows} row${probed.rows === 1 ? '' : 's'} differ${probed.rows === 1 ? 's' : ''} from the truth.`}
        </span>
        <span className="lag-status" data-trend={catchUp.trend} data-eta={catchUp.etaMs ?? ''}>
          {id}: {status}
        </span>
        <span className="lag-keys" aria-hidden="true">
          {(['events', 'ms', 'divergent'] as const).map((name) => (
            <span key={name} className="lag-key">
              <svg viewBox="0 0 24 8">
                <Series name={name} d="M0,4H24" />
              </svg>
              {SERIES_STYLE[name].label}
            </span>
          ))}
          <span className="lag-key">
            <svg viewBox="0 0 24 8">
              <rect width={24} height={8} fill={`url(#${hatchId})`} />
            </svg>
            rows differ
          </span>
        </span>
      </figcaption>
    </figure>
  )
}

function Series({ name, d }: { name: keyof typeof SERIES_STYLE; d: string }) {
  const style = SERIES_STYLE[name]
  return (
    <path
      className="lag-series"
      data-series={name}
      d={d}
      fill="none"
      stroke={style.stroke}
      strokeDasharray={style.dash}
      strokeWidth={2}
    />
  )
}

/** The panel's top and bottom rules: where 0 and the maximum are. */
function Frame({ width, height }: { width: number; height: number }) {
  return (
    <g className="lag-frame">
      <line x1={0} x2={width} y1={0} y2={0} />
      <line x1={0} x2={width} y1={height} y2={height} />
    </g>
  )
}
