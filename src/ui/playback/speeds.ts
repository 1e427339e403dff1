import { SPEEDS } from '../../state/store'

export { SPEEDS, fasterSpeed, slowerSpeed } from '../../state/store'

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
