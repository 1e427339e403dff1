/** Playback speeds, simulated time per wall-clock time, in even steps on a log scale. */
export const SPEEDS: readonly number[] = [0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100]

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
