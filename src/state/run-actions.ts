import { buildResult, formatProblems, parseScenario, type Scenario } from '../core'
import { getRun, RunSession, StorageError, type Restored } from '../persistence'
import { startDrive, type Drive, type TickInfo } from './run-driver'
import { summarize } from './summary'
import type { AppState, Context } from './types'

type Set = (partial: Partial<AppState> | ((s: AppState) => Partial<AppState>)) => void
type Get = () => AppState

export function describeProjection(scenario: Scenario, id: string) {
  const p = scenario.projections.find((q) => q.id === id)
  const d = p?.delivery
  const delivery = !d
    ? ''
    : d.mode === 'push'
      ? `push, ${d.guarantee}`
      : `pull every ${d.interval} ms`
  return { handler: p?.handler ?? '', delivery }
}

const notStarted = (sim: { bound: number }): TickInfo => ({
  now: 0,
  bound: sim.bound,
  events: 0,
  saved: null,
  catchingUp: false,
})

/** The actions that start, reopen and stop runs. */
export function runActions(set: Set, get: Get, ctx: Context) {
  const finished = (d: Drive, runId: number | null, restored: Restored | null) => {
    ctx.drive = null
    const sim = d.sim
    const divergence = d.session?.divergence
    if (divergence)
      return set({
        run: {
          kind: 'error',
          message: `This saved run cannot be reopened exactly: ${divergence.reason}. Its stored events are unchanged; export it to look at them.`,
        },
      })
    const summary = summarize(buildResult(sim), (id) => describeProjection(sim.scenario, id))
    set({ run: { kind: 'done', summary, runId, restored } })
  }

  const drive = (
    source: RunSession | Scenario,
    name: string,
    runId: number | null,
    restored: Restored | null,
  ) => {
    ctx.drive?.stop()
    ctx.deps.lastRun.set(runId)
    const d = startDrive(
      source,
      {
        onTick: (tick) => {
          if (ctx.drive !== d) return
          set((s) => ({
            run: { kind: 'running', name, runId, restored, tick },
            runs:
              tick.saved === null
                ? s.runs
                : s.runs.map((r) =>
                    r.id === runId ? { ...r, events: tick.saved ?? 0, clock: tick.now } : r,
                  ),
          }))
        },
        onSaveFailed: (error) => {
          if (ctx.drive === d) set({ unsaved: unsavedReason(error) })
        },
        onDone: () => {
          if (ctx.drive !== d) return
          finished(d, runId, restored)
          if (runId !== null) void ctx.refresh().then(() => ctx.deps.channel?.post())
        },
      },
      ctx.deps.scheduler,
    )
    ctx.drive = d
    set({ unsaved: null, run: { kind: 'running', name, runId, restored, tick: notStarted(d.sim) } })
  }

  return {
    loadScenario: (scenario: AppState['scenario']) => set({ scenario }),

    runScenario: async () => {
      const parsed = parseScenario(get().scenario)
      if (!parsed.ok)
        return set({
          run: {
            kind: 'error',
            message: `This scenario cannot run: ${formatProblems(parsed.problems)}`,
          },
        })
      const scenario = parsed.scenario
      if (!ctx.db || !ctx.writer) return drive(scenario, scenario.name, null, null)
      let session: RunSession
      try {
        session = await RunSession.start(ctx.db, scenario)
      } catch (error) {
        drive(scenario, scenario.name, null, null)
        return set({ unsaved: unsavedReason(error) })
      }
      drive(session, scenario.name, session.runId, null)
      await ctx.refresh()
      ctx.deps.channel?.post()
    },

    openRun: async (id: number) => {
      const db = ctx.db
      if (!db) return
      const record = await getRun(db, id).catch(() => undefined)
      if (!record)
        return set({ notice: { tone: 'error', text: `Run ${id} is not saved here any more.` } })
      const restored = { head: record.head, clock: record.clock, status: record.status }
      if (!ctx.writer) return drive(record.scenario, record.name, null, restored)
      try {
        const session = await RunSession.reopen(db, id)
        drive(session, record.name, id, session.restored)
      } catch (error) {
        set({ run: { kind: 'error', message: describeError(error) } })
      }
    },

    stopRun: () => {
      const run = get().run
      if (!ctx.drive || run.kind !== 'running') return
      ctx.drive.stop()
      set({ run: { ...run, kind: 'stopped' } })
    },

    continueRun: () => {
      const run = get().run
      if (!ctx.drive || run.kind !== 'stopped') return
      set({ run: { ...run, kind: 'running' } })
      ctx.drive.resume()
    },
  }
}

/** Why a run is not being saved, in a sentence that ends with what still works. */
export function unsavedReason(error: unknown): string {
  const message = describeError(error)
  if (error instanceof StorageError && error.kind === 'quota')
    return `${message}. The run goes on in memory. Delete saved runs you no longer need to free space.`
  return `${message}. The run goes on in memory.`
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message
  return String(error)
}
