import type { RefObject } from 'react'
import { lessons, type Lesson } from '../../scenarios/lessons'
import { useApp, useShallow } from '../../state/store'
import { navigate, routeHash } from '../route/route'

export function TryIt({
  lesson,
  endRef,
}: {
  lesson: Lesson
  endRef: RefObject<HTMLElement | null>
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
