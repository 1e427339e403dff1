import { visibilityOfSeed, type EstimateRequest, type WorkerReply } from './visibility-estimate'

/** Runs the seeds one after the other, posting each run's visibility times as it ends. */
const scope = globalThis as unknown as {
  onmessage: ((e: MessageEvent<EstimateRequest>) => void) | null
  postMessage: (reply: WorkerReply) => void
}

scope.onmessage = (e) => {
  const { scenario, firstSeed, runs } = e.data
  for (let i = 0; i < runs; i++)
    scope.postMessage({ kind: 'run', times: visibilityOfSeed(scenario, firstSeed + i) })
  scope.postMessage({ kind: 'done' })
}
