import { scaleLinear } from 'd3'
import type { TraceView } from '../../core'

/**
 * The space-time diagram's marks, computed from a trace view: a lane for the event store on top
 * and one per projection below; time runs left to right. Each append is a mark on the store lane,
 * each copy sent an arrow from the store lane at its send time to its projection's lane at its
 * arrival. Plain data in pixels, shared by the SVG and the canvas renderers and by the tests.
 *
 * Time (simulated ms) and pixels never mix: `x` converts ms to px in one place, and every mark
 * keeps the times it stands for next to its coordinates.
 */
export interface SpaceTimeFrame {
  /** The visible stretch of simulated time. */
  readonly t0: number
  readonly t1: number
  /** Width of the plot in px (the lane labels sit left of it, outside). */
  readonly width: number
  /** Height of one lane in px, and the gap above the first lane. */
  readonly laneHeight: number
  readonly top: number
}

export interface LaneMark {
  /** -1 for the event store, else the projection's index. */
  readonly projection: number
  readonly label: string
  readonly y: number
}

export interface AppendMark {
  readonly position: number
  readonly stream: string
  readonly type: string
  readonly at: number
  readonly x: number
  readonly y: number
}

/** How an arrow ends: at its lane (arrived), in a cross (lost on the way), or still moving. */
export type ArrowEnd = 'arrived' | 'lost' | 'in-flight'

export interface ArrowMark {
  readonly send: number
  readonly position: number
  readonly projection: number
  readonly kind: 'first' | 'duplicate' | 'redelivery' | 'fetch'
  readonly outcome: string
  readonly reason: string | null
  readonly outOfOrder: boolean
  readonly end: ArrowEnd
  readonly sentAt: number
  /** Arrival, loss, or (in flight) the instant shown. */
  readonly endAt: number
  /** A buffered copy: when it was applied at last. */
  readonly appliedAt: number | null
  readonly x1: number
  readonly y1: number
  readonly x2: number
  readonly y2: number
}

export interface WindowMark {
  readonly projection: number
  readonly kind: 'partition' | 'down'
  readonly from: number
  readonly to: number | null
  readonly x1: number
  readonly x2: number
  readonly y: number
  readonly height: number
}

export interface ReadMark {
  readonly projection: number
  readonly at: number
  readonly key: string
  readonly mode: string
  readonly fresh: boolean
  readonly x: number
  readonly y: number
}

export interface PollMark {
  readonly projection: number
  readonly sentAt: number
  readonly answeredAt: number | null
  readonly count: number | null
  /** The request, from the projection's lane up to the store's. */
  readonly x1: number
  readonly y1: number
  readonly x2: number
  readonly y2: number
  /**
   * The answer's way back, from the store when it answered to the projection when its events
   * arrived (the earliest of the copies it carried); null when it carried none (drawn as an empty
   * answer on the store lane) or is still on its way.
   */
  readonly answer: { readonly x2: number; readonly y2: number; readonly arrivedAt: number } | null
}

/**
 * One pin per lane and stretch of `ANOMALY_BIN` px: a busy run finds thousands of anomalies, and
 * pins one on another would hide the lane. The pin stands for `count` of them, the first one's
 * words with it.
 */
export interface AnomalyMark {
  readonly projection: number
  readonly type: string
  readonly at: number
  readonly key: string | null
  readonly explanation: string
  readonly count: number
  readonly x: number
  readonly y: number
}

/** Width of the stretch of a lane one anomaly pin stands for. */
export const ANOMALY_BIN = 16

export interface SpaceTimeLayout {
  readonly lanes: readonly LaneMark[]
  readonly height: number
  readonly appends: readonly AppendMark[]
  readonly arrows: readonly ArrowMark[]
  readonly windows: readonly WindowMark[]
  readonly reads: readonly ReadMark[]
  readonly polls: readonly PollMark[]
  readonly anomalies: readonly AnomalyMark[]
  /** Where the trace ends (the instant shown), in px: the playback cursor. */
  readonly nowX: number
  /** The ticks of the time axis. */
  readonly ticks: readonly { readonly ms: number; readonly x: number }[]
}

/** A lost copy's arrow stops this far down toward its lane, in a cross. */
const LOST_AT = 0.55

export function spaceTimeLayout(view: TraceView, frame: SpaceTimeFrame): SpaceTimeLayout {
  const { t0, t1, width, laneHeight, top } = frame
  const scale = scaleLinear().domain([t0, t1]).range([0, width])
  const x = (ms: number) => scale(ms)
  // Lane centres: the store's band first, then one band per projection.
  const laneY = (projection: number) => top + (projection + 1.5) * laneHeight
  const storeY = laneY(-1)
  const visible = (from: number, to: number) => to >= t0 && from <= t1
  const lanes: LaneMark[] = [
    { projection: -1, label: 'event store', y: storeY },
    ...view.projections.map((id, i) => ({ projection: i, label: id, y: laneY(i) })),
  ]

  const appends: AppendMark[] = []
  for (const e of view.events) {
    if (visible(e.at, e.at))
      appends.push({
        position: e.position,
        stream: e.stream,
        type: e.type,
        at: e.at,
        x: x(e.at),
        y: storeY,
      })
  }

  const arrows: ArrowMark[] = []
  for (const d of view.deliveries) {
    const end: ArrowEnd =
      d.arrivedAt !== null ? 'arrived' : d.lostAt !== null ? 'lost' : 'in-flight'
    const endAt = d.arrivedAt ?? d.lostAt ?? view.now
    if (!visible(d.sentAt, Math.max(endAt, d.appliedAt ?? endAt))) continue
    const y2full = laneY(d.projection)
    // Where a copy still on its way would land is not known yet: it stops halfway, so that it
    // never looks arrived; a lost one stops a little further, in a cross.
    const y2 =
      end === 'arrived' ? y2full : storeY + (y2full - storeY) * (end === 'lost' ? LOST_AT : 0.5)
    arrows.push({
      send: d.send,
      position: d.position,
      projection: d.projection,
      kind: d.kind,
      outcome: d.outcome,
      reason: d.reason,
      outOfOrder: d.outOfOrder,
      end,
      sentAt: d.sentAt,
      endAt,
      appliedAt: d.appliedAt,
      x1: x(d.sentAt),
      y1: storeY,
      x2: x(endAt),
      y2,
    })
  }

  const windows: WindowMark[] = []
  for (const w of view.windows) {
    const to = w.to ?? view.now
    if (!visible(w.from, to)) continue
    windows.push({
      projection: w.projection,
      kind: w.kind,
      from: w.from,
      to: w.to,
      x1: x(Math.max(w.from, t0)),
      x2: x(Math.min(to, t1)),
      y: laneY(w.projection) - laneHeight / 2,
      height: laneHeight,
    })
  }

  const reads: ReadMark[] = view.reads
    .filter((r) => r.projection >= 0 && visible(r.at, r.at))
    .map((r) => ({
      projection: r.projection,
      at: r.at,
      key: r.key,
      mode: r.mode,
      fresh: r.fresh,
      x: x(r.at),
      y: laneY(r.projection),
    }))

  // An answer's events leave the store when it answers: its copies are sent at that instant.
  // Only pull runs have answers; a push run's hundreds of thousands of copies are not looked at.
  const answerArrival = new Map<string, number>()
  for (const d of view.polls.length > 0 ? view.deliveries : []) {
    if (d.arrivedAt === null) continue
    const key = `${d.projection}:${d.sentAt}`
    answerArrival.set(key, Math.min(answerArrival.get(key) ?? Infinity, d.arrivedAt))
  }
  const polls: PollMark[] = view.polls
    .filter((p) => visible(p.sentAt, p.answeredAt ?? view.now))
    .map((p) => {
      const arrivedAt =
        p.answeredAt !== null && (p.count ?? 0) > 0
          ? answerArrival.get(`${p.projection}:${p.answeredAt}`)
          : undefined
      return {
        projection: p.projection,
        sentAt: p.sentAt,
        answeredAt: p.answeredAt,
        count: p.count,
        x1: x(p.sentAt),
        y1: laneY(p.projection),
        x2: x(p.answeredAt ?? view.now),
        y2: p.answeredAt === null ? (laneY(p.projection) + storeY) / 2 : storeY,
        answer:
          arrivedAt === undefined ? null : { x2: x(arrivedAt), y2: laneY(p.projection), arrivedAt },
      }
    })

  const index = new Map(view.projections.map((id, i) => [id, i]))
  const pins = new Map<string, AnomalyMark>()
  for (const a of view.anomalies) {
    const projection = index.get(a.projection) ?? -1
    if (projection < 0 || !visible(a.at, a.at)) continue
    const bin = `${projection}:${Math.floor(x(a.at) / ANOMALY_BIN)}`
    const pin = pins.get(bin)
    if (pin) {
      pins.set(bin, { ...pin, count: pin.count + 1 })
      continue
    }
    pins.set(bin, {
      projection,
      type: a.type,
      at: a.at,
      key: a.key,
      explanation: a.explanation,
      count: 1,
      x: x(a.at),
      y: laneY(projection) - laneHeight * 0.32,
    })
  }
  const anomalies = [...pins.values()]

  return {
    lanes,
    height: top + (view.projections.length + 1) * laneHeight,
    appends,
    arrows,
    windows,
    reads,
    polls,
    anomalies,
    nowX: x(view.now),
    ticks: scale.ticks(Math.max(2, Math.floor(width / 110))).map((ms) => ({ ms, x: x(ms) })),
  }
}

/** Every copy of one event, for highlighting it across lanes. */
export function copiesOf(layout: SpaceTimeLayout, position: number): ArrowMark[] {
  return layout.arrows.filter((a) => a.position === position)
}

/** Counts by kind, for the legend and for tests that read the diagram without pixels. */
export function markCounts(layout: SpaceTimeLayout) {
  const arrows = layout.arrows
  return {
    appends: layout.appends.length,
    first: arrows.filter((a) => a.kind === 'first').length,
    duplicate: arrows.filter((a) => a.kind === 'duplicate').length,
    redelivery: arrows.filter((a) => a.kind === 'redelivery').length,
    fetch: arrows.filter((a) => a.kind === 'fetch').length,
    lost: arrows.filter((a) => a.outcome === 'dropped').length,
    outOfOrder: arrows.filter((a) => a.outOfOrder).length,
    buffered: arrows.filter((a) => a.outcome === 'buffered').length,
    skipped: arrows.filter((a) => a.outcome === 'skipped').length,
    inFlight: arrows.filter((a) => a.end === 'in-flight').length,
    reads: layout.reads.length,
    staleReads: layout.reads.filter((r) => !r.fresh).length,
    polls: layout.polls.length,
    emptyAnswers: layout.polls.filter((p) => p.count === 0).length,
    windows: layout.windows.length,
    anomalies: layout.anomalies.reduce((n, a) => n + a.count, 0),
  }
}
