import { useMemo, type CSSProperties } from 'react'
import type { Distribution } from '../../core'
import { distributionCurve, formatDelay } from '../../viz/distribution-curve'
import './latency-curve.css'

export interface LatencyCurveProps {
  /** A link's latency distribution, as the scenario format writes it. */
  dist: Distribution
  /** Size in px at the normal scale; a `presenter` ancestor scales the whole drawing up. */
  width?: number
  height?: number
}

// Room around the plot for the marker labels above and the axis labels below.
const MARGIN = { top: 22, right: 10, bottom: 24, left: 10 }

/**
 * The shape of a latency distribution: its density (or a spike for a fixed delay), p50 and p99,
 * and the x axis from 0 to where ~99% of the delays fall. Read by screen readers as one image
 * whose name is the description ("lognormal, median 40 ms, p99 ≈ 210 ms").
 */
export function LatencyCurve({ dist, width = 320, height = 130 }: LatencyCurveProps) {
  const plotWidth = width - MARGIN.left - MARGIN.right
  const plotHeight = height - MARGIN.top - MARGIN.bottom
  const curve = useMemo(
    () => distributionCurve(dist, { width: plotWidth, height: plotHeight }),
    [dist, plotWidth, plotHeight],
  )
  const end = formatDelay(curve.xMax)
  const label = curve.clipped ? `${curve.description}; the axis stops at ${end}` : curve.description
  // A fixed delay needs no percentiles: the spike is both.
  const markers = curve.area === null ? [] : curve.markers
  return (
    <svg
      className="latency-curve"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      style={{ '--curve-width': `${width}px` } as CSSProperties}
    >
      <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
        {curve.area && <path className="density" d={curve.area} />}
        {curve.spikes.map((s) => (
          <g key={s.ms} className="spike">
            <path d={s.path} />
            {/* A spike has no width to read a value from: say its delay. */}
            <text
              x={s.x}
              y={plotHeight * (1 - s.weight) - 6}
              textAnchor={s.x > plotWidth - 24 ? 'end' : s.x < 24 ? 'start' : 'middle'}
            >
              {formatDelay(s.ms)}
            </text>
          </g>
        ))}
        <line className="baseline" x1={0} x2={plotWidth} y1={plotHeight} y2={plotHeight} />
        {markers.map((m) =>
          m.x === null ? null : (
            <g key={m.name} className="marker">
              <line x1={m.x} x2={m.x} y1={-4} y2={plotHeight} />
              <text
                x={m.x}
                y={-8}
                // p50 reads leftwards and p99 rightwards, so the two never overprint.
                textAnchor={m.name === 'p50' || m.x > plotWidth - 30 ? 'end' : 'start'}
                dx={m.name === 'p50' || m.x > plotWidth - 30 ? 3 : -3}
              >
                {m.name}
              </text>
            </g>
          ),
        )}
        <text className="axis-label" x={0} y={plotHeight + 18}>
          0
        </text>
        <text className="axis-label" x={plotWidth} y={plotHeight + 18} textAnchor="end">
          {curve.clipped ? `${end} →` : end}
        </text>
      </g>
    </svg>
  )
}
