import { traceView } from '../core'
import type { AppState, Context } from './types'
import { workerEstimator } from './visibility-estimate'

type Set = (partial: Partial<AppState> | ((s: AppState) => Partial<AppState>)) => void

/**
 * What the timelines ask of the run on screen: its trace, the event picked on them (shown in
 * every view and on the read side), and Monte Carlo visibility estimates over many seeds of its
 * scenario, which run in a Web Worker and belong to the run they were asked for.
 */
export function timelineActions(set: Set, ctx: Context) {
  return {
    readTrace: () => (ctx.player ? traceView(ctx.player.sim) : null),
    pickEvent: (picked: AppState['picked']) => set({ picked }),
    estimateVisibility: (runs: number) => {
      const player = ctx.player
      if (!player) return
      ctx.cancelEstimate?.()
      const scenario = player.sim.scenario
      const firstSeed = scenario.seed
      let pooled: number[][] = scenario.projections.map(() => [])
      let done = 0
      set({ estimate: { runs, done, firstSeed, times: pooled } })
      const estimator = ctx.deps.estimator ?? workerEstimator
      ctx.cancelEstimate = estimator.start(
        { scenario, firstSeed, runs },
        (times) => {
          if (ctx.player !== player) return
          pooled = pooled.map((t, i) => t.concat(times[i] ?? []))
          done++
          set({ estimate: { runs, done, firstSeed, times: pooled } })
        },
        () => {
          if (ctx.player === player) ctx.cancelEstimate = null
        },
      )
    },
    cancelEstimate: () => {
      ctx.cancelEstimate?.()
      ctx.cancelEstimate = null
      set({ estimate: null })
    },
  }
}
