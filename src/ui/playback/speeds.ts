/** Playback speeds, simulated time per wall-clock time, in even steps on a log scale. */
export const SPEEDS = [0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100]

const SLOWEST = SPEEDS[0] ?? 1
const FASTEST = SPEEDS[SPEEDS.length - 1] ?? 1

/** The next speed up from s (s need not be one of SPEEDS); the fastest stays the fastest. */
export function fasterSpeed(s: number): number {
  return SPEEDS.find((v) => v > s) ?? FASTEST
}

/** The next speed down from s; the slowest stays the slowest. */
export function slowerSpeed(s: number): number {
  return [...SPEEDS].reverse().find((v) => v < s) ?? SLOWEST
}

/** The index in SPEEDS nearest to s on the log scale (for the speed slider). */
export function speedIndex(s: number): number {
  let best = 0
  SPEEDS.forEach((v, i) => {
    const bestV = SPEEDS[best] ?? 1
    if (Math.abs(Math.log(v / s)) < Math.abs(Math.log(bestV / s))) best = i
  })
  return best
}

/** "2×", "0.5×" */
export function speedLabel(s: number): string {
  return `${s}×`
}
