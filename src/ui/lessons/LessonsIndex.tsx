import { lessons } from '../../scenarios/lessons'
import { routeHash } from '../route/route'

/** The guided lessons, in course order: where a learner who just arrived should start. */
export function LessonsIndex({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  const Title = headingLevel === 2 ? 'h3' : 'h4'
  return (
    <section className="lessons-index" aria-labelledby="lessons-heading">
      <Heading id="lessons-heading">Lessons</Heading>
      <p>
        Each lesson asks you to predict what a run will do, runs it, and shows on the timeline why
        it did. Use Page Down and Page Up (or a presenter remote) to move through it.
      </p>
      <ol className="lesson-cards">
        {lessons.map((lesson, i) => (
          <li key={lesson.id} className="lesson-card">
            <Title>
              <a href={routeHash({ view: 'lesson', lesson: lesson.id, step: null })}>
                {i + 1}. {lesson.title}
              </a>
            </Title>
            <p>{lesson.summary}</p>
            <p className="lesson-meta">
              {lesson.steps.length} steps · about {lesson.minutes} minutes
            </p>
          </li>
        ))}
      </ol>
    </section>
  )
}
