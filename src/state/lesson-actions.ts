import { parseScenario, formatProblems } from '../core'
import { lessonById, type Lesson, type LessonStep } from '../scenarios/lessons'
import type { AppState, Context } from './types'

type Set = (partial: Partial<AppState> | ((s: AppState) => Partial<AppState>)) => void
type Get = () => AppState

/**
 * Where a learner is in a lesson: the step shown, its phase, and what they answered and saw so
 * far (kept while they move between steps, so going back shows their answer again).
 *
 * A step is `predict` (the question is asked, the run waits at the step's start), `running`
 * (the run plays to the step's end; pausing on the way keeps it so), then `explained` (the run
 * stands at the step's end, the evidence is picked on the timelines).
 */
export type LessonProgress =
  | {
      readonly kind: 'open'
      readonly id: string
      readonly step: number
      readonly phase: 'predict' | 'running' | 'explained'
      /** The choice answered per step id. */
      readonly answers: Readonly<Record<string, number>>
      /** Steps run to their end at least once. */
      readonly explained: readonly string[]
    }
  | { readonly kind: 'unknown'; readonly id: string }

/** The timelines of a step show its run up to this much past the step's end. */
const STEP_MARGIN = 1.2

/** A step plays for about this long on the wall clock at the speed chosen for it. */
const STEP_WALL_MS = 4000

/** Where a step starts: where the one before ended, when it continues the same run. */
export function stepStart(lesson: Lesson, index: number): number {
  const before = lesson.steps[index - 1]
  const step = lesson.steps[index]
  return before && step && before.scenario === step.scenario ? before.at : 0
}

/** The speed a step plays at: its own, or one that shows its stretch of time in a few seconds. */
export function stepSpeed(step: LessonStep, start: number, until: number): number {
  if (step.speed !== undefined) return step.speed
  const span = (step.at === Infinity ? until : step.at) - start
  return Math.min(100, Math.max(0.1, Math.round((span / STEP_WALL_MS) * 100) / 100))
}

export function lessonActions(set: Set, get: Get, ctx: Context) {
  /** The lesson run on screen: its scenario object, and the player it was opened in. */
  let shown: { scenario: LessonStep['scenario']; player: unknown } | null = null

  const current = () => {
    const progress = get().lesson
    if (progress?.kind !== 'open') return null
    const lesson = lessonById(progress.id)
    const step = lesson?.steps[progress.step]
    return lesson && step ? { progress, lesson, step } : null
  }

  /** The run of a step, opened in memory (lessons do not fill the saved-run library). */
  const ensureRun = (step: LessonStep): boolean => {
    if (shown && shown.scenario === step.scenario && ctx.player && shown.player === ctx.player)
      return true
    const parsed = parseScenario(step.scenario)
    if (!parsed.ok) {
      set({
        run: {
          kind: 'error',
          message: `This lesson's scenario cannot run: ${formatProblems(parsed.problems)}`,
        },
      })
      return false
    }
    const player = ctx.openInMemory(parsed.scenario)
    shown = { scenario: step.scenario, player }
    return true
  }

  const pickEvidence = (step: LessonStep) => {
    const position = step.evidence?.position
    const key =
      position === undefined
        ? undefined
        : get()
            .readTrace()
            ?.events.find((e) => e.position === position)?.key
    get().pickEvent(position !== undefined && key !== undefined ? { position, key } : null)
  }

  /** The run reached the end of the running step: explain it. */
  const reached = () => {
    const at = current()
    if (!at || at.progress.phase !== 'running') return
    const { progress, step } = at
    set({
      lesson: {
        ...progress,
        phase: 'explained',
        explained: progress.explained.includes(step.id)
          ? progress.explained
          : [...progress.explained, step.id],
      },
    })
    pickEvidence(step)
  }

  const goToEnd = (step: LessonStep) => {
    const player = ctx.player
    if (!player) return
    if (step.at === Infinity) player.runTo()
    else player.seek(step.at)
  }

  return {
    lesson: null as LessonProgress | null,
    timeHint: null as AppState['timeHint'],

    openLessonStep: (id: string, stepId: string | null) => {
      const lesson = lessonById(id)
      if (!lesson) return set({ lesson: { kind: 'unknown', id } })
      const found = stepId === null ? 0 : lesson.steps.findIndex((s) => s.id === stepId)
      const index = Math.max(0, found)
      const step = lesson.steps[index]
      if (!step) return set({ lesson: { kind: 'unknown', id } })
      const before = get().lesson
      const kept = before?.kind === 'open' && before.id === id ? before : null
      const seen = kept?.explained.includes(step.id) ?? false
      if (!ensureRun(step)) return
      const player = ctx.player
      if (!player) return
      const start = stepStart(lesson, index)
      set({
        lesson: {
          kind: 'open',
          id,
          step: index,
          phase: seen ? 'running' : 'predict',
          answers: kept?.answers ?? {},
          explained: kept?.explained ?? [],
        },
        // The timelines show the run from its start to a little past the step's end.
        timeHint: step.at === Infinity ? null : [0, Math.ceil(step.at * STEP_MARGIN)],
      })
      player.setSpeed(stepSpeed(step, start, player.sim.scenario.until))
      // A step seen before comes back as it ended, explained; a new one waits at its start.
      if (seen) goToEnd(step)
      else {
        player.seek(start)
        get().pickEvent(null)
      }
    },

    answerStep: (choice: number) => {
      const at = current()
      if (!at || at.progress.phase !== 'predict') return
      const { progress, step } = at
      if (!step.predict || choice < 0 || choice >= step.predict.choices.length) return
      set({ lesson: { ...progress, answers: { ...progress.answers, [step.id]: choice } } })
    },

    runStep: () => {
      const at = current()
      const player = ctx.player
      if (!at || !player || at.progress.phase === 'explained') return
      set({ lesson: { ...at.progress, phase: 'running' } })
      player.playTo(at.step.at)
    },

    /** Straight to the step's end, without watching it play. */
    finishStep: () => {
      const at = current()
      if (!at || at.progress.phase === 'explained') return
      set({ lesson: { ...at.progress, phase: 'running' } })
      goToEnd(at.step)
    },

    /** Back to the step's start, to predict and watch it again. */
    replayStep: () => {
      const at = current()
      const player = ctx.player
      if (!at || !player) return
      set({ lesson: { ...at.progress, phase: 'predict' } })
      player.seek(stepStart(at.lesson, at.progress.step))
      get().pickEvent(null)
    },

    closeLesson: () => {
      if (get().lesson !== null || get().timeHint !== null) set({ lesson: null, timeHint: null })
    },

    /** Called on every change of the store: a running step that reached its end is explained. */
    watchLesson: (s: AppState) => {
      const progress = s.lesson
      if (progress?.kind !== 'open' || progress.phase !== 'running') return
      const step = lessonById(progress.id)?.steps[progress.step]
      const now = s.frame?.now
      if (!step || now === undefined || s.run.kind === 'running') return
      if (s.run.kind === 'done' || now >= step.at) reached()
    },
  }
}
