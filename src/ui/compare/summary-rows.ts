import type { AnomalyType } from '../../core'
import type { ComparisonMeasures, ProjectionMeasures, VariantMeasures } from '../../state/store'
import { formatMs } from '../format'

/** One line of the summary table: a measure, its value per variant, and which are best. */
export interface SummaryRow {
  /** Stable name, for tests and keys: `events`, `anomaly-stale-read`, `converged-todos`... */
  readonly id: string
  readonly label: string
  /** A detail of the row above it (an anomaly type under the anomalies). */
  readonly detail: boolean
  /** The value of each variant, as shown. */
  readonly cells: readonly string[]
  /** The variants holding the best value; empty when they are all equal or none is better. */
  readonly best: readonly number[]
}

/** How a row's numbers compare: lower is better, or there is no better (the same input). */
type Order = 'lower' | 'none'

/** The words of an anomaly type in a table row. */
export const ANOMALY_WORDS: Record<AnomalyType, string> = {
  'stale-read': 'stale read',
  'read-your-writes-violation': 'read-your-writes violation',
  'monotonic-read-violation': 'monotonic read violation',
  'out-of-order-overwrite': 'out-of-order overwrite',
  'duplicate-effect': 'duplicate effect',
  resurrection: 'resurrection',
  'lost-event': 'lost event',
  'decision-on-stale-data': 'decision on stale data',
  diverged: 'diverged at the end',
}

const count = (n: number) => n.toLocaleString('en')

/**
 * The table's rows, from the measured variants. Read rows appear only when some variant reads;
 * an anomaly type only when some variant has it; per-projection rows name the projection only
 * when the variants have more than one.
 */
export function summaryRows(m: ComparisonMeasures): SummaryRow[] {
  const vs = m.variants
  const rows: SummaryRow[] = []
  const add = (
    id: string,
    label: string,
    values: readonly (number | null)[],
    text: (value: number | null, i: number) => string,
    order: Order = 'lower',
    detail = false,
  ) => rows.push({ id, label, detail, cells: values.map(text), best: best(values, order) })

  add(
    'events',
    'Events appended',
    vs.map((v) => v.events),
    (n) => count(n ?? 0),
    'none',
  )
  add(
    'anomalies',
    'Anomalies found',
    vs.map((v) => v.anomalyCount),
    (n) => count(n ?? 0),
  )
  for (const type of m.anomalyTypes)
    add(
      `anomaly-${type}`,
      ANOMALY_WORDS[type],
      vs.map((v) => v.anomalies[type] ?? 0),
      (n) => count(n ?? 0),
      'lower',
      true,
    )
  if (vs.some((v) => v.reads > 0)) {
    add(
      'stale-reads',
      'Stale reads',
      vs.map((v) => v.staleReads),
      (n, i) => `${count(n ?? 0)} of ${count(vs[i]?.reads ?? 0)}`,
    )
    add(
      'read-latency-mean',
      'Read latency, mean',
      vs.map((v) => v.readLatency?.mean ?? null),
      formatMs,
    )
    add(
      'read-latency-max',
      'Read latency, max',
      vs.map((v) => v.readLatency?.max ?? null),
      formatMs,
    )
    add(
      'read-cost',
      'Messages spent on reads',
      vs.map((v) => v.readCost),
      (n) => count(n ?? 0),
    )
  }
  for (const id of projectionIds(vs)) {
    const of = (f: (p: ProjectionMeasures) => number | null) =>
      vs.map((v) => {
        const p = v.projections.find((x) => x.id === id)
        return p ? f(p) : null
      })
    const named = (label: string) => (projectionIds(vs).length > 1 ? `${label} (${id})` : label)
    add(
      `visibility-mean-${id}`,
      named('Visible after, mean'),
      of((p) => p.visibility?.mean ?? null),
      formatMs,
    )
    add(
      `visibility-max-${id}`,
      named('Visible after, max'),
      of((p) => p.visibility?.max ?? null),
      formatMs,
    )
    // Not converged is the worst value: it counts as never.
    const converged = of((p) => p.convergedAt)
    rows.push({
      id: `converged-${id}`,
      label: named('Converged at'),
      detail: false,
      cells: converged.map((t) => (t === null ? 'not converged' : formatMs(t))),
      best: best(
        converged.map((t) => t ?? Infinity),
        'lower',
      ),
    })
  }
  add(
    'messages',
    'Copies and polls sent',
    vs.map((v) => v.copies + v.polls),
    (n, i) => {
      const v = vs[i]
      if (!v || v.polls === 0) return count(n ?? 0)
      return `${count(n ?? 0)} (${count(v.copies)} copies, ${count(v.polls)} polls)`
    },
  )
  return rows
}

/** Which values are best: the lowest, unless every value is the same or missing. */
export function best(values: readonly (number | null)[], order: Order): number[] {
  if (order === 'none') return []
  const known = values.filter((v): v is number => v !== null)
  if (known.length < 2) return []
  const low = Math.min(...known)
  if (known.every((v) => v === low)) return []
  return values.flatMap((v, i) => (v === low ? [i] : []))
}

function projectionIds(vs: readonly VariantMeasures[]): string[] {
  return [...new Set(vs.flatMap((v) => v.projections.map((p) => p.id)))]
}
