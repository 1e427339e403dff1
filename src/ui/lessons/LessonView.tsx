import { useEffect, useRef } from 'react'
import { lessonById, lessons, type Lesson } from '../../scenarios/lessons'
import { useApp, useShallow, type LessonProgress } from '../../state/store'
import { useShortcuts } from '../playback/shortcuts'
import { Playground } from '../playground/Playground'
import { navigate, routeHash } from '../route/route'
import { LessonsIndex } from './LessonsIndex'
import { Prose } from './Prose'
import { Explanation, PredictionBox, StepActions } from './StepParts'
import { TryIt } from './TryIt'
import './lessons.css'

export type OpenProgress = Extract<LessonProgress, { kind: 'open' }>

const stepRoute = (lesson: Lesson, index: number) => ({
  view: 'lesson' as const,
  lesson: lesson.id,
  step: lesson.steps[index]?.id ?? null,
})

/**
 * A guided lesson: the steps on one side (predict, run, see why), the run on the other, and a
 * link for every step. The URL says which step is shown, so Back and Forward, a table of
 * contents and a step's link all go through the same door (`openLessonStep`).
 */
export function LessonView({ lessonId, stepId }: { lessonId: string; stepId: string | null }) {
  const openLessonStep = useApp((s) => s.openLessonStep)
  const closeLesson = useApp((s) => s.closeLesson)
  useEffect(() => {
    openLessonStep(lessonId, stepId)
  }, [openLessonStep, lessonId, stepId])
  useEffect(() => closeLesson, [closeLesson])
  const progress = useApp((s) => s.lesson)
  const lesson = progress?.kind === 'open' ? lessonById(progress.id) : undefined
  // A lesson's link without a step (or with one that is not there) opens a step: the address
  // says which, so that it can be shared as it is.
  const shownId = progress?.kind === 'open' ? lesson?.steps[progress.step]?.id : undefined
  useEffect(() => {
    if (!lesson || shownId === undefined) return
    if (stepId !== null && lesson.steps.some((s) => s.id === stepId)) return
    history.replaceState(
      history.state,
      '',
      routeHash({ view: 'lesson', lesson: lesson.id, step: shownId }),
    )
  }, [lesson, shownId, stepId])
  if (progress?.kind === 'unknown')
    return (
      <div className="lesson-missing">
        <p role="alert" className="notice error">
          There is no lesson called “{progress.id}”. These are the lessons there are:
        </p>
        <LessonsIndex />
      </div>
    )
  if (progress?.kind !== 'open' || !lesson) return null
  return <OpenLesson lesson={lesson} progress={progress} />
}

function OpenLesson({ lesson, progress }: { lesson: Lesson; progress: OpenProgress }) {
  const step = lesson.steps[progress.step]
  const actions = useApp(useShallow((s) => ({ runStep: s.runStep, finishStep: s.finishStep })))
  const last = progress.step === lesson.steps.length - 1
  const headingRef = useRef<HTMLHeadingElement>(null)
  const endRef = useRef<HTMLElement>(null)
  const playing = useApp((s) => s.frame?.mode === 'playing' || s.run.kind === 'running')

  // A new step takes the focus to its heading when the focus was in the lesson (keyboard users
  // and screen readers start reading it); a presenter's remote keeps working either way.
  const shownStep = `${lesson.id}/${progress.step}`
  useEffect(() => {
    const active = document.activeElement
    if (active === document.body || active?.closest('.lesson-panel'))
      headingRef.current?.focus({ preventScroll: true })
  }, [shownStep])

  const advance = () => {
    if (progress.phase === 'predict') return actions.runStep()
    if (progress.phase === 'running') return actions.finishStep()
    if (!last) return navigate(stepRoute(lesson, progress.step + 1))
    endRef.current?.focus()
  }
  const back = () => {
    if (progress.step > 0) navigate(stepRoute(lesson, progress.step - 1))
  }
  useShortcuts({ nextStep: advance, previousStep: back })

  if (!step) return null
  const index = lessons.indexOf(lesson)
  return (
    <div className="lesson-page">
      <section className="lesson-panel" aria-labelledby="lesson-title">
        <header className="lesson-header">
          <p className="eyebrow">
            Lesson {index + 1} of {lessons.length} · from source text {lesson.source}
          </p>
          <h2 id="lesson-title">{lesson.title}</h2>
          <Contents lesson={lesson} progress={progress} />
        </header>
        <article className="lesson-step" aria-labelledby="step-title">
          <h3 id="step-title" ref={headingRef} tabIndex={-1}>
            <span className="step-count">
              Step {progress.step + 1} of {lesson.steps.length}:
            </span>{' '}
            {step.title}
          </h3>
          <Prose text={step.setup} />
          {step.predict && <PredictionBox step={step} progress={progress} />}
          <StepActions step={step} progress={progress} playing={playing} />
          {progress.phase === 'explained' && <Explanation step={step} progress={progress} />}
          <nav className="step-nav" aria-label="Lesson steps">
            {progress.step > 0 ? (
              <a href={routeHash(stepRoute(lesson, progress.step - 1))} rel="prev">
                ← Previous step <kbd>Page Up</kbd>
              </a>
            ) : (
              <span />
            )}
            {!last && (
              <a href={routeHash(stepRoute(lesson, progress.step + 1))} rel="next">
                Next step <kbd>Page Down</kbd> →
              </a>
            )}
          </nav>
        </article>
        {last && progress.phase === 'explained' && <TryIt lesson={lesson} endRef={endRef} />}
      </section>
      <div className="lesson-run">
        <Playground />
      </div>
    </div>
  )
}

/** Every step of the lesson as a link: done ones ticked, the current one marked. */
function Contents({ lesson, progress }: { lesson: Lesson; progress: OpenProgress }) {
  return (
    <details className="lesson-contents">
      <summary>Contents</summary>
      <ol>
        {lesson.steps.map((s, i) => (
          <li key={s.id}>
            <a
              href={routeHash(stepRoute(lesson, i))}
              aria-current={i === progress.step ? 'step' : undefined}
            >
              {s.title}
              {progress.explained.includes(s.id) && (
                <span className="done" aria-label=" (done)">
                  {' '}
                  ✓
                </span>
              )}
            </a>
          </li>
        ))}
      </ol>
    </details>
  )
}
