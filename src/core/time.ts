/** Simulated time in milliseconds. Branded so that pixels and wall-clock time cannot be mixed in. */
export type SimTime = number & { readonly __brand?: 'SimTime' }

/**
 * Times are kept to the microsecond: fine enough for sub-millisecond latencies, coarse enough that
 * printed traces stay readable and every engine prints the same digits.
 */
export function roundTime(ms: number): SimTime {
  return Math.round(ms * 1000) / 1000
}
