import type { z } from 'zod'

/**
 * A run polls until `until + settle` even when nothing happens, so a tiny interval over a long
 * run is work without end (a 1 ms interval over 1e8 ms is 1e8 polls per projection). The budget
 * keeps every valid scenario to a few seconds of polling; runs past it are refused up front
 * rather than left to run for minutes.
 */
export const MAX_POLLS = 1_000_000

export function checkPollBudget(polls: readonly [number, number][], ctx: z.RefinementCtx): void {
  const total = polls.reduce((n, [, count]) => n + count, 0)
  if (total <= MAX_POLLS) return
  const [worst] = [...polls].sort((a, b) => b[1] - a[1])
  if (!worst) return
  ctx.addIssue({
    code: 'custom',
    message: `the pull projections would poll ${Math.ceil(total).toLocaleString('en')} times over until + settle; a run allows at most ${MAX_POLLS.toLocaleString('en')} (raise the poll interval, or shorten until or settle)`,
    path: ['projections', worst[0], 'delivery', 'interval'],
  })
}
