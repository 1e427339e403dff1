import { describe, expect, it } from 'vitest'
import { simulate } from '../../core'
import { load } from '../load'
import { checkClaim } from './claims'
import { lessons } from './index'
import type { Lesson, LessonStep } from './types'
import { worldAt } from './world'

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/

/** Every distinct scenario of a lesson, in order of first use. */
function scenariosOf(lesson: Lesson) {
  return [
    ...new Set([...lesson.steps.map((s) => s.scenario), ...lesson.tryIt.map((t) => t.scenario)]),
  ]
}

describe('the lessons', () => {
  it('come one or more from each source text, with unique URL-safe ids', () => {
    // Five source texts (../shared/seeds): 000 to 004.
    for (const lesson of lessons)
      expect(['000', '001', '002', '003', '004']).toContain(lesson.source)
    expect(new Set(lessons.map((l) => l.id)).size).toBe(lessons.length)
    for (const lesson of lessons) {
      expect(lesson.id).toMatch(SLUG)
      const ids = lesson.steps.map((s) => s.id)
      for (const id of ids) expect(id).toMatch(SLUG)
      expect(new Set(ids).size).toBe(ids.length)
      expect(lesson.tryIt.length).toBeGreaterThan(0)
    }
  })
})

describe.each(lessons.map((l) => [l.title, l] as const))('lesson "%s"', (_, lesson) => {
  it('asks predictions with exactly one correct answer, in plain text', () => {
    const asked = lesson.steps.filter((s) => s.predict)
    expect(asked.length).toBeGreaterThanOrEqual(Math.ceil(lesson.steps.length / 2))
    for (const step of asked) {
      const predict = step.predict
      expect(predict?.choices.filter((c) => c.correct).length, step.id).toBe(1)
      // Shown as text, not prose: markup would show as it is.
      for (const text of [predict?.question, ...(predict?.choices ?? []).map((c) => c.text)])
        expect(text, step.id).not.toMatch(/`|\*\*|\[\[/)
    }
  })

  it('continues a run only from a step that stopped before its end', () => {
    lesson.steps.forEach((step, i) => {
      const before = lesson.steps[i - 1]
      if (before?.scenario === step.scenario) expect(before.at, step.id).toBeLessThan(step.at)
    })
  })

  it('relies on anomalies that its runs actually show', () => {
    const present = lesson.steps.flatMap((s) =>
      s.claims.filter((c) => c.kind === 'anomaly' && c.present),
    )
    expect(present.length).toBeGreaterThan(0)
  })

  it.each(lesson.steps.map((s) => [s.id, s] as const))(
    'step "%s": every claim holds in the run at the step\'s end',
    (_, step: LessonStep) => {
      expect(step.claims.length).toBeGreaterThan(0)
      const world = worldAt(step.scenario, step.at)
      const failed = step.claims
        .map((claim) => ({ claim, ...checkClaim(claim, world) }))
        .filter((c) => !c.holds)
        .map((c) => `${JSON.stringify(c.claim)}\n  the run shows: ${c.text}`)
      expect(failed).toEqual([])
      if (step.evidence)
        expect(world.trace.events.map((e) => e.position)).toContain(step.evidence.position)
    },
  )

  it('keeps the same trace for every scenario it runs (golden)', () => {
    const golden = scenariosOf(lesson).map((input) => {
      const r = simulate(load(input))
      return {
        name: input.name,
        traceHash: r.traceHash,
        anomalies: [...new Set(r.anomalies.map((a) => `${a.projection}: ${a.type}`))].sort(),
      }
    })
    expect(golden).toMatchSnapshot()
  })
})
