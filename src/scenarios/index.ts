import type { ScenarioInput } from '../core'
import { bookstoreOversell, bookstoreReadRepair } from './bookstore-oversell'
import { largePush } from './large-push'
import { outOfOrder } from './out-of-order'
import { readAfterWrite } from './read-after-write'

export { bookstoreOversell, bookstoreReadRepair, largePush, outOfOrder, readAfterWrite }

export { load } from './load'

export const defaultScenario: ScenarioInput = readAfterWrite

/** The fixtures a learner can pick on the first page, in the order of the lessons. */
export const builtIns: readonly { readonly id: string; readonly scenario: ScenarioInput }[] = [
  { id: 'read-after-write', scenario: readAfterWrite },
  { id: 'out-of-order', scenario: outOfOrder },
  { id: 'bookstore-oversell', scenario: bookstoreOversell },
  { id: 'bookstore-read-repair', scenario: bookstoreReadRepair },
]

export { comparisons, comparisonById, type Comparison, type ComparisonVariant } from './comparisons'
