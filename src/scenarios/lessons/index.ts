import { bankLesson } from './bank'
import { bookstoreLesson } from './bookstore'
import { outOfOrderLesson } from './out-of-order'
import { readAfterWriteLesson } from './read-after-write'
import { servicesLesson } from './services'
import type { Lesson } from './types'

export type { Lesson, LessonStep, Prediction, Choice, Claim, Evidence, Prose, TryIt } from './types'
export { checkClaim, rowText, type CheckedClaim, type LessonWorld } from './claims'

/** The guided lessons, in the order a course would take them. */
export const lessons: readonly Lesson[] = [
  readAfterWriteLesson,
  bookstoreLesson,
  servicesLesson,
  bankLesson,
  outOfOrderLesson,
]

export function lessonById(id: string): Lesson | undefined {
  return lessons.find((l) => l.id === id)
}
