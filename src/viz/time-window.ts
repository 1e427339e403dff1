/**
 * The stretch of simulated time the timelines show, shared by every view so that zooming or
 * panning one moves them all. Pure functions on [t0, t1] in ms, kept inside the run's bounds.
 */
export type TimeWindow = readonly [t0: number, t1: number]

/** The shortest stretch one can zoom in to, in ms. */
export const MIN_SPAN = 1

/** Zooms by `factor` (>1 zooms in) around `at`, which stays where it is on screen. */
export function zoomWindow(
  w: TimeWindow,
  factor: number,
  at: number,
  bounds: TimeWindow,
): TimeWindow {
  const [t0, t1] = w
  const full = bounds[1] - bounds[0]
  const span = Math.min(full, Math.max(MIN_SPAN, (t1 - t0) / factor))
  const share = t1 > t0 ? (at - t0) / (t1 - t0) : 0.5
  const start = at - share * span
  return clamp([start, start + span], bounds)
}

/** Moves the window by `ms` (positive: later), never past the run's bounds. */
export function panWindow(w: TimeWindow, ms: number, bounds: TimeWindow): TimeWindow {
  return clamp([w[0] + ms, w[1] + ms], bounds)
}

function clamp(w: TimeWindow, bounds: TimeWindow): TimeWindow {
  const span = Math.min(w[1] - w[0], bounds[1] - bounds[0])
  const t0 = Math.min(Math.max(w[0], bounds[0]), bounds[1] - span)
  return [t0, t0 + span]
}

/**
 * Two fingers moving apart or together over the plot: the window zooms by the ratio of their
 * distances around the instant between them, and that instant follows their midpoint (a pinch
 * also pans). Finger positions are px from the plot's left edge; `width` is the plot's width.
 */
export function pinchWindow(
  w: TimeWindow,
  before: readonly [number, number],
  after: readonly [number, number],
  width: number,
  bounds: TimeWindow,
): TimeWindow {
  const d0 = Math.abs(before[0] - before[1])
  const d1 = Math.abs(after[0] - after[1])
  if (d0 < 1 || d1 < 1 || width <= 0) return w
  const mid0 = (before[0] + before[1]) / 2
  const mid1 = (after[0] + after[1]) / 2
  const zoomed = zoomWindow(w, d1 / d0, w[0] + (mid0 / width) * (w[1] - w[0]), bounds)
  return panWindow(zoomed, (-(mid1 - mid0) / width) * (zoomed[1] - zoomed[0]), bounds)
}
