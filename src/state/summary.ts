import type { Result } from '../core'

/** What the first page shows of a finished run: plain data, ready to render. */
export interface RunSummary {
  readonly name: string
  readonly seed: number
  readonly events: number
  readonly rejected: number
  readonly endedAt: number
  readonly endReason: string
  readonly traceHash: string
  readonly projections: readonly ProjectionSummary[]
  readonly reads: readonly ReadSummary[]
  readonly anomalies: readonly AnomalySummary[]
}

export interface AnomalySummary {
  readonly type: string
  readonly projection: string
  readonly at: number
  readonly explanation: string
}

export interface ProjectionSummary {
  readonly id: string
  readonly handler: string
  readonly delivery: string
  readonly consistent: boolean
  readonly convergedAt: number | null
  readonly delivered: number
  readonly duplicates: number
  readonly dropped: number
  readonly visibilityP50: number | null
  readonly visibilityMax: number | null
}

export interface ReadSummary {
  readonly at: number
  readonly projection: string
  readonly key: string
  readonly found: boolean
  readonly fresh: boolean
  readonly mode: string
  readonly latency: number
}

export function summarize(
  result: Result,
  describe: (id: string) => { handler: string; delivery: string },
): RunSummary {
  return {
    name: result.name,
    seed: result.seed,
    events: result.events.length,
    rejected: result.rejected.length,
    endedAt: result.ended.at,
    endReason: result.ended.reason,
    traceHash: result.traceHash,
    projections: Object.entries(result.projections).map(([id, p]) => ({
      id,
      ...describe(id),
      consistent: p.consistent,
      convergedAt: p.convergedAt,
      delivered: p.stats.delivered,
      duplicates: p.stats.duplicates,
      dropped: p.stats.dropped,
      visibilityP50: p.visibility?.p50 ?? null,
      visibilityMax: p.visibility?.max ?? null,
    })),
    reads: result.reads.map((r) => ({
      at: r.at,
      projection: r.projection,
      key: r.key,
      found: r.value !== null,
      fresh: r.fresh,
      mode: r.mode,
      latency: r.latency,
    })),
    anomalies: result.anomalies.map((a) => ({
      type: a.type,
      projection: a.projection,
      at: a.at,
      explanation: a.explanation,
    })),
  }
}
