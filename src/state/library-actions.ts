import { MAX_BUNDLE_CHARS, SCENARIO_FORMAT } from '../core'
import {
  browseEvents,
  deleteRun,
  exportRun,
  getRun,
  importFile,
  listRuns,
  listScenarios,
  rebuildReadModel,
  renameRun,
  type EventQuery,
  type RunRecord,
} from '../persistence'
import { describeError } from './run-actions'
import type { AppState, Context, SavedRun } from './types'

type Set = (partial: Partial<AppState> | ((s: AppState) => Partial<AppState>)) => void
type Get = () => AppState

function savedRun(r: RunRecord): SavedRun {
  return {
    id: r.id,
    name: r.name,
    scenarioName: r.scenario.name,
    domain: r.scenario.domain,
    seed: r.seed,
    status: r.status,
    events: r.head,
    clock: r.clock,
    updatedAt: r.updatedAt,
    projections: r.scenario.projections.map((p) => p.id),
  }
}

/** A file name from a run or scenario name: letters, digits and dashes only. */
export function fileName(name: string, suffix: string): string {
  const base = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60)
  return `${base || 'eventually'}${suffix}`
}

const megabytes = (n: number) => (n / 1024 / 1024).toFixed(1)

/**
 * The actions on what is stored: opening the database and settling which tab writes, the list of
 * saved runs (rename, delete, export), imports and rebuilds. Every failure ends in a notice that
 * says what happened to the stored data.
 */
export function libraryActions(set: Set, get: Get, ctx: Context) {
  const notify = (tone: 'info' | 'error', text: string) => set({ notice: { tone, text } })
  const changed = async () => {
    await ctx.refresh()
    ctx.deps.channel?.post()
  }

  ctx.refresh = async () => {
    const db = ctx.db
    if (!db) return
    try {
      const [runs, scenarios] = await Promise.all([listRuns(db), listScenarios(db)])
      set({
        runs: runs.map(savedRun),
        scenarios: scenarios.map((s) => ({
          id: s.id,
          name: s.name,
          scenario: s.scenario,
        })),
      })
    } catch (error) {
      notify('error', `The saved runs could not be listed: ${describeError(error)}`)
    }
  }

  return {
    init: async (options: { reopen?: boolean } = {}) => {
      const { deps } = ctx
      set({ storage: { kind: 'opening' } })
      try {
        ctx.db = await deps.openDb({
          onBlocked: () => set({ storage: { kind: 'blocked' } }),
          onVersionChange: () => {
            ctx.writer = false
            ctx.player?.stopSaving()
            set({ storage: { kind: 'outdated' } })
          },
        })
      } catch (error) {
        return set({ storage: { kind: 'unavailable', message: describeError(error) } })
      }
      deps.channel?.listen(() => void ctx.refresh())
      const writer = await new Promise<boolean>((resolve) =>
        deps.lock.claim({
          onWriter: () => {
            ctx.writer = true
            set({ storage: { kind: 'saving' } })
            resolve(true)
          },
          onReader: () => {
            ctx.writer = false
            set({ storage: { kind: 'other-tab' } })
            resolve(false)
          },
          onLost: () => {
            ctx.writer = false
            ctx.player?.stopSaving()
            set((s) => ({
              storage: { kind: 'other-tab' },
              unsaved:
                s.run.kind === 'idle' || s.run.kind === 'error'
                  ? s.unsaved
                  : 'Another tab took over saving runs.',
            }))
          },
        }),
      )
      await ctx.refresh()
      const last = deps.lastRun.get()
      if (
        options.reopen !== false &&
        writer &&
        last !== null &&
        get().runs.some((r) => r.id === last)
      )
        await get().openRun(last)
    },

    renameRun: async (id: number, name: string) => {
      const db = ctx.db
      const trimmed = name.trim().slice(0, 200)
      if (!db || !trimmed) return
      try {
        await renameRun(db, id, trimmed)
        await changed()
      } catch (error) {
        notify('error', describeError(error))
      }
    },

    deleteRun: async (id: number) => {
      const db = ctx.db
      if (!db) return
      const run = get().run
      const current = run.kind !== 'idle' && run.kind !== 'error' && run.runId === id
      try {
        if (current) {
          ctx.player?.dispose()
          ctx.player = null
          ctx.deps.lastRun.set(null)
        }
        const name = (await getRun(db, id))?.name ?? `run ${id}`
        await deleteRun(db, id)
        if (current) set({ run: { kind: 'idle' } })
        notify('info', `Deleted “${name}” with its events and read models.`)
        await changed()
      } catch (error) {
        notify('error', describeError(error))
      }
    },

    exportRun: async (id: number) => {
      const db = ctx.db
      if (!db) return null
      try {
        const [record, text] = await Promise.all([getRun(db, id), exportRun(db, id)])
        return { name: fileName(record?.name ?? `run-${id}`, '.eventually-run.json'), text }
      } catch (error) {
        notify('error', describeError(error))
        return null
      }
    },

    exportScenario: () => {
      const scenario = get().scenario
      const text = `${JSON.stringify({ ...scenario, format: SCENARIO_FORMAT }, null, 2)}\n`
      return { name: fileName(scenario.name ?? 'scenario', '.eventually-scenario.json'), text }
    },

    importFile: async (file: { name: string; size: number; text: () => Promise<string> }) => {
      const db = ctx.db
      const label = `“${file.name.slice(0, 60)}”`
      if (!db)
        return notify(
          'error',
          `${label} was not imported: this browser is not saving anything here.`,
        )
      // Refused before it is read: a huge file never reaches memory.
      if (file.size > MAX_BUNDLE_CHARS)
        return set({
          notice: {
            tone: 'error',
            text: `${label} was not imported: it is ${megabytes(file.size)} MB, and a file may be at most ${megabytes(MAX_BUNDLE_CHARS)} MB. Nothing was changed.`,
          },
        })
      try {
        const result = await importFile(db, await file.text())
        if (!result.ok)
          return set({
            notice: {
              tone: 'error',
              text: `${label} was not imported, and nothing stored was changed:`,
              problems: result.problems,
            },
          })
        await changed()
        const what = result.kind === 'run' ? 'a saved run' : 'a saved scenario'
        notify('info', `Imported ${label} as ${what}.`)
        if (result.kind === 'scenario') {
          const saved = get().scenarios.find((s) => s.id === result.id)
          if (saved) set({ scenario: saved.scenario })
        }
      } catch (error) {
        notify('error', `${label} was not imported: ${describeError(error)}`)
      }
    },

    rebuildProjection: async (runId: number, projection: string) => {
      const db = ctx.db
      const run = get().run
      if (!db || !ctx.writer || get().rebuild) return
      if (run.kind === 'running' && run.runId === runId)
        return notify('error', 'Stop the run before rebuilding one of its read models.')
      try {
        set({ rebuild: { runId, projection, done: 0, total: 0 } })
        const result = await rebuildReadModel(db, runId, projection, (p) =>
          set({ rebuild: { runId, projection, ...p } }),
        )
        const wrong = result.changed
        notify(
          'info',
          `Rebuilt ${projection} from position 0: ${result.rows} row(s) at checkpoint ${result.checkpoint}. ` +
            (wrong.length === 0
              ? 'Every saved row was already right.'
              : `${wrong.length} saved row(s) had been wrong: ${wrong.slice(0, 8).join(', ')}${wrong.length > 8 ? '…' : ''}.`),
        )
      } catch (error) {
        notify('error', describeError(error))
      } finally {
        set({ rebuild: null })
      }
    },

    browseEvents: async (runId: number, query: EventQuery) => {
      const db = ctx.db
      if (!db) return null
      try {
        return await browseEvents(db, runId, query)
      } catch (error) {
        notify('error', `The stored events could not be read: ${describeError(error)}`)
        return null
      }
    },

    takeOver: () => ctx.deps.lock.takeOver(),
    dismissNotice: () => set({ notice: null }),
  }
}
