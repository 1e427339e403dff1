/**
 * A lesson driven through the app's store, as the lesson view drives it: predict, run to the
 * step's end, explain, go on, come back. The claims the golden test checks on a headless run
 * must hold on the run the app shows, too.
 */
import { describe, expect, it } from 'vitest'
import { checkClaim, lessons } from '../scenarios/lessons'
import type { Scheduler } from './player'
import type { AppStore } from './store'
import { lessonWorld } from './lesson-world'
import { profile, until } from './test-support'
import { reader } from './test-support'

/** Wall time runs 40 ms per reading, so a step playing at its slow lesson speed ends quickly. */
const fast: Scheduler = (() => {
  let wall = 0
  return { now: () => (wall += 40), later: (f) => void setTimeout(f, 0) }
})()

function tab(): AppStore {
  return profile().tab(reader, fast)
}

const lesson = lessons[0]!
const progress = (store: AppStore) => {
  const p = store.getState().lesson
  if (p?.kind !== 'open') throw new Error(`no lesson open: ${JSON.stringify(p)}`)
  return p
}
const explained = (store: AppStore) =>
  until(store, (s) => s.lesson?.kind === 'open' && s.lesson.phase === 'explained')

function claimsOnScreen(store: AppStore) {
  const world = lessonWorld(store.getState())
  if (!world) throw new Error('no run on screen')
  const step = lesson.steps[progress(store).step]!
  return step.claims.map((c) => checkClaim(c, world))
}

describe('a lesson in the app', () => {
  it('waits at the step start for a prediction, then plays to the step end and explains', async () => {
    const store = tab()
    store.getState().openLessonStep(lesson.id, null)
    expect(progress(store)).toMatchObject({ step: 0, phase: 'predict' })
    expect(store.getState().frame?.now).toBe(0)
    store.getState().answerStep(1)
    store.getState().runStep()
    expect(progress(store).phase).toBe('running')
    await explained(store)
    const step = lesson.steps[0]!
    expect(store.getState().frame?.now).toBe(step.at)
    expect(progress(store)).toMatchObject({ answers: { [step.id]: 1 }, explained: [step.id] })
    expect(store.getState().picked?.position).toBe(step.evidence?.position)
    for (const claim of claimsOnScreen(store)) expect(claim.holds, claim.text).toBe(true)
  })

  it('continues the same run in the next step, and shows a step seen before as it ended', async () => {
    const store = tab()
    const [first, second] = lesson.steps
    store.getState().openLessonStep(lesson.id, first!.id)
    store.getState().finishStep()
    await explained(store)
    store.getState().openLessonStep(lesson.id, second!.id)
    expect(progress(store)).toMatchObject({ step: 1, phase: 'predict' })
    expect(store.getState().frame?.now).toBe(first!.at)
    store.getState().runStep()
    await explained(store)
    expect(store.getState().frame?.now).toBe(second!.at)
    for (const claim of claimsOnScreen(store)) expect(claim.holds, claim.text).toBe(true)
    // Back a step: explained at once, where it ended, without asking again.
    store.getState().openLessonStep(lesson.id, first!.id)
    await explained(store)
    expect(store.getState().frame?.now).toBe(first!.at)
    store.getState().replayStep()
    expect(progress(store).phase).toBe('predict')
    expect(store.getState().frame?.now).toBe(0)
  })

  it('holds every claim of every step on the run the app shows', async () => {
    for (const l of lessons) {
      const store = tab()
      for (const step of l.steps) {
        store.getState().openLessonStep(l.id, step.id)
        store.getState().finishStep()
        await explained(store)
        const world = lessonWorld(store.getState())!
        for (const claim of step.claims) {
          const checked = checkClaim(claim, world)
          expect(checked.holds, `${l.id}/${step.id}: ${checked.text}`).toBe(true)
        }
      }
    }
  }, 60_000)

  it('ignores a prediction out of range or after the run, and says so for an unknown lesson', async () => {
    const store = tab()
    store.getState().openLessonStep(lesson.id, null)
    store.getState().answerStep(99)
    expect(progress(store).answers).toEqual({})
    store.getState().finishStep()
    await explained(store)
    store.getState().answerStep(0)
    expect(progress(store).answers).toEqual({})
    store.getState().openLessonStep('no-such-lesson', null)
    expect(store.getState().lesson).toEqual({ kind: 'unknown', id: 'no-such-lesson' })
  })
})
