export interface Distribution5 {
  readonly mean: number
  readonly p50: number
  readonly p90: number
  readonly p99: number
  readonly max: number
}

/** Mean, nearest-rank percentiles and max of a sample; null when the sample is empty. */
export function summarize(values: readonly number[]): Distribution5 | null {
  if (values.length === 0) return null
  const sorted = Float64Array.from(values).sort()
  const rank = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] as number
  let sum = 0
  for (const v of sorted) sum += v
  return {
    mean: round(sum / sorted.length),
    p50: round(rank(0.5)),
    p90: round(rank(0.9)),
    p99: round(rank(0.99)),
    max: round(sorted[sorted.length - 1] as number),
  }
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000
}
