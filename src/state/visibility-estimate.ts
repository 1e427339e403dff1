import { Simulation, visibilityTimes, type Scenario } from '../core'

/**
 * A Monte Carlo estimate of visibility: the same scenario run over many seeds, the visibility
 * times of each projection pooled, so that the curve drawn is a smooth estimate of the law rather
 * than one run's staircase. Runs go to a Web Worker where there is one, so the page stays
 * responsive; elsewhere (tests, old browsers) they run here, one per task.
 */
export interface EstimateRequest {
  /** The scenario as it was validated, without the learner's interventions. */
  readonly scenario: Scenario
  readonly firstSeed: number
  readonly runs: number
}

export interface Estimator {
  /** Starts the runs; `onRun` gets each run's times per projection; returns a cancel function. */
  start(
    request: EstimateRequest,
    onRun: (times: number[][]) => void,
    onDone: () => void,
  ): () => void
}

/** One seed's visibility times, per projection in scenario order. */
export function visibilityOfSeed(scenario: Scenario, seed: number): number[][] {
  const sim = new Simulation({ ...scenario, seed })
  sim.run()
  return sim.projections.map((p) => visibilityTimes(sim, p))
}

/** In this thread, one run per task. */
export const localEstimator: Estimator = {
  start(request, onRun, onDone) {
    let cancelled = false
    let i = 0
    const next = () => {
      if (cancelled) return
      if (i >= request.runs) return onDone()
      onRun(visibilityOfSeed(request.scenario, request.firstSeed + i++))
      setTimeout(next, 0)
    }
    setTimeout(next, 0)
    return () => {
      cancelled = true
    }
  },
}

/** In a Web Worker (src/state/visibility.worker.ts), falling back to this thread. */
export const workerEstimator: Estimator = {
  start(request, onRun, onDone) {
    if (typeof Worker === 'undefined') return localEstimator.start(request, onRun, onDone)
    const worker = new Worker(new URL('./visibility.worker.ts', import.meta.url), {
      type: 'module',
    })
    let fallback: (() => void) | null = null
    worker.onmessage = (e: MessageEvent<WorkerReply>) => {
      if (e.data.kind === 'run') onRun(e.data.times)
      else {
        worker.terminate()
        onDone()
      }
    }
    // A worker that cannot start (a blocked script, no module workers) leaves it to this thread.
    worker.onerror = () => {
      worker.terminate()
      fallback = localEstimator.start(request, onRun, onDone)
    }
    worker.postMessage(request)
    return () => {
      worker.terminate()
      fallback?.()
    }
  },
}

export type WorkerReply = { kind: 'run'; times: number[][] } | { kind: 'done' }
