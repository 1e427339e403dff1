import type { Distribution5, Result, Simulation } from '../core'

export const RUNS_FORMAT = 'eventually.runs/v1'

/** What one run of a seed contributes to the aggregate. */
export interface RunSample {
  readonly seed: number
  readonly traceHash: string
  /** By projection id, in the scenario's order. */
  readonly projections: Readonly<Record<string, ProjectionSample>>
}

export interface ProjectionSample {
  /** For each event the projection applied: ms from its append to its first application. */
  readonly visibility: ArrayLike<number>
  readonly convergedAt: number | null
  readonly lag: { readonly maxEvents: number; readonly maxMs: number }
}

/** The `--runs` document. Every distribution is over runs except `visibility`, over events. */
export interface RunsReport {
  readonly format: typeof RUNS_FORMAT
  readonly scenario: string
  /** The first and last seed, both included. */
  readonly seeds: readonly [number, number]
  readonly projections: Record<string, ProjectionRuns>
  /** One per seed, in seed order: equal hashes mean identical runs. */
  readonly traceHashes: readonly string[]
}

export interface ProjectionRuns {
  /** Every applied event of every run pooled; null when no run applied any event. */
  readonly visibility: Distribution5 | null
  /** Over the runs that converged only; null when none did. */
  readonly convergedAt: Distribution5 | null
  /** The fraction of runs that ended with every row equal to the truth. */
  readonly converged: number
  /** Each run's worst lag, distributed over runs. */
  readonly lag: { readonly maxEvents: Distribution5; readonly maxMs: Distribution5 }
}

/** The per-event visibility a result only summarises, read as buildResult reads it (engine/result.ts). */
export function runSample(sim: Simulation, result: Result): RunSample {
  const projections: Record<string, ProjectionSample> = {}
  for (const p of sim.projections) {
    const visibility: number[] = []
    for (let pos = 1; pos <= sim.head(); pos++) {
      const at = p.measures.firstApplied.get(pos)
      if (!Number.isNaN(at)) visibility.push(at - sim.appendedAt(pos))
    }
    const r = result.projections[p.id]
    if (!r) throw new Error(`the result has no projection "${p.id}"`)
    projections[p.id] = { visibility, convergedAt: r.convergedAt, lag: r.lag }
  }
  return { seed: result.seed, traceHash: result.traceHash, projections }
}

/**
 * Folds runs of consecutive seeds into a RunsReport as they finish, so a long series keeps the
 * pooled visibility samples (8 bytes per applied event) and not whole results.
 */
export class RunsAggregate {
  private readonly hashes: string[] = []
  private first = NaN
  private readonly by = new Map<string, Accumulator>()

  constructor(readonly scenario: string) {}

  add(run: RunSample): void {
    if (this.hashes.length === 0) {
      this.first = run.seed
      for (const id of Object.keys(run.projections)) this.by.set(id, new Accumulator())
    } else if (run.seed !== this.first + this.hashes.length)
      throw new Error(`runs must come in seed order: expected ${this.first + this.hashes.length}`)
    for (const id of this.by.keys())
      if (!run.projections[id]) throw new Error(`seed ${run.seed} has no projection "${id}"`)
    for (const [id, acc] of this.by) acc.add(run.projections[id] as ProjectionSample)
    this.hashes.push(run.traceHash)
  }

  report(): RunsReport {
    if (this.hashes.length === 0) throw new Error('no runs to report')
    const projections: Record<string, ProjectionRuns> = {}
    for (const [id, acc] of this.by) projections[id] = acc.report(this.hashes.length)
    return {
      format: RUNS_FORMAT,
      scenario: this.scenario,
      seeds: [this.first, this.first + this.hashes.length - 1],
      projections,
      traceHashes: [...this.hashes],
    }
  }
}

class Accumulator {
  private readonly visibility = new Samples()
  private readonly convergedAt = new Samples()
  private readonly maxEvents = new Samples()
  private readonly maxMs = new Samples()

  add(p: ProjectionSample): void {
    for (let i = 0; i < p.visibility.length; i++) this.visibility.push(p.visibility[i] as number)
    if (p.convergedAt !== null) this.convergedAt.push(p.convergedAt)
    this.maxEvents.push(p.lag.maxEvents)
    this.maxMs.push(p.lag.maxMs)
  }

  report(runs: number): ProjectionRuns {
    return {
      visibility: this.visibility.summary(),
      convergedAt: this.convergedAt.summary(),
      converged: this.convergedAt.length / runs,
      lag: {
        maxEvents: this.maxEvents.summary() as Distribution5,
        maxMs: this.maxMs.summary() as Distribution5,
      },
    }
  }
}

/** A growable Float64Array of samples. */
class Samples {
  private data = new Float64Array(64)
  length = 0

  push(x: number): void {
    if (this.length === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2)
      bigger.set(this.data)
      this.data = bigger
    }
    this.data[this.length++] = x
  }

  /** Mean, nearest-rank percentiles and max, rounded to 0.001 ms: the result format's definition. */
  summary(): Distribution5 | null {
    const n = this.length
    if (n === 0) return null
    const sorted = this.data.slice(0, n).sort()
    const rank = (q: number) => sorted[Math.min(n - 1, Math.max(0, Math.ceil(q * n) - 1))] as number
    let sum = 0
    for (let i = 0; i < n; i++) sum += sorted[i] as number
    return {
      mean: round(sum / n),
      p50: round(rank(0.5)),
      p90: round(rank(0.9)),
      p99: round(rank(0.99)),
      max: round(sorted[n - 1] as number),
    }
  }
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000
}
