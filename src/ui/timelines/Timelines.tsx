import {
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type PointerEvent,
  type WheelEvent,
} from 'react'
import type { TraceView } from '../../core'
import { selectNow, useApp, useTransient } from '../../state/store'
import { SpaceTime, plotHeight } from '../../viz/spacetime/SpaceTime'
import { markCounts, spaceTimeLayout } from '../../viz/spacetime/spacetime-layout'
import { RIGHT_PAD, laneLabelWidth } from '../../viz/spacetime/spacetime-style'
import { panWindow, pinchWindow, zoomWindow, type TimeWindow } from '../../viz/time-window'
import { formatMs } from '../format'
import { LagChart } from '../../viz/lag/LagChart'
import { Legend } from './Legend'
import { VisibilityView } from './VisibilityView'
import { describeEvent, summarize } from './describe'
import { exportPng, exportSvg } from './export'
import './timelines.css'

const ZOOM_STEP = 1.5
const PAN_SHARE = 0.2

/**
 * The timelines: the run drawn over one shared time axis, the playback cursor on it. Zoom and pan
 * change one window of time that every view below draws; the run's own trace is read from the
 * store when it moved (at most five times a second while playing), so the marks grow as it plays
 * and shrink when scrubbed back. The cursor alone follows every frame.
 */
export function Timelines() {
  const version = useApp((s) => s.traceVersion)
  const readTrace = useApp((s) => s.readTrace)
  // `version` says when to read the trace again; the trace itself is the player's.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const view = useMemo(() => readTrace(), [version, readTrace])
  const end = Math.max(
    1,
    useApp((s) => s.frame?.end ?? 1),
  )
  const bounds: TimeWindow = useMemo(() => [0, end], [end])
  // A lesson step asks for its stretch of time; zooming and panning go on from there.
  const hint = useApp((s) => s.timeHint)
  const [zoomed, setZoomed] = useState<TimeWindow | null>(hint)
  const [hinted, setHinted] = useState(hint)
  if (hint !== hinted) {
    setHinted(hint)
    setZoomed(hint && [hint[0], Math.min(hint[1], end)])
  }
  const window = zoomed ?? bounds
  const selected = useApp((s) => s.picked?.position ?? null)
  const pickEvent = useApp((s) => s.pickEvent)
  const { ref, width, scale } = useDrawingWidth()
  const id = useId()
  if (!view) return null
  const plot = Math.max(200, width - laneLabelWidth(view.projections) - RIGHT_PAD)

  const zoom = (factor: number, at = (window[0] + window[1]) / 2) =>
    setZoomed(zoomWindow(window, factor, at, bounds))
  const pan = (share: number) =>
    setZoomed(panWindow(window, share * (window[1] - window[0]), bounds))

  return (
    <section aria-labelledby={`${id}-heading`} className="timelines" ref={ref}>
      <h2 id={`${id}-heading`}>Timelines</h2>
      <div className="timeline-tools" role="group" aria-label="Time window of the timelines">
        <button type="button" onClick={() => zoom(ZOOM_STEP)}>
          Zoom in
        </button>
        <button type="button" onClick={() => zoom(1 / ZOOM_STEP)}>
          Zoom out
        </button>
        <button type="button" onClick={() => pan(-PAN_SHARE)}>
          Earlier
        </button>
        <button type="button" onClick={() => pan(PAN_SHARE)}>
          Later
        </button>
        <button type="button" onClick={() => setZoomed(null)} aria-disabled={!zoomed || undefined}>
          Reset zoom
        </button>
        <span
          className="timeline-window"
          data-testid="timeline-window"
          data-t0={window[0]}
          data-t1={window[1]}
        >
          {formatMs(window[0])} – {formatMs(window[1])}
        </span>
        <span className="timeline-exports">
          <button
            type="button"
            onClick={() =>
              exportSvg(
                `${id}-plot`,
                `${view.scenario.domain}-space-time-at-${Math.round(view.now)}ms`,
              )
            }
          >
            Download SVG
          </button>
          <button
            type="button"
            onClick={() =>
              void exportPng(
                `${id}-plot`,
                `${view.scenario.domain}-space-time-at-${Math.round(view.now)}ms`,
              )
            }
          >
            Download PNG
          </button>
        </span>
      </div>
      <Diagram
        id={`${id}-plot`}
        view={view}
        window={window}
        width={plot}
        scale={scale}
        selected={selected}
        onSelect={(position) => {
          const key = view.events.find((e) => e.position === position)?.key
          pickEvent(position === null || key === undefined ? null : { position, key })
        }}
        onZoom={(factor, at) => setZoomed(zoomWindow(window, factor, at, bounds))}
        onPan={(ms) => setZoomed(panWindow(window, ms, bounds))}
        onPinch={(before, after) => setZoomed(pinchWindow(window, before, after, plot, bounds))}
      />
      <Legend />
      <h3>Divergence and lag</h3>
      <div className="lag-charts">
        {view.projections.map((p, i) => (
          <LagChart
            key={p}
            view={view}
            projection={i}
            domain={window}
            width={Math.min(620, Math.max(320, (width - 56) / 2))}
            cursor={view.now}
          />
        ))}
      </div>
      <h3>Visibility</h3>
      <VisibilityView view={view} width={Math.min(760, width)} />
    </section>
  )
}

interface DiagramProps {
  readonly id: string
  readonly view: TraceView
  readonly window: TimeWindow
  readonly width: number
  /** Screen px per drawing px (presenter mode draws larger). */
  readonly scale: number
  readonly selected: number | null
  readonly onSelect: (position: number | null) => void
  readonly onZoom: (factor: number, at: number) => void
  readonly onPan: (ms: number) => void
  /** Two fingers moved: their positions in px from the plot's left, before and after. */
  readonly onPinch: (before: [number, number], after: [number, number]) => void
}

/**
 * The space-time diagram with its keyboard and pointer handling: arrows pick an event (its copies
 * light up in every lane), + and - zoom, Shift+arrows pan, the wheel zooms where it points, a drag
 * pans. What is picked or pointed at is described in words below it.
 */
function Diagram({
  id,
  view,
  window,
  width,
  scale,
  selected,
  onSelect,
  onZoom,
  onPan,
  onPinch,
}: DiagramProps) {
  const [hover, setHover] = useState<number | null>(null)
  const drag = useRef<{ x: number } | null>(null)
  // Fingers on the plot (touch), by pointer id: two of them pinch.
  const fingers = useRef(new Map<number, number>())
  const plotX = (clientX: number, el: Element) =>
    (clientX - el.getBoundingClientRect().left) / scale - laneLabelWidth(view.projections)
  const counts = useMemo(
    () =>
      markCounts(
        spaceTimeLayout(view, { t0: window[0], t1: window[1], width, laneHeight: 1, top: 0 }),
      ),
    [view, window, width],
  )
  const inView = view.events.filter((e) => e.at >= window[0] && e.at <= window[1])
  const msAt = (clientX: number, el: Element) =>
    window[0] + (plotX(clientX, el) / width) * (window[1] - window[0])
  const nearest = (ms: number) => {
    let best: number | null = null
    let gap = ((window[1] - window[0]) / width) * 8
    for (const e of inView)
      if (Math.abs(e.at - ms) < gap) {
        gap = Math.abs(e.at - ms)
        best = e.position
      }
    return best
  }
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const span = window[1] - window[0]
    const handled = () => {
      e.preventDefault()
      e.stopPropagation()
    }
    if (e.key === '+' || e.key === '=') {
      handled()
      onZoom(ZOOM_STEP, (window[0] + window[1]) / 2)
    } else if (e.key === '-') {
      handled()
      onZoom(1 / ZOOM_STEP, (window[0] + window[1]) / 2)
    } else if ((e.key === 'ArrowLeft' || e.key === 'ArrowRight') && e.shiftKey) {
      handled()
      onPan((e.key === 'ArrowLeft' ? -PAN_SHARE : PAN_SHARE) * span)
    } else if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      handled()
      if (inView.length === 0) return
      const i = inView.findIndex((x) => x.position === selected)
      const next =
        i < 0
          ? e.key === 'ArrowRight'
            ? 0
            : inView.length - 1
          : Math.min(inView.length - 1, Math.max(0, i + (e.key === 'ArrowRight' ? 1 : -1)))
      onSelect(inView[next]?.position ?? null)
    } else if (e.key === 'Escape' && selected !== null) {
      handled()
      onSelect(null)
    }
  }
  const shown = hover ?? selected
  return (
    <>
      <div
        id={id}
        className="spacetime"
        role="group"
        tabIndex={0}
        aria-roledescription="space-time diagram"
        aria-label={`Space-time diagram: ${summarize(counts, view.projections.length)}. Left and right arrows pick an event, plus and minus zoom, Shift with arrows pans.`}
        aria-describedby={`${id}-detail`}
        data-counts={JSON.stringify(counts)}
        onKeyDown={onKeyDown}
        onWheel={(e: WheelEvent<HTMLDivElement>) => {
          if (!e.ctrlKey && !e.shiftKey && Math.abs(e.deltaY) < Math.abs(e.deltaX)) return
          onZoom(e.deltaY < 0 ? ZOOM_STEP : 1 / ZOOM_STEP, msAt(e.clientX, e.currentTarget))
        }}
        onPointerDown={(e: PointerEvent<HTMLDivElement>) => {
          if (e.pointerType === 'touch')
            fingers.current.set(e.pointerId, plotX(e.clientX, e.currentTarget))
          if (fingers.current.size < 2) drag.current = { x: e.clientX }
          else drag.current = null
        }}
        onPointerUp={(e: PointerEvent<HTMLDivElement>) => {
          const pinched = fingers.current.size > 1
          fingers.current.delete(e.pointerId)
          if (pinched) return
          const start = drag.current
          drag.current = null
          if (start && Math.abs(e.clientX - start.x) < 3)
            onSelect(nearest(msAt(e.clientX, e.currentTarget)))
        }}
        onPointerMove={(e: PointerEvent<HTMLDivElement>) => {
          const f = fingers.current
          if (f.size === 2 && f.has(e.pointerId)) {
            const [a, b] = [...f.keys()] as [number, number]
            const before: [number, number] = [f.get(a) as number, f.get(b) as number]
            f.set(e.pointerId, plotX(e.clientX, e.currentTarget))
            onPinch(before, [f.get(a) as number, f.get(b) as number])
            return
          }
          if (f.has(e.pointerId)) f.set(e.pointerId, plotX(e.clientX, e.currentTarget))
          const start = drag.current
          if (start && Math.abs(e.clientX - start.x) >= 3) {
            onPan((-(e.clientX - start.x) / scale / width) * (window[1] - window[0]))
            drag.current = { x: e.clientX }
            return
          }
          setHover(nearest(msAt(e.clientX, e.currentTarget)))
        }}
        onPointerCancel={(e: PointerEvent<HTMLDivElement>) => {
          fingers.current.delete(e.pointerId)
          drag.current = null
        }}
        onPointerLeave={() => {
          drag.current = null
          setHover(null)
        }}
      >
        <SpaceTime
          view={view}
          window={window}
          width={width}
          scale={scale}
          selected={shown}
          time={formatMs}
        />
        <Cursor
          window={window}
          width={width}
          scale={scale}
          left={laneLabelWidth(view.projections)}
          lanes={view.projections.length}
        />
      </div>
      <p
        id={`${id}-detail`}
        className="timeline-detail"
        data-testid="timeline-detail"
        aria-live="polite"
      >
        {shown === null
          ? 'Pick an event (click it, or focus the diagram and press the arrow keys) to follow its copies.'
          : describeEvent(view, shown, formatMs)}
      </p>
    </>
  )
}

/**
 * The playback cursor over the diagram: it follows every frame on its own, so playing does not
 * redraw the marks (they follow the trace, a few times a second).
 */
function Cursor({
  window,
  width,
  scale,
  left,
  lanes,
}: {
  window: TimeWindow
  width: number
  scale: number
  left: number
  lanes: number
}) {
  const ref = useRef<HTMLDivElement>(null)
  const place = useCallback(
    (now: number) => {
      const el = ref.current
      if (!el) return
      const x = ((now - window[0]) / (window[1] - window[0])) * width
      el.hidden = x < 0 || x > width
      el.style.left = `${(left + x) * scale}px`
      el.dataset.at = String(now)
    },
    [window, width, scale, left],
  )
  useTransient(selectNow, place)
  return (
    <div
      ref={ref}
      className="spacetime-cursor"
      data-testid="spacetime-cursor"
      aria-hidden="true"
      style={{ height: plotHeight(lanes) * scale }}
    />
  )
}

/**
 * The width the timelines may draw in, in drawing px (the element's own width, followed as it
 * changes), and how many screen px a drawing px takes: the root font size over 16, so that
 * presenter mode (larger root type) draws everything larger. Follows the presenter switch too.
 */
export function useDrawingWidth(): {
  ref: (node: HTMLElement | null) => void
  width: number
  scale: number
} {
  const [node, ref] = useState<HTMLElement | null>(null)
  const measure = () => {
    const scale = parseFloat(getComputedStyle(document.documentElement).fontSize) / 16 || 1
    // Less the diagram frame's border.
    const screen = (node?.clientWidth || globalThis.innerWidth - 64) - 4
    return { width: Math.min(1400, screen / scale), scale }
  }
  const [size, setSize] = useState(measure)
  useEffect(() => {
    const update = () => setSize(measure())
    update()
    const resized = new ResizeObserver(update)
    if (node) resized.observe(node)
    const classes = new MutationObserver(update)
    classes.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] })
    return () => {
      resized.disconnect()
      classes.disconnect()
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [node])
  return { ref, ...size }
}
