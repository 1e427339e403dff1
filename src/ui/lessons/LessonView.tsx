import { useEffect, useId, useMemo, useRef } from 'react'
import {
  checkClaim,
  lessonById,
  lessons,
  type Lesson,
  type LessonStep,
} from '../../scenarios/lessons'
import { lessonWorld } from '../../state/lesson-world'
import { appStore, useApp, useShallow, type LessonProgress } from '../../state/store'
import { formatMs } from '../format'
import { useShortcuts } from '../playback/shortcuts'
import { Playground } from '../playground/Playground'
import { navigate, routeHash } from '../route/route'
import { LessonsIndex } from './LessonsIndex'
import { Prose } from './Prose'
import './lessons.css'

type OpenProgress = Extract<LessonProgress, { kind: 'open' }>

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

function PredictionBox({ step, progress }: { step: LessonStep; progress: OpenProgress }) {
  const answerStep = useApp((s) => s.answerStep)
  const name = useId()
  const predict = step.predict
  if (!predict) return null
  const chosen = progress.answers[step.id]
  const locked = progress.phase !== 'predict'
  return (
    <fieldset className="prediction" disabled={locked}>
      <legend>Predict: {predict.question}</legend>
      {predict.choices.map((choice, i) => {
        const reveal = progress.phase === 'explained'
        const mark = reveal && choice.correct ? 'correct' : reveal && chosen === i ? 'wrong' : ''
        return (
          <label key={i} className={`choice ${mark}`}>
            <input type="radio" name={name} checked={chosen === i} onChange={() => answerStep(i)} />
            <span>
              {choice.text}
              {mark === 'correct' && <span className="verdict">✓ what the run did</span>}
            </span>
          </label>
        )
      })}
    </fieldset>
  )
}

function StepActions({
  step,
  progress,
  playing,
}: {
  step: LessonStep
  progress: OpenProgress
  playing: boolean
}) {
  const { runStep, finishStep, replayStep } = useApp(
    useShallow((s) => ({
      runStep: s.runStep,
      finishStep: s.finishStep,
      replayStep: s.replayStep,
    })),
  )
  const until = step.at === Infinity ? 'the end of the run' : formatMs(step.at)
  if (progress.phase === 'predict')
    return (
      <div className="step-actions">
        <button type="button" className="primary" onClick={runStep} aria-keyshortcuts="PageDown">
          Run to {until}
        </button>
        <button type="button" onClick={finishStep}>
          Show the result at once
        </button>
      </div>
    )
  if (progress.phase === 'running')
    return (
      <div className="step-actions">
        <p className="running-note" role="status">
          {playing ? `Running to ${until}…` : `Paused before ${until}.`}
        </p>
        {!playing && (
          <button type="button" className="primary" onClick={runStep}>
            Go on
          </button>
        )}
        <button type="button" onClick={finishStep} aria-keyshortcuts="PageDown">
          Skip to {until}
        </button>
      </div>
    )
  return (
    <div className="step-actions">
      <button type="button" onClick={replayStep}>
        Replay this step
      </button>
    </div>
  )
}

/** What happened and why, the learner's prediction judged, and the facts measured in the run. */
function Explanation({ step, progress }: { step: LessonStep; progress: OpenProgress }) {
  const traceVersion = useApp((s) => s.traceVersion)
  const now = useApp((s) => s.frame?.now)
  const pickEvent = useApp((s) => s.pickEvent)
  const checked = useMemo(() => {
    void traceVersion
    void now
    const world = lessonWorld(appStore.getState())
    return world ? step.claims.map((c) => checkClaim(c, world)) : []
  }, [step, traceVersion, now])
  const chosen = progress.answers[step.id]
  const choices = step.predict?.choices
  const right = chosen !== undefined && choices?.[chosen]?.correct === true
  const showEvidence = () => {
    const evidence = step.evidence
    const event =
      evidence &&
      appStore
        .getState()
        .readTrace()
        ?.events.find((e) => e.position === evidence.position)
    if (event) pickEvent({ position: event.position, key: event.key })
    document.querySelector('.timelines')?.scrollIntoView({ block: 'start' })
  }
  const ref = useRef<HTMLElement>(null)
  // Shown, it scrolls into the panel's view: on a projector the setup above may fill the screen.
  useEffect(() => {
    const el = ref.current
    const panel = el?.closest<HTMLElement>('.lesson-panel')
    // Beside the run, the panel scrolls on its own: bring the explanation to its top (the class
    // has read the setup). Stacked on a narrow screen, the page is left where it is.
    if (el && panel && panel.scrollHeight > panel.clientHeight && el.offsetParent === panel)
      panel.scrollTop = el.offsetTop - 8
  }, [step])
  return (
    <section
      className="explanation"
      aria-labelledby="explanation-heading"
      aria-live="polite"
      ref={ref}
    >
      <h4 id="explanation-heading">What happened</h4>
      {choices && (
        <p className={`judgement ${right ? 'right' : 'wrong'}`}>
          {chosen === undefined
            ? 'You did not predict this time.'
            : right
              ? 'Your prediction was right.'
              : `Not quite: you predicted “${choices[chosen]?.text ?? ''}”.`}
        </p>
      )}
      <Prose text={step.explain} />
      {step.evidence && (
        <p className="evidence">
          On the timeline: <b>{step.evidence.label}</b>, picked and highlighted.{' '}
          <button type="button" onClick={showEvidence}>
            Show on the timeline
          </button>
        </p>
      )}
      <h5>Measured in this run</h5>
      <ul className="claims">
        {checked.map((c, i) => (
          <li key={i} className={c.holds ? 'holds' : 'fails'}>
            <span aria-hidden="true">{c.holds ? '✓' : '✗'}</span> {c.text}
          </li>
        ))}
      </ul>
    </section>
  )
}

function TryIt({
  lesson,
  endRef,
}: {
  lesson: Lesson
  endRef: React.RefObject<HTMLElement | null>
}) {
  const { loadScenario, startScenario } = useApp(
    useShallow((s) => ({ loadScenario: s.loadScenario, startScenario: s.startScenario })),
  )
  const open = (scenario: Lesson['tryIt'][number]['scenario']) => {
    loadScenario(scenario)
    navigate({ view: 'playground' })
    void startScenario()
  }
  const next = lessons[lessons.indexOf(lesson) + 1]
  return (
    <section className="try-it" aria-labelledby="try-it-heading" ref={endRef} tabIndex={-1}>
      <h3 id="try-it-heading">Try it yourself</h3>
      <ul>
        {lesson.tryIt.map((t, i) => (
          <li key={i}>
            <p>{t.text}</p>
            <button type="button" onClick={() => open(t.scenario)}>
              Open “{t.scenario.name}” in the playground
            </button>
          </li>
        ))}
      </ul>
      {lesson.compare && (
        <p>
          <a href={routeHash({ view: 'compare', id: lesson.compare })}>
            See the options side by side
          </a>
        </p>
      )}
      {next && (
        <p>
          Next lesson:{' '}
          <a href={routeHash({ view: 'lesson', lesson: next.id, step: null })}>{next.title}</a>
        </p>
      )}
    </section>
  )
}
