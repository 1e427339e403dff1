import { formatDelay } from '../distribution-curve'
import type { CatchUp, LagLayout } from './lag-layout'

/** The lag chart's numbers as words: the status line, the convergence label and the image name. */

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

/** "behind by 12 events / 340 ms, catching up: about 800 ms to go" */
export function catchUpText(c: CatchUp): string {
  if (c.behind === 0) {
    const verb = c.divergent === 1 ? 'differs' : 'differ'
    const rows = c.divergent > 0 ? `, but ${plural(c.divergent, 'row')} still ${verb}` : ''
    return `caught up${rows}`
  }
  const lag = `behind by ${plural(c.behind, 'event')} / ${formatDelay(c.lagMs, true)}`
  if (c.etaMs !== null) return `${lag}, catching up: about ${formatDelay(c.etaMs, true)} to go`
  return `${lag}, ${c.trend}: not catching up`
}

/** "converged at 1.24 s"; "never diverged"; "not converged" while rows still differ. */
export function convergedText(layout: LagLayout): string {
  if (layout.converged === null) return 'not converged'
  if (layout.windows.length === 0) return 'never diverged'
  return `converged at ${formatDelay(layout.converged.at)}`
}

/** The whole chart in one sentence, for the image's accessible name. */
export function lagSummary(id: string, layout: LagLayout): string {
  const { events, ms, divergent, windows } = layout
  const lag = `lag up to ${plural(events.max, 'event')} and ${formatDelay(ms.max, true)}`
  const rows =
    windows.length === 0
      ? 'no divergent rows'
      : `${plural(windows.length, 'inconsistency window')}, up to ${plural(divergent.max, 'divergent row')}`
  return `Projection ${id}: ${lag}; ${rows}; ${convergedText(layout)}; now ${catchUpText(layout.catchUp)}`
}
