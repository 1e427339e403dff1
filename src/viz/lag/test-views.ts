import type { Scenario, SeriesRecord, TraceView } from '../../core'

/**
 * A trace view with only what the lag chart reads: one projection's series and convergence (the
 * scenario is any valid one: the chart does not read it).
 */
export function lagView(
  scenario: Scenario,
  now: number,
  s: Pick<SeriesRecord, 't' | 'behind' | 'oldestAt' | 'divergent'>,
  convergedAt: number | null,
): TraceView {
  return {
    now,
    scenario,
    interventions: [],
    projections: ['p'],
    events: [],
    deliveries: [],
    polls: [],
    reads: [],
    windows: [],
    anomalies: [],
    rejected: [],
    series: [{ ...s, buffered: s.t.map(() => 0), fetching: s.t.map(() => 0) }],
    convergedAt: [convergedAt],
  }
}

/**
 * Two events appended at 100 and 200 and applied at 500 and 600; rows differ from 300 to 800
 * (the projection applied something the truth had already moved past).
 */
export const twoEvents = {
  t: [100, 200, 300, 500, 600, 800],
  behind: [1, 2, 2, 1, 0, 0],
  oldestAt: [100, 100, 100, 200, null, null],
  divergent: [0, 0, 1, 2, 1, 0],
}
