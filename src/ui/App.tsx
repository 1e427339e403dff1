import { useEffect, useState } from 'react'
import { selectLinkError, selectRun, useApp } from '../state/store'
import { CompareView } from './compare/CompareView'
import { GlossaryButton, useGlossaryShortcut } from './glossary/GlossaryButton'
import { GlossaryPanel } from './glossary/GlossaryPanel'
import { LessonsIndex } from './lessons/LessonsIndex'
import { LessonView } from './lessons/LessonView'
import { SavedRuns } from './library/SavedRuns'
import { Playground } from './playground/Playground'
import { RunControls } from './run/RunControls'
import { RunProgress } from './run/RunProgress'
import { RunSummaryView } from './run/RunSummaryView'
import { ScenarioPicker } from './run/ScenarioPicker'
import { isPresenter, setPresenter } from './presenter'
import { useRoute, type Route } from './route/route'
import { StorageStatus } from './storage/StorageStatus'
import './app.css'

/** Any key or pointer press lets the next frame paint its effect before the run computes on. */
function useInputFirst(): void {
  const yieldToInput = useApp((s) => s.yieldToInput)
  useEffect(() => {
    const options = { capture: true, passive: true }
    window.addEventListener('keydown', yieldToInput, options)
    window.addEventListener('pointerdown', yieldToInput, options)
    return () => {
      window.removeEventListener('keydown', yieldToInput, options)
      window.removeEventListener('pointerdown', yieldToInput, options)
    }
  }, [yieldToInput])
}

/**
 * The page. It subscribes to nothing that changes while a run plays or computes (the run's
 * progress changes every frame): each part below subscribes to what it shows, so a frame of
 * progress re-renders the progress line, not the whole playground.
 */
export function App() {
  const open = useApp((s) => s.frame !== null)
  const route = useRoute()
  useInputFirst()
  useGlossaryShortcut()
  const wide = open || route.view === 'lesson'
  return (
    <main
      className={route.view === 'compare' ? 'compare-open' : wide ? 'playground-open' : undefined}
    >
      <header className="top">
        <h1>Eventually</h1>
        <Views route={route} />
        <div className="top-actions">
          <GlossaryButton />
          <PresenterToggle />
        </div>
      </header>
      {route.view === 'lesson' ? (
        <LessonView lessonId={route.lesson} stepId={route.step} />
      ) : route.view === 'lessons' ? (
        <LessonsIndex />
      ) : route.view === 'compare' ? (
        <CompareView id={route.id} />
      ) : (
        <PlaygroundPage />
      )}
      <GlossaryPanel />
    </main>
  )
}

/** The free playground: pick or share a scenario, run it, act on it, keep it. */
function PlaygroundPage() {
  // Until a run is open, the page is a front door: the lessons first, then any scenario.
  const open = useApp((s) => s.frame !== null)
  return (
    <>
      <p className="lede">
        A playground that makes eventual consistency visible: commands become events, a simulated
        network delivers them late, twice or out of order, and you watch the read models catch up.
        New here? Start with the <a href="#lessons">lessons</a>.
      </p>
      <LinkError />
      {!open && <LessonsIndex />}
      <StorageStatus />
      <ScenarioPicker />
      <RunControls />
      <Progress />
      <Playground />
      <Outcome />
      <SavedRuns />
    </>
  )
}

/** The app's views: the guided lessons, the free playground and the comparisons. */
function Views({ route }: { route: Route }) {
  const current = (on: boolean) => (on ? ('page' as const) : undefined)
  return (
    <nav aria-label="Views" className="views">
      <a
        href="#lessons"
        aria-current={current(route.view === 'lessons' || route.view === 'lesson')}
      >
        Lessons
      </a>
      <a href="#" aria-current={current(route.view === 'playground')}>
        Playground
      </a>
      <a href="#compare=push-pull" aria-current={current(route.view === 'compare')}>
        Compare
      </a>
    </nav>
  )
}

/** How far a run computing toward its end got, and a way to stop it or go on. */
function Progress() {
  const run = useApp(selectRun)
  const shown =
    run.kind === 'running' ||
    run.kind === 'stopped' ||
    // A run reopened before its end comes back paused: say how far it got, offer Continue.
    (run.kind === 'open' && run.restored !== null)
  return shown ? <RunProgress run={run} /> : null
}

/** The result at the end of a run, or why it could not run. */
function Outcome() {
  const kind = useApp((s) => s.run.kind)
  const run = useApp((s) => (kind === 'done' || kind === 'error' ? s.run : null))
  if (run?.kind === 'done') return <RunSummaryView run={run} />
  if (run?.kind === 'error')
    return (
      <p role="alert" className="error">
        {run.message}
      </p>
    )
  return null
}

/** Larger type for a projector; remembered for the tab. */
function PresenterToggle() {
  const [on, setOn] = useState(isPresenter)
  return (
    <button
      type="button"
      aria-pressed={on}
      onClick={() => {
        setPresenter(!on)
        setOn(!on)
      }}
    >
      Presenter mode
    </button>
  )
}

/** Why the link the page was opened with was not opened: in words, never as markup. */
function LinkError() {
  const error = useApp(selectLinkError)
  const dismiss = useApp((s) => s.dismissLinkError)
  if (!error) return null
  return (
    <div role="alert" className="notice error" data-testid="link-error">
      <p>{error.text} The scenario chosen below is open instead.</p>
      {error.problems.length > 0 && (
        <ul>
          {error.problems.map((p, i) => (
            <li key={i}>{p.path ? `${p.path}: ${p.message}` : p.message}</li>
          ))}
        </ul>
      )}
      <button type="button" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  )
}
