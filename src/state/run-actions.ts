import {
  buildResult,
  formatProblems,
  parseInterventions,
  parseScenario,
  type Intervention,
  type InterventionInput,
  type InterventionOutcome,
  type Scenario,
  type ScenarioProblem,
  type Simulation,
} from '../core'
import { getRun, RunSession, StorageError, type Restored } from '../persistence'
import { buildFrame } from './frame'
import { Player } from './player'
import { fasterSpeed, slowerSpeed } from './speeds'
import { decodeShare, encodeShare } from './share'
import { summarize, type RunSummary } from './summary'
import type { AppState, Context, RunStatus, TickInfo } from './types'

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

/** The actions that start, reopen and drive runs: playback, time travel and interventions. */
/**
 * While playing, the timelines' trace is read at most every TRACE_EVERY_MS (wall ms), and less
 * often the more copies it holds (drawing 10,000 of them costs tens of ms): one more interval per
 * TRACE_SENDS_PER_STEP copies.
 */
const TRACE_EVERY_MS = 200
const TRACE_SENDS_PER_STEP = 5000

export function runActions(set: Set, get: Get, ctx: Context) {
  /** The summary of the end the player shows, computed once per end. */
  let summaryOf: { player: Player; list: readonly Intervention[]; summary: RunSummary } | null =
    null
  /** The learner did something: the next change redraws the panels even while computing. */
  let redraw = false
  let tracedAt = -Infinity
  /**
   * The state of the run when the trace was last read. A change that moved none of it (a save
   * that finished, a pause where the last read was already current) does not read it again: for
   * a 100,000-event run one read and its redraw cost seconds.
   */
  let traced: TraceStamp | null = null

  const status = (
    player: Player,
    name: string,
    runId: number | null,
    restored: Restored | null,
  ): RunStatus => {
    const sim = player.sim
    const divergence = player.session?.divergence
    if (divergence)
      return {
        kind: 'error',
        message: `This saved run cannot be reopened exactly: ${divergence.reason}. Its stored events are unchanged; export it to look at them.`,
      }
    const tick: TickInfo = {
      now: sim.now,
      bound: sim.bound,
      events: sim.head(),
      saved: player.savedHead,
      catchingUp: player.session?.catchingUp ?? false,
    }
    if (sim.done && player.mode === 'paused') {
      if (summaryOf?.player !== player || summaryOf.list !== sim.interventions)
        summaryOf = {
          player,
          list: sim.interventions,
          summary: summarize(buildResult(sim), (id) => describeProjection(sim.scenario, id)),
        }
      return { kind: 'done', summary: summaryOf.summary, runId, restored, tick }
    }
    const kind = player.mode === 'running' ? 'running' : ctx.stopped ? 'stopped' : 'open'
    return { kind, name, runId, restored, tick }
  }

  const open = (
    source: RunSession | Scenario,
    name: string,
    runId: number | null,
    restored: Restored | null,
  ): Player => {
    ctx.player?.dispose()
    ctx.cancelEstimate?.()
    ctx.cancelEstimate = null
    ctx.stopped = false
    ctx.deps.lastRun.set(runId)
    const player: Player = new Player(
      source instanceof RunSession ? source : { scenario: source },
      {
        onChange: (what) => {
          if (ctx.player !== player) return
          if (what === 'speed')
            return set((s) => ({ frame: s.frame && { ...s.frame, speed: player.speed } }))
          const run = status(player, name, runId, restored)
          // Computing ahead (Run to the end, or to a time), the panels hold still, marked busy,
          // and only the progress line moves: redrawing them as the run flies past cost a long
          // frame each time (bench/input-latency.ts). They show where it stops.
          // What the learner does shows at once all the same.
          if (run.kind === 'running' && !redraw) return set({ run })
          redraw = false
          const saved = player.savedHead
          // The timelines redraw from the trace when it moved, at most every TRACE_EVERY_MS
          // while playing (a busy run's trace is tens of thousands of marks); their cursor
          // follows every frame on its own.
          const wall = ctx.deps.scheduler?.now() ?? performance.now()
          const every = TRACE_EVERY_MS * (1 + player.sim.log.sends / TRACE_SENDS_PER_STEP)
          const due = player.mode !== 'playing' || wall - tracedAt >= every
          const retrace = due && !sameStamp(traced, player.sim)
          if (retrace) {
            tracedAt = wall
            traced = stampOf(player.sim)
          }
          set((s) => ({
            run,
            frame: buildFrame(player),
            traceVersion: retrace ? s.traceVersion + 1 : s.traceVersion,
            // The list changes only when more is saved: it is not re-rendered every frame.
            runs:
              saved === null || s.runs.every((r) => r.id !== runId || r.events === saved)
                ? s.runs
                : s.runs.map((r) =>
                    r.id === runId ? { ...r, events: saved, clock: player.sim.now } : r,
                  ),
          }))
          if (run.kind === 'done' && runId !== null && !ctx.announced) {
            ctx.announced = true
            void player.settled().then(() => ctx.refresh().then(() => ctx.deps.channel?.post()))
          }
        },
        onSaveFailed: (error) => {
          if (ctx.player === player) set({ unsaved: unsavedReason(error) })
        },
      },
      ctx.deps.scheduler,
    )
    ctx.player = player
    ctx.announced = false
    tracedAt = -Infinity
    traced = stampOf(player.sim)
    set((s) => ({
      unsaved: null,
      run: status(player, name, runId, restored),
      frame: buildFrame(player),
      traceVersion: s.traceVersion + 1,
      picked: null,
      estimate: null,
    }))
    return player
  }

  ctx.openInMemory = (scenario) => open(scenario, scenario.name, null, null)

  const start = async (
    toEnd: boolean,
    interventions: readonly Intervention[] = [],
  ): Promise<Player | null> => {
    const parsed = parseScenario(get().scenario)
    if (!parsed.ok) {
      set({
        run: {
          kind: 'error',
          message: `This scenario cannot run: ${formatProblems(parsed.problems)}`,
        },
      })
      return null
    }
    const scenario = parsed.scenario
    let player: Player
    if (!ctx.db || !ctx.writer) player = open(scenario, scenario.name, null, null)
    else {
      try {
        const session = await RunSession.start(ctx.db, scenario, undefined, { timeTravel: true })
        player = open(session, scenario.name, session.runId, null)
        await ctx.refresh()
        ctx.deps.channel?.post()
      } catch (error) {
        player = open(scenario, scenario.name, null, null)
        set({ unsaved: unsavedReason(error) })
      }
    }
    if (interventions.length > 0) player.timeline.setInterventions(interventions)
    if (toEnd) player.runTo()
    return player
  }

  /**
   * Applies `f` to the player of the run on screen, if there is one. What the learner does shows
   * in the next frame, even while a run computes ahead (when its own progress does not redraw
   * the panels).
   */
  const withPlayer =
    (f: (p: Player) => void, { redraws = true } = {}) =>
    () => {
      const player = ctx.player
      if (!player) return
      ctx.stopped = false
      if (redraws) redraw = true
      f(player)
    }

  return {
    loadScenario: (scenario: AppState['scenario']) => set({ scenario }),

    runScenario: async () => void (await start(true)),
    startScenario: async () => void (await start(false)),

    /** The link to the run on screen at the instant shown (the hash, without '#'). */
    shareLink: async (): Promise<string | null> => {
      const player = ctx.player
      if (!player) return null
      const run = await encodeShare({
        scenario: player.sim.scenario,
        interventions: player.sim.interventions,
      })
      return `${run}&at=${Math.round(player.sim.now * 1000) / 1000}`
    },

    /**
     * Opens the run a shared link holds, at the instant it was shared. A damaged or hostile link
     * opens nothing of it: the message says why and the current scenario stays.
     */
    openLink: async (hash: string): Promise<void> => {
      const decoded = await decodeShare(hash, (raw, scenario) => {
        const parsed = parseInterventions(raw, scenario)
        return parsed.ok
          ? { ok: true, value: parsed.interventions }
          : {
              ok: false,
              message: `its interventions are not valid: ${formatProblems(parsed.problems)}`,
            }
      })
      if (decoded === null) return
      if (!decoded.ok)
        return set({ linkError: { text: decoded.message, problems: decoded.problems ?? [] } })
      set({ linkError: null, scenario: decoded.value.scenario })
      const at = Number(/(?:^|[#&])at=([0-9.]+)(?:&|$)/.exec(hash)?.[1] ?? NaN)
      const player = await start(false, decoded.value.interventions)
      player?.runTo(Number.isFinite(at) ? at : Infinity)
    },

    dismissLinkError: () => set({ linkError: null }),

    openRun: async (id: number) => {
      const db = ctx.db
      if (!db) return
      const record = await getRun(db, id).catch(() => undefined)
      if (!record)
        return set({ notice: { tone: 'error', text: `Run ${id} is not saved here any more.` } })
      const restored = { head: record.head, clock: record.clock, status: record.status }
      let player: Player
      if (!ctx.writer) {
        ctx.player?.dispose()
        player = open(record.scenario, record.name, null, restored)
        player.timeline.setInterventions(record.interventions ?? [])
      } else {
        try {
          const session = await RunSession.reopen(db, id, { timeTravel: true })
          player = open(session, record.name, id, session.restored)
        } catch (error) {
          return set({ run: { kind: 'error', message: describeError(error) } })
        }
      }
      // Back to where it was shown; a run that had finished is shown at its end.
      player.runTo(record.status === 'running' ? record.clock : Infinity)
    },

    stopRun: () => {
      const player = ctx.player
      if (!player || player.mode !== 'running') return
      ctx.stopped = true
      player.pause()
    },

    continueRun: withPlayer((p) => p.runTo()),
    play: withPlayer((p) => p.play()),
    pause: withPlayer((p) => p.pause()),
    yieldToInput: () => ctx.player?.yieldToInput(),
    togglePlay: withPlayer((p) => (p.mode === 'paused' ? p.play() : p.pause())),
    stepForward: withPlayer((p) => p.stepForward()),
    stepBack: withPlayer((p) => p.stepBack()),
    jumpToStart: withPlayer((p) => p.seek(0)),
    jumpToEnd: withPlayer((p) => p.runTo()),
    // A speed change redraws the speed alone (see onChange).
    faster: withPlayer((p) => p.setSpeed(fasterSpeed(p.speed)), { redraws: false }),
    slower: withPlayer((p) => p.setSpeed(slowerSpeed(p.speed)), { redraws: false }),
    undo: withPlayer((p) => p.undo()),
    redo: withPlayer((p) => p.redo()),

    seek: (time: number) => withPlayer((p) => p.seek(time))(),
    setSpeed: (speed: number) => withPlayer((p) => p.setSpeed(speed), { redraws: false })(),
    act: (input: InterventionInput): ActResult => {
      const player = ctx.player
      if (!player) return { ok: false, problems: [{ path: '', message: 'no run is open' }] }
      const sim = player.sim
      // The same check as a shared link's: nothing a learner types reaches the engine unchecked.
      const checked = parseInterventions([{ ...input, at: sim.now, step: sim.steps }], sim.scenario)
      if (!checked.ok)
        return {
          ok: false,
          problems: checked.problems.map((p) => ({
            path: p.path.replace(/^interventions\[0\]\.?/, ''),
            message: p.message,
          })),
        }
      ctx.stopped = false
      redraw = true
      return { ok: true, outcome: player.act(input) }
    },
  }
}

export type ActResult =
  | { readonly ok: true; readonly outcome: InterventionOutcome }
  | { readonly ok: false; readonly problems: readonly ScenarioProblem[] }

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

/** What the trace of a run depends on, in a few numbers and the list of interventions. */
interface TraceStamp {
  readonly sim: Simulation
  readonly steps: number
  readonly seq: number
  readonly now: number
  readonly cursor: number
  readonly interventions: readonly Intervention[]
}

function stampOf(sim: Simulation): TraceStamp {
  const { steps, seq, now, cursor, interventions } = sim
  return { sim, steps, seq, now, cursor, interventions }
}

/** Whether the run is where it was when `stamp` was taken (a fork replaces the list). */
function sameStamp(stamp: TraceStamp | null, sim: Simulation): boolean {
  return (
    stamp !== null &&
    stamp.sim === sim &&
    stamp.steps === sim.steps &&
    stamp.seq === sim.seq &&
    stamp.now === sim.now &&
    stamp.cursor === sim.cursor &&
    stamp.interventions === sim.interventions
  )
}
