import { useEffect, useId, useMemo, useRef } from 'react'
import { checkClaim, type LessonStep } from '../../scenarios/lessons'
import { lessonWorld } from '../../state/lesson-world'
import { appStore, useApp, useShallow } from '../../state/store'
import { formatMs } from '../format'
import type { OpenProgress } from './LessonView'
import { Prose } from './Prose'

/** The parts of a step: the prediction, the buttons that run it, and what happened. */

export function PredictionBox({ step, progress }: { step: LessonStep; progress: OpenProgress }) {
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

export function StepActions({
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
export function Explanation({ step, progress }: { step: LessonStep; progress: OpenProgress }) {
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
