import {
  ANOMALY_TYPES,
  Simulation,
  buildResult,
  rowsEqual,
  traceView,
  type AnomalyType,
  type Row,
  type Scenario,
  type TraceView,
} from '../core'
import { comparisonById, load, type Comparison } from '../scenarios'
import type { RowFrame } from './frame'

/**
 * What a comparison shows of each variant: its run drawn (the trace view) and measured. Every
 * number is read from the run's own trace and result, as the playground's are, so the table of a
 * comparison and the playground's panels can never disagree about the same scenario.
 */
export interface VariantMeasures {
  readonly label: string
  readonly scenario: Scenario
  /** The whole run, at its end: what the space-time diagram draws. */
  readonly view: TraceView
  readonly events: number
  /** Anomalies the checker found, by type; types it did not find are left out. */
  readonly anomalies: Readonly<Partial<Record<AnomalyType, number>>>
  readonly anomalyCount: number
  readonly reads: number
  /** Reads whose answer differed from the truth at the moment they answered. */
  readonly staleReads: number
  /** Simulated ms from asking to answer (`answeredAt - at`); null without reads. */
  readonly readLatency: { readonly mean: number; readonly max: number } | null
  /** Messages sent over the links to answer reads (what a stronger read mode costs). */
  readonly readCost: number
  /** Copies of events sent to the projections (first copies, duplicates, redeliveries, fetches). */
  readonly copies: number
  /** Polls sent by pull subscribers. */
  readonly polls: number
  readonly projections: readonly ProjectionMeasures[]
}

export interface ProjectionMeasures {
  readonly id: string
  /** From when on it stayed equal to the truth, or null: not converged at the end. */
  readonly convergedAt: number | null
  /** Visibility times (append to first applied) of the events it applied; null for none. */
  readonly visibility: { readonly mean: number; readonly max: number } | null
  /** Its rows at the end beside the truth's, in key order. */
  readonly rows: readonly RowFrame[]
}

export interface ComparisonMeasures {
  readonly comparison: Comparison
  readonly variants: readonly VariantMeasures[]
  /** The anomaly types some variant has, in the checker's order. */
  readonly anomalyTypes: readonly AnomalyType[]
  /** The latest end of the variants' runs: one time axis for all their diagrams. */
  readonly end: number
}

/** Runs one variant's scenario to its end, headless, and measures it. */
export function measureVariant(label: string, scenario: Scenario): VariantMeasures {
  const sim = new Simulation(scenario)
  sim.run()
  const view = traceView(sim)
  const result = buildResult(sim)
  const anomalies: Partial<Record<AnomalyType, number>> = {}
  for (const type of ANOMALY_TYPES) {
    const n = view.anomalies.filter((a) => a.type === type).length
    if (n > 0) anomalies[type] = n
  }
  const waits = view.reads.map((r) => r.answeredAt - r.at)
  return {
    label,
    scenario,
    view,
    events: view.events.length,
    anomalies,
    anomalyCount: view.anomalies.length,
    reads: view.reads.length,
    staleReads: view.reads.filter((r) => !r.fresh).length,
    readLatency:
      waits.length === 0
        ? null
        : { mean: waits.reduce((a, b) => a + b, 0) / waits.length, max: Math.max(...waits) },
    readCost: view.reads.reduce((sum, r) => sum + r.cost, 0),
    copies: view.deliveries.length,
    polls: view.polls.length,
    projections: view.projections.map((id) => {
      const p = result.projections[id]
      return {
        id,
        convergedAt: p?.convergedAt ?? null,
        visibility: p?.visibility ? { mean: p.visibility.mean, max: p.visibility.max } : null,
        rows: rowsBeside(p?.state ?? {}, result.truth),
      }
    }),
  }
}

/** Runs every variant of a comparison. */
export function measureComparison(comparison: Comparison): ComparisonMeasures {
  const variants = comparison.variants.map((v) => measureVariant(v.label, load(v.scenario)))
  return {
    comparison,
    variants,
    anomalyTypes: ANOMALY_TYPES.filter((t) => variants.some((v) => v.anomalies[t] !== undefined)),
    end: Math.max(1, ...variants.map((v) => v.view.now)),
  }
}

const measured = new Map<string, ComparisonMeasures>()

/**
 * A comparison by id, measured once per page: the runs are small and deterministic, so the
 * first visit computes them and every later one reuses the result. Undefined for an unknown id.
 */
export function comparisonMeasures(id: string): ComparisonMeasures | undefined {
  const known = measured.get(id)
  if (known) return known
  const comparison = comparisonById(id)
  if (!comparison) return undefined
  const result = measureComparison(comparison)
  measured.set(id, result)
  return result
}

/** Rows by key, local beside truth, over the keys either has, in key order. */
function rowsBeside(local: Record<string, Row>, truth: Record<string, Row>): RowFrame[] {
  const keys = [...new Set([...Object.keys(local), ...Object.keys(truth)])].sort()
  return keys.map((key) => {
    const l = local[key] ?? null
    const t = truth[key] ?? null
    return { key, local: l, truth: t, differs: !rowsEqual(l ?? undefined, t ?? undefined) }
  })
}
