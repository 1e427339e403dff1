/**
 * Simulated time on the transport. The unit follows the run's length (seconds from 1 s up), so
 * the readout keeps one unit and one width while it plays.
 */
export type ClockUnit = 's' | 'ms'

export function unitFor(end: number): ClockUnit {
  return end >= 1000 ? 's' : 'ms'
}

/** Fixed decimals for the visible readout: "1.25 s", "10.00 s", "250 ms". */
export function readout(ms: number, unit: ClockUnit): string {
  return unit === 's' ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`
}

/** Trimmed for speech: "1.25 s", "10 s", "250 ms". */
export function spoken(ms: number, unit: ClockUnit): string {
  return unit === 's' ? `${Number((ms / 1000).toFixed(2))} s` : `${Math.round(ms)} ms`
}

/** The scrubber's value text: "1.25 s of 10 s", and how far is computed while that grows. */
export function scrubberText(now: number, frontier: number, end: number, done: boolean): string {
  const unit = unitFor(end)
  const at = `${spoken(now, unit)} of ${spoken(end, unit)}`
  return done ? at : `${at}, computed to ${spoken(frontier, unit)}`
}
