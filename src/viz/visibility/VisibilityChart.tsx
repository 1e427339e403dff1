import { useMemo, useState, type KeyboardEvent } from 'react'
import { formatDelay } from '../distribution-curve'
import { visibilityLayout, type CurveMarks } from './layout'
import type { Theory } from './theory'
import { quantileOf, shareWithin } from './visibility'

/** One projection's curve: its id (for `data-projection`), its name, its times, maybe a theory. */
export interface VisibilityCurve {
  readonly projection: string
  readonly label: string
  /** Visibility times in ms, in any order: one run's (`visibilityTimes`) or pooled runs'. */
  readonly times: readonly number[]
  readonly theory: Theory | null
}

export interface VisibilityChartProps {
  readonly curves: readonly VisibilityCurve[]
  /** Size in px at the normal root font size (16 px); the drawing scales with the root font. */
  readonly width: number
  readonly height?: number
  /** The right end of the x axis in ms; by default a little past the largest p99. */
  readonly xMax?: number
}

/** Okabe-Ito, colour-blind safe, in order; every curve also has its own dash pattern. */
export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#E69F00', '#CC79A7', '#56B4E9', '#000000']
export const DASHES = ['none', '8 3', '2 3', '10 3 2 3', '4 4', '12 6', '1 2']
/** Grey for theory lines (4.5:1 on white); text is ink (about 17:1). */
const THEORY = '#767676'
const INK = '#1a1a2e'

const MARGIN = { top: 12, right: 16, bottom: 44, left: 52 }
const LEGEND_ROW = 18

/**
 * "What is the probability that a read t ms after a write sees it?": one empirical CDF per
 * projection (colour and dash), p50/p90/p99 marks on it, and the theoretical CDF in dashed grey
 * where the projection's settings have one. A screen reader hears p50 and p90 of each in words.
 */
export function VisibilityChart({ curves, width, height = 260, xMax }: VisibilityChartProps) {
  const theories = distinctTheories(curves)
  const legendRows = curves.length + theories.length
  const plotWidth = width - MARGIN.left - MARGIN.right
  const plotHeight = height - MARGIN.top - MARGIN.bottom
  const total = height + legendRows * LEGEND_ROW
  const layout = useMemo(
    () =>
      visibilityLayout(
        curves.map((c) => ({ times: c.times, theory: c.theory?.cdf ?? null })),
        { width: plotWidth, height: plotHeight, ...(xMax !== undefined ? { xMax } : {}) },
      ),
    [curves, plotWidth, plotHeight, xMax],
  )
  const sorted = useMemo(() => curves.map((c) => [...c.times].sort((a, b) => a - b)), [curves])
  const [probe, setProbe] = useState<number | null>(null)
  const xOf = (ms: number) => (ms / layout.xMax) * plotWidth
  const onKeyDown = (e: KeyboardEvent<SVGSVGElement>) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight' && e.key !== 'Escape') return
    e.preventDefault()
    e.stopPropagation()
    if (e.key === 'Escape') return setProbe(null)
    const step = layout.xMax / 50
    const from = probe ?? (e.key === 'ArrowRight' ? 0 : layout.xMax + step)
    setProbe(Math.max(0, Math.min(layout.xMax, from + (e.key === 'ArrowRight' ? step : -step))))
  }
  return (
    <>
      <svg
        className="visibility-chart"
        role="img"
        tabIndex={0}
        aria-label={describeVisibility(curves)}
        onPointerMove={(e) => {
          const box = e.currentTarget.getBoundingClientRect()
          const px = ((e.clientX - box.left) / box.width) * width - MARGIN.left
          setProbe(Math.max(0, Math.min(layout.xMax, (px / plotWidth) * layout.xMax)))
        }}
        onPointerLeave={() => setProbe(null)}
        onKeyDown={onKeyDown}
        viewBox={`0 0 ${width} ${total}`}
        style={{ width: `${width / 16}rem`, maxWidth: '100%', height: 'auto', overflow: 'visible' }}
        fontSize={12}
        fill={INK}
      >
        <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
          {layout.yTicks.map((t) => (
            <g key={t.value}>
              <line x1={0} x2={plotWidth} y1={t.at} y2={t.at} stroke="#e4e4ea" />
              <text x={-6} y={t.at} dy="0.32em" textAnchor="end">
                {t.label}
              </text>
            </g>
          ))}
          {layout.xTicks.map((t) => (
            <text key={t.value} x={t.at} y={plotHeight + 16} textAnchor="middle">
              {t.label}
            </text>
          ))}
          <line x1={0} x2={plotWidth} y1={plotHeight} y2={plotHeight} stroke={INK} />
          <line x1={0} x2={0} y1={0} y2={plotHeight} stroke={INK} />
          <text x={plotWidth / 2} y={plotHeight + 34} textAnchor="middle">
            ms after the write
          </text>
          <text transform={`translate(${-40},${plotHeight / 2}) rotate(-90)`} textAnchor="middle">
            P(read sees it)
          </text>
          {layout.curves.map((marks, i) => (
            <Curve key={curves[i]?.projection ?? i} curve={curves[i]} marks={marks} index={i} />
          ))}
          {probe !== null && (
            <line
              data-testid="visibility-probe"
              x1={xOf(probe)}
              x2={xOf(probe)}
              y1={0}
              y2={plotHeight}
              stroke={INK}
              strokeDasharray="3 3"
            />
          )}
        </g>
        <g transform={`translate(${MARGIN.left},${height})`}>
          {curves.map((c, i) => (
            <LegendRow key={c.projection} row={i} colour={colour(i)} dash={dash(i)}>
              {`${c.label} (${c.times.length} writes)`}
            </LegendRow>
          ))}
          {theories.map((label, j) => (
            <LegendRow key={label} row={curves.length + j} colour={THEORY} dash="5 4">
              {label}
            </LegendRow>
          ))}
        </g>
      </svg>
      <p className="visibility-probe-text" data-testid="visibility-probe-text" aria-live="polite">
        {probe === null
          ? 'Point at the chart, or focus it and press ← →, to read the chances at a delay.'
          : `A read ${formatDelay(probe, true)} after the write sees it: ${curves
              .map((c, i) => `${c.label} ${Math.round(shareWithin(sorted[i] ?? [], probe) * 100)}%`)
              .join(', ')}.`}
      </p>
    </>
  )
}

function Curve(props: { curve: VisibilityCurve | undefined; marks: CurveMarks; index: number }) {
  const { curve, marks, index } = props
  if (!curve) return null
  return (
    <g className="visibility-curve">
      {marks.theory && (
        <path
          className="theory"
          d={marks.theory}
          fill="none"
          stroke={THEORY}
          strokeWidth={1.5}
          strokeDasharray="5 4"
          data-projection={curve.projection}
        />
      )}
      {marks.empirical && (
        <path
          className="empirical"
          d={marks.empirical}
          fill="none"
          stroke={colour(index)}
          strokeWidth={2}
          strokeDasharray={dash(index)}
          data-projection={curve.projection}
          data-samples={marks.samples}
        />
      )}
      {marks.markers.map((m) =>
        m.x === null ? null : (
          <circle
            key={m.name}
            className="marker"
            cx={m.x}
            cy={m.y}
            r={3.5}
            fill="#ffffff"
            stroke={colour(index)}
            strokeWidth={2}
            data-quantile={m.name}
          >
            <title>{`${curve.label} ${m.name}: ${formatDelay(m.ms)}`}</title>
          </circle>
        ),
      )}
    </g>
  )
}

function LegendRow(props: { row: number; colour: string; dash: string; children: string }) {
  const y = props.row * LEGEND_ROW + 10
  return (
    <g className="legend-row">
      <line
        x1={0}
        x2={28}
        y1={y}
        y2={y}
        stroke={props.colour}
        strokeWidth={2}
        strokeDasharray={props.dash}
      />
      <text x={36} y={y} dy="0.32em">
        {props.children}
      </text>
    </g>
  )
}

const colour = (i: number) => PALETTE[i % PALETTE.length] as string
const dash = (i: number) => DASHES[i % DASHES.length] as string

/** Theory labels, once each: projections with the same kind of formula share a legend entry. */
function distinctTheories(curves: readonly VisibilityCurve[]): string[] {
  return [...new Set(curves.flatMap((c) => (c.theory ? [c.theory.label] : [])))]
}

/** "Chance a read sees a write, by ms after it. p: half see it within 35 ms, 90% within 120 ms." */
export function describeVisibility(curves: readonly VisibilityCurve[]): string {
  const parts = curves.map((c) => {
    if (c.times.length === 0) return `${c.label}: no write visible yet.`
    const sorted = [...c.times].sort((a, b) => a - b)
    const p50 = formatDelay(quantileOf(sorted, 0.5), true)
    const p90 = formatDelay(quantileOf(sorted, 0.9), true)
    return `${c.label}: half of reads see a write within ${p50}, 90% within ${p90}.`
  })
  return ['Chance that a read sees a write, by time after the write.', ...parts].join(' ')
}
