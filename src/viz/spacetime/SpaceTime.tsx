import { memo, useEffect, useId, useMemo, useRef } from 'react'
import type { TraceView } from '../../core'
import type { TimeWindow } from '../time-window'
import {
  spaceTimeLayout,
  type AppendMark,
  type ArrowMark,
  type SpaceTimeLayout,
} from './spacetime-layout'
import { arrowPaint } from './arrow-paint'
import { ARROW_STYLE, INK, MARK, RIGHT_PAD, arrowStyle, laneLabelWidth } from './spacetime-style'

export interface SpaceTimeProps {
  readonly view: TraceView
  readonly window: TimeWindow
  /** Width of the plot in px, lane labels excluded. */
  readonly width: number
  /** The event whose copies are highlighted in every lane, or null. */
  readonly selected: number | null
  /** Formats simulated ms for the axis and the labels. */
  readonly time: (ms: number) => string
  /**
   * Screen px per drawing px: the root font size over 16, so presenter mode's larger type makes
   * the whole diagram larger, its text with it. `width` is in drawing px.
   */
  readonly scale?: number
}

const LANE_HEIGHT = 56
const TOP = 4
const AXIS = 28
/** Beyond this many arrows in view, they paint to a canvas under the SVG. */
export const CANVAS_FROM = 1500

/**
 * The space-time diagram as SVG, with the arrows on a canvas underneath when there are thousands
 * in view. Every mark carries `data-*` attributes saying what it stands for, so tests (and
 * assistive technology, through the summary) read the diagram without looking at pixels.
 * Presentation is in attributes, not CSS, so that an exported SVG file looks the same.
 */
export const SpaceTime = memo(function SpaceTime({
  view,
  window,
  width,
  selected,
  time,
  scale = 1,
}: SpaceTimeProps) {
  const layout = useMemo(
    () =>
      spaceTimeLayout(view, {
        t0: window[0],
        t1: window[1],
        width,
        laneHeight: LANE_HEIGHT,
        top: TOP,
      }),
    [view, window, width],
  )
  const clip = `${useId()}-plot`
  // Past a few thousand marks, SVG elements cost more than they give: React places each one and
  // the browser lays out each one (a 20,000-event run spent seconds there). The arrows and the
  // append marks are then painted on a canvas underneath, and only the picked event stays SVG.
  const dense = layout.arrows.length > CANVAS_FROM || layout.appends.length > CANVAS_FROM
  const height = layout.height + AXIS
  const labels = laneLabelWidth(view.projections)
  const full = labels + width + RIGHT_PAD
  return (
    <div className="spacetime-plot" style={{ width: full * scale, height: height * scale }}>
      {dense && (
        <DenseCanvas
          layout={layout}
          width={full}
          height={height}
          scale={scale}
          left={labels}
          selected={selected}
        />
      )}
      <svg
        width={full * scale}
        height={height * scale}
        viewBox={`0 0 ${full} ${height}`}
        data-testid="spacetime-svg"
        data-arrows={layout.arrows.length}
        data-dense={dense || undefined}
        xmlns="http://www.w3.org/2000/svg"
        aria-hidden="true"
        fontFamily="system-ui, sans-serif"
      >
        <Defs />
        <clipPath id={clip}>
          <rect x={0} y={0} width={width} height={layout.height} />
        </clipPath>
        {/* White ground, except over the canvas of dense arrows underneath. */}
        {!dense && <rect x={0} y={0} width={full} height={height} fill="#ffffff" />}
        <g transform={`translate(${labels},0)`}>
          <g clipPath={`url(#${clip})`}>
            {layout.windows.map((w) => (
              <rect
                key={`${w.kind}-${w.projection}-${w.from}`}
                data-window={w.kind}
                data-projection={w.projection}
                x={w.x1}
                y={w.y}
                width={Math.max(1, w.x2 - w.x1)}
                height={w.height}
                fill={w.kind === 'partition' ? 'url(#st-partition)' : 'url(#st-down)'}
                stroke={INK.muted}
                strokeDasharray={w.kind === 'partition' ? '4 3' : undefined}
              />
            ))}
            {layout.lanes.map((l) => (
              <line key={l.projection} x1={0} x2={width} y1={l.y} y2={l.y} stroke={INK.lane} />
            ))}
            {layout.polls.map((p, i) => (
              <g key={`poll-${i}`} data-mark="poll" data-count={p.count ?? undefined}>
                <line
                  x1={p.x1}
                  y1={p.y1}
                  x2={p.x2}
                  y2={p.y2}
                  stroke={INK.poll}
                  strokeDasharray="1 3"
                  strokeWidth={1.5}
                />
                {p.answer && (
                  <line
                    data-mark="answer"
                    x1={p.x2}
                    y1={p.y2}
                    x2={p.answer.x2}
                    y2={p.answer.y2}
                    stroke={INK.poll}
                    strokeDasharray="1 3"
                    strokeWidth={1.5}
                  />
                )}
                {p.count === 0 && (
                  <circle
                    data-mark="empty-answer"
                    cx={p.x2}
                    cy={p.y2}
                    r={3.5}
                    fill="#ffffff"
                    stroke={INK.poll}
                    strokeWidth={1.5}
                  />
                )}
              </g>
            ))}
            {!dense && layout.arrows.map((a) => <Arrow key={a.send} a={a} selected={selected} />)}
            {dense &&
              selected !== null &&
              layout.arrows.map(
                (a) => a.position === selected && <Arrow key={a.send} a={a} selected={selected} />,
              )}
            {!dense &&
              layout.appends.map((e) => (
                <Append key={e.position} e={e} selected={selected === e.position} />
              ))}
            {dense &&
              selected !== null &&
              layout.appends.map(
                (e) => e.position === selected && <Append key={e.position} e={e} selected />,
              )}
            {layout.reads.map((r, i) => (
              <g
                key={`read-${i}`}
                data-mark="read"
                data-fresh={r.fresh}
                transform={`translate(${r.x},${r.y})`}
              >
                {r.fresh ? (
                  <circle r={MARK.read} fill={INK.fresh} stroke="#ffffff" />
                ) : (
                  <path
                    d={`M0,${-MARK.read - 2}L${MARK.read + 2},${MARK.read}L${-MARK.read - 2},${MARK.read}Z`}
                    fill="#ffffff"
                    stroke={INK.stale}
                    strokeWidth={2}
                  />
                )}
              </g>
            ))}
            {layout.anomalies.map((a, i) => (
              <g
                key={`anomaly-${i}`}
                data-mark="anomaly"
                data-type={a.type}
                data-count={a.count}
                transform={`translate(${a.x},${a.y})`}
              >
                <title>
                  {a.count > 1 ? `${a.count} anomalies here; the first: ` : ''}
                  {a.explanation}
                </title>
                <line y1={0} y2={LANE_HEIGHT * 0.32} stroke={INK.anomaly} strokeWidth={1.5} />
                <circle r={7} fill={INK.anomaly} />
                <text textAnchor="middle" dy="0.35em" fontSize={11} fontWeight={700} fill="#ffffff">
                  !
                </text>
              </g>
            ))}
          </g>
          <Axis layout={layout} width={width} time={time} />
        </g>
        {layout.lanes.map((l) => (
          <text
            key={l.projection}
            x={labels - 8}
            y={l.y}
            dy="0.35em"
            textAnchor="end"
            fontSize={13}
            fontWeight={l.projection < 0 ? 700 : 600}
            fill={INK.text}
          >
            {l.label}
          </text>
        ))}
      </svg>
    </div>
  )
})

/** Height of the lanes (without the axis) for a number of projections: where the cursor ends. */
export function plotHeight(projections: number): number {
  return TOP + (projections + 1) * LANE_HEIGHT
}

function Arrow({ a, selected }: { a: ArrowMark; selected: number | null }) {
  const style = arrowStyle(a)
  const dim = selected !== null && selected !== a.position
  return (
    <g
      data-mark="copy"
      data-kind={a.kind}
      data-outcome={a.outcome}
      data-end={a.end}
      data-out-of-order={a.outOfOrder || undefined}
      data-position={a.position}
      data-projection={a.projection}
      opacity={dim ? 0.18 : 1}
    >
      <line
        x1={a.x1}
        y1={a.y1}
        x2={a.x2}
        y2={a.y2}
        stroke={style.stroke}
        strokeWidth={selected === a.position ? style.width + 1.5 : style.width}
        strokeDasharray={style.dash}
        markerEnd={
          a.end === 'arrived' && a.outcome !== 'dropped' ? `url(#st-head-${style.head})` : undefined
        }
      />
      {(a.end === 'lost' || a.outcome === 'dropped') && <Cross x={a.x2} y={a.y2} />}
      {a.outcome === 'skipped' && (
        <circle cx={a.x2} cy={a.y2} r={4} fill="#ffffff" stroke={style.stroke} strokeWidth={1.5} />
      )}
      {a.outcome === 'buffered' && a.appliedAt !== null && (
        <line
          data-mark="buffered"
          x1={a.x2}
          y1={a.y2 + 5}
          x2={
            a.x2 +
            Math.max(2, ((a.appliedAt - a.endAt) / Math.max(1, a.endAt - a.sentAt)) * (a.x2 - a.x1))
          }
          y2={a.y2 + 5}
          stroke={style.stroke}
          strokeWidth={3}
        />
      )}
    </g>
  )
}

function Cross({ x, y }: { x: number; y: number }) {
  const r = 5
  return (
    <path
      data-mark="lost"
      d={`M${x - r},${y - r}L${x + r},${y + r}M${x - r},${y + r}L${x + r},${y - r}`}
      stroke={INK.lost}
      strokeWidth={2.5}
    />
  )
}

function Append({ e, selected }: { e: AppendMark; selected: boolean }) {
  const s = selected ? MARK.append + 3 : MARK.append
  return (
    <rect
      data-mark="append"
      data-position={e.position}
      x={e.x - s / 2}
      y={e.y - s / 2}
      width={s}
      height={s}
      fill={selected ? INK.selected : INK.append}
      stroke="#ffffff"
    />
  )
}

function Axis({
  layout,
  width,
  time,
}: {
  layout: SpaceTimeLayout
  width: number
  time: (ms: number) => string
}) {
  const y = layout.height + 2
  return (
    <g data-testid="spacetime-axis">
      <line x1={0} x2={width} y1={y} y2={y} stroke={INK.text} />
      {layout.ticks.map((t) => (
        <g key={t.ms} transform={`translate(${t.x},${y})`}>
          <line y2={5} stroke={INK.text} />
          <text y={18} textAnchor="middle" fontSize={12} fill={INK.text}>
            {time(t.ms)}
          </text>
        </g>
      ))}
    </g>
  )
}

function Defs() {
  return (
    <defs>
      <pattern
        id="st-partition"
        width={8}
        height={8}
        patternUnits="userSpaceOnUse"
        patternTransform="rotate(45)"
      >
        <rect width={8} height={8} fill="#fdf1e6" />
        <line x1={0} y1={0} x2={0} y2={8} stroke="#c46a1f" strokeWidth={2} />
      </pattern>
      <pattern id="st-down" width={8} height={8} patternUnits="userSpaceOnUse">
        <rect width={8} height={8} fill="#eeeeee" />
        <path d="M0,0L8,8M8,0L0,8" stroke="#6b6b6b" strokeWidth={1} />
      </pattern>
      {Object.entries(ARROW_STYLE).map(([name, s]) => (
        <marker
          key={name}
          id={`st-head-${name}`}
          viewBox="0 0 10 10"
          refX={9}
          refY={5}
          markerWidth={7}
          markerHeight={7}
          orient="auto-start-reverse"
        >
          <path d="M0,0L10,5L0,10Z" fill={s.stroke} />
        </marker>
      ))}
    </defs>
  )
}

/** Strokes the arrows as `arrowPaint` plans, setting the style only when it changes. */
function strokeArrows(
  ctx: CanvasRenderingContext2D,
  arrows: readonly ArrowMark[],
  plotWidth: number,
): void {
  const { paths, k } = arrowPaint(arrows, plotWidth)
  if (k > 1) ctx.globalAlpha = 1 - Math.pow(1 - ctx.globalAlpha, k)
  const dashes = new Map<string, number[]>()
  let stroke = ''
  let lineWidth = NaN
  let dash: string | undefined = ''
  for (const { style, arrows: path } of paths) {
    if (style.stroke !== stroke) ctx.strokeStyle = stroke = style.stroke
    if (style.width !== lineWidth) ctx.lineWidth = lineWidth = style.width
    if (style.dash !== dash) {
      dash = style.dash
      const key = dash ?? ''
      let pattern = dashes.get(key)
      if (!pattern) dashes.set(key, (pattern = key ? key.split(' ').map(Number) : []))
      ctx.setLineDash(pattern)
    }
    ctx.beginPath()
    for (const a of path) {
      ctx.moveTo(a.x1, a.y1)
      ctx.lineTo(a.x2, a.y2)
    }
    ctx.stroke()
  }
}

/** Thousands of arrows and appends: painted to a canvas from the same layout, under the SVG. */
function DenseCanvas({
  layout,
  width,
  height,
  scale,
  left,
  selected,
}: {
  layout: SpaceTimeLayout
  width: number
  height: number
  scale: number
  left: number
  selected: number | null
}) {
  const ref = useRef<HTMLCanvasElement>(null)
  useEffect(() => {
    const canvas = ref.current
    const ctx = canvas?.getContext('2d')
    if (!canvas || !ctx) return
    const ratio = (globalThis.devicePixelRatio || 1) * scale
    canvas.width = Math.round(width * ratio)
    canvas.height = Math.round(height * ratio)
    ctx.setTransform(ratio, 0, 0, ratio, left * ratio, 0)
    ctx.clearRect(-left, 0, width, height)
    ctx.beginPath()
    ctx.rect(0, 0, width - left - RIGHT_PAD, layout.height)
    ctx.clip()
    // Thousands of arrows on top of each other: the fainter each, the more the density shows.
    const alpha = Math.max(0.06, Math.min(0.55, 3000 / layout.arrows.length))
    ctx.globalAlpha = selected === null ? alpha : alpha / 4
    strokeArrows(ctx, layout.arrows, width - left - RIGHT_PAD)
    // The store's marks over the arrows, as in SVG, in one path filled once (a fill or an
    // outline per event would cost a draw call each). Faint while an event is picked.
    ctx.globalAlpha = selected === null ? 1 : 0.35
    ctx.fillStyle = INK.append
    const s = MARK.append
    ctx.beginPath()
    for (const e of layout.appends) ctx.rect(e.x - s / 2, e.y - s / 2, s, s)
    ctx.fill()
  }, [layout, width, height, scale, left, selected])
  return (
    <canvas
      ref={ref}
      className="spacetime-canvas"
      style={{ width: width * scale, height: height * scale }}
      aria-hidden="true"
    />
  )
}
