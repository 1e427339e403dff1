import type { ScenarioInput } from '../../core'
import type { Lesson } from './types'

/**
 * Lesson 5, from source text 004: read models fed at least once and in no particular order, as by
 * a background job queue. Four read models get the very same scripted deliveries (pairs reversed,
 * a creation replayed after its deletion); only the handler differs. naive and idempotent are
 * caught out by order, order-tolerant keeps one rule per field (newest by timestamp, set once,
 * minimum and maximum, soft delete), and ordered restores order from positions.
 */

const commands = [
  { at: 0, type: 'ChangeName', data: { userId: 'u1', name: 'Anna Smith' } },
  { at: 10, type: 'ChangeName', data: { userId: 'u1', name: 'Anna Jones' } },
  // The location is not known at first (empty), then decided; after that it never changes.
  { at: 20, type: 'DecideWarehouse', data: { warehouseId: 'w1', location: '', size: 120 } },
  { at: 30, type: 'DecideWarehouse', data: { warehouseId: 'w1', location: 'Poznań', size: 120 } },
  // Dates as numbers, year-month-day, so that they read as dates and compare as numbers.
  { at: 40, type: 'PublishEvent', data: { eventId: 'e1', publishedAt: 20240301 } },
  { at: 50, type: 'PublishEvent', data: { eventId: 'e1', publishedAt: 20240305 } },
  { at: 60, type: 'CreateThing', data: { id: 'x' } },
  { at: 70, type: 'DeleteThing', data: { id: 'x' } },
]

type Delivery = { readonly position: number; readonly at: number }

/** The pairs arrive reversed; the thing is created, deleted, and its creation replayed. */
const replayed: readonly Delivery[] = [
  { position: 2, at: 100 }, // "Anna Jones" overtakes "Anna Smith"
  { position: 1, at: 140 },
  { position: 4, at: 200 }, // the location, then the empty decision late
  { position: 3, at: 240 },
  { position: 6, at: 300 }, // the later publication first
  { position: 5, at: 340 },
  { position: 7, at: 400 }, // x created...
  { position: 8, at: 450 }, // ...deleted...
  { position: 7, at: 500 }, // ...and the creation processed again: its acknowledgement was lost
]

/** The same, except that the deletion overtakes the creation, which arrives once. */
const deletionFirst: readonly Delivery[] = [
  ...replayed.slice(0, 6),
  { position: 8, at: 400 },
  { position: 7, at: 450 },
]

const HANDLERS = ['naive', 'idempotent', 'order-tolerant', 'ordered'] as const

/** One read model per handler, every one fed the very same deliveries. */
function handlersOver(script: readonly Delivery[]): ScenarioInput['projections'] {
  return HANDLERS.map((handler) => ({
    id: handler,
    handler,
    // The newest name is told by the timestamp kept beside it, as in the source text.
    ...(handler === 'order-tolerant' ? { newestBy: 'timestamp' as const } : {}),
    delivery: { mode: 'push' as const, guarantee: 'at-least-once' as const, ackTimeout: 5000 },
    link: { script: [...script] },
  }))
}

export const outOfOrderReplay: ScenarioInput = {
  format: 'eventually.scenario/v1',
  name: 'Out of order, at least once: four handlers',
  description:
    'A name, a warehouse, a publication and a thing, delivered reversed and replayed, identically to four read models with different handlers.',
  seed: 4,
  domain: 'profiles',
  until: 1000,
  commands,
  projections: handlersOver(replayed),
}

export const outOfOrderDeletionFirst: ScenarioInput = {
  format: 'eventually.scenario/v1',
  name: 'Out of order: the deletion overtakes the creation',
  description:
    'As before, except that thing x is deleted before its creation arrives: remembering positions no longer helps, a tombstone still does.',
  seed: 4,
  domain: 'profiles',
  until: 1000,
  commands,
  projections: handlersOver(deletionFirst),
}

const nameIs = (name: string) => ({ name })
const warehouse = (location: string) => ({ location, size: 120 })
const published = (first: number, last: number) => ({
  firstPublishedAt: first,
  lastPublishedAt: last,
})

export const outOfOrderLesson: Lesson = {
  id: 'out-of-order',
  title: 'Out of order, at least once',
  source: '004',
  summary:
    'A name changed twice, a location set once, a first publication, a deletion replayed: the same deliveries to four handlers.',
  minutes: 9,
  compare: 'handlers',
  steps: [
    {
      id: 'a-name-reversed',
      title: 'A name changed twice, delivered in reverse',
      setup:
        'Anna changes her name from **Anna Smith** to **Anna Jones**: `NameChanged #1` at 0 ms, `NameChanged #2` at 10 ms. Four read models get the very same deliveries, like jobs on a queue that promises at least once but no order: #2 lands at 100 ms, #1 at 140 ms. Only their [[handler|handlers]] differ: **naive**, **idempotent**, **order-tolerant** and **ordered**.',
      scenario: outOfOrderReplay,
      at: 170,
      predict: {
        question: 'What name does naive show at 170 ms?',
        choices: [
          { text: 'Anna Jones, the newest' },
          { text: 'Anna Smith, the one that arrived last', correct: true },
          { text: 'No name: it refuses the late event' },
        ],
      },
      explain:
        'naive applies each copy as it comes, so the late `NameChanged #1` overwrote the newer name: an `out-of-order-overwrite` [[anomaly]]. idempotent did the same, as there was no [[duplicate]] to skip.\n\norder-tolerant keeps, beside the name, the timestamp of the event that set it, and ignores an older event: Anna Jones stayed. ordered held #2 [[buffered]] until #1 came, then applied both in order.',
      evidence: { position: 1, label: 'NameChanged #1 landing at 140 ms, after #2' },
      claims: [
        { kind: 'out-of-order', projection: 'naive', present: true },
        {
          kind: 'anomaly',
          type: 'out-of-order-overwrite',
          projection: 'naive',
          present: true,
        },
        { kind: 'row', projection: 'naive', key: 'user/u1', equals: nameIs('Anna Smith') },
        { kind: 'row', projection: 'idempotent', key: 'user/u1', equals: nameIs('Anna Smith') },
        {
          kind: 'row',
          projection: 'order-tolerant',
          key: 'user/u1',
          equals: nameIs('Anna Jones'),
        },
        { kind: 'row', projection: 'ordered', key: 'user/u1', equals: nameIs('Anna Jones') },
        { kind: 'truth', key: 'user/u1', equals: nameIs('Anna Jones') },
      ],
    },
    {
      id: 'set-once',
      title: 'A value set once',
      setup:
        'Warehouse **w1** is decided twice: first with its size but an empty location (not known yet), then with the location **Poznań**. Once set, a location never changes: the write model refuses to move it.\n\nThe decisions arrive reversed: #4 with Poznań at 200 ms, #3 with the empty location at 240 ms.',
      scenario: outOfOrderReplay,
      at: 270,
      predict: {
        question: 'What location does naive hold once both decisions have landed?',
        choices: [
          { text: 'Poznań' },
          { text: 'An empty one: the late decision wiped Poznań out', correct: true },
          { text: 'No row: the second decision is refused' },
        ],
      },
      explain:
        'naive copied each decision over the row, so the late, empty one erased Poznań. order-tolerant treats the location as **set once**: an empty value only holds the place, the first real value fills it, and nothing that arrives later can replace it.\n\nThat rule needs no timestamp and no position. It is right in any order because the value, by the rules of the business, is only ever set once.',
      evidence: { position: 3, label: 'The empty decision #3, landing last' },
      claims: [
        { kind: 'row', projection: 'naive', key: 'warehouse/w1', equals: warehouse('') },
        {
          kind: 'row',
          projection: 'order-tolerant',
          key: 'warehouse/w1',
          equals: warehouse('Poznań'),
        },
        { kind: 'truth', key: 'warehouse/w1', equals: warehouse('Poznań') },
      ],
    },
    {
      id: 'first-publication',
      title: 'The first publication: a minimum',
      setup:
        'Event **e1** is published on 1 March 2024 (`20240301`) and again on 5 March (`20240305`). Its row shows when it was first published and when last. The later publication, #6, arrives first, at 300 ms; #5 follows at 340 ms.',
      scenario: outOfOrderReplay,
      at: 370,
      predict: {
        question: 'What does naive record as the first publication?',
        choices: [
          { text: '20240301, the earlier date' },
          { text: '20240305, the first to arrive', correct: true },
          { text: 'Nothing: the two dates conflict' },
        ],
      },
      explain:
        'In order, the first publication is the first one seen. naive trusted arrival order and got both dates backwards: first 5 March, last 1 March.\n\norder-tolerant keeps the smallest date it has seen as the first and the largest as the last. A minimum or a maximum ignores both order and repeats, so any arrival order gives 1 March and 5 March.',
      evidence: { position: 5, label: 'EventPublished #5 landing after #6' },
      claims: [
        {
          kind: 'row',
          projection: 'naive',
          key: 'event/e1',
          equals: published(20240305, 20240301),
        },
        {
          kind: 'row',
          projection: 'order-tolerant',
          key: 'event/e1',
          equals: published(20240301, 20240305),
        },
        { kind: 'truth', key: 'event/e1', equals: published(20240301, 20240305) },
      ],
    },
    {
      id: 'create-delete-create',
      title: 'Created, deleted, created again',
      setup:
        'Thing **x** is created (#7) and deleted (#8), and the copies land in order, at 400 and 450 ms. At 500 ms the creation lands again: the queue had processed it, lost the acknowledgement and ran the job once more. It is a [[duplicate]] of the old creation, not a new one.',
      scenario: outOfOrderReplay,
      at: 550,
      predict: {
        question: 'Which read models show x after 500 ms?',
        choices: [
          { text: 'None: x was deleted' },
          { text: 'Only naive', correct: true },
          { text: 'naive and idempotent' },
          { text: 'All four' },
        ],
      },
      explain:
        'naive had removed the row at 450 ms, so the replayed creation made it again: a `resurrection`. The other three skipped the copy, since each remembers that position 7 was applied.\n\norder-tolerant also deletes softly: x stays behind as a hidden row marked deleted, a tombstone. A hard delete forgets the row ever existed; a soft delete remembers, so even a late creation it never saw could not bring x back.',
      evidence: { position: 7, label: 'ThingCreated #7, landing again at 500 ms' },
      claims: [
        { kind: 'anomaly', type: 'resurrection', projection: 'naive', present: true },
        { kind: 'anomaly', type: 'resurrection', projection: 'idempotent', present: false },
        { kind: 'duplicate', projection: 'order-tolerant', present: true },
        { kind: 'row', projection: 'naive', key: 'thing/x', equals: {} },
        { kind: 'row', projection: 'idempotent', key: 'thing/x', equals: null },
        { kind: 'row', projection: 'order-tolerant', key: 'thing/x', equals: null },
        { kind: 'row', projection: 'ordered', key: 'thing/x', equals: null },
        { kind: 'truth', key: 'thing/x', equals: null },
      ],
    },
    {
      id: 'the-ordered-alternative',
      title: 'The ordered alternative',
      setup:
        'The patterns so far make each field safe in any order, with one rule per field. The other way is to put the events back in order. **ordered** remembers the last position it applied, its [[checkpoint]], and applies only the next one: an early copy waits [[buffered]], and a copy at or below the checkpoint is skipped.\n\nThe run goes on to its end.',
      scenario: outOfOrderReplay,
      at: Infinity,
      predict: {
        question: 'Which read models end equal to the truth?',
        choices: [
          { text: 'All four: nothing is in flight any more' },
          { text: 'order-tolerant and ordered', correct: true },
          { text: 'Only ordered' },
          { text: 'Only order-tolerant' },
        ],
      },
      explain:
        'naive ends wrong in four rows and idempotent in three: skipping duplicates does not fix order. order-tolerant and ordered both [[converged]] at 450 ms, by two routes.\n\nordered paid in [[lag]]: `NameChanged #2` waited buffered from 100 to 140 ms, and a gap that stays open must be fetched from the store. order-tolerant paid in bookkeeping: a timestamp, a minimum or a tombstone per field, and a rule to choose for each.',
      evidence: { position: 2, label: 'NameChanged #2, held by ordered until #1 arrived' },
      claims: [
        { kind: 'converged', projection: 'naive', converged: false },
        { kind: 'converged', projection: 'idempotent', converged: false },
        { kind: 'converged', projection: 'order-tolerant', converged: true },
        { kind: 'converged', projection: 'ordered', converged: true },
        { kind: 'anomaly', type: 'diverged', projection: 'naive', present: true },
        { kind: 'anomaly', type: 'diverged', projection: 'idempotent', present: true },
        { kind: 'anomaly', type: 'out-of-order-overwrite', projection: 'ordered', present: false },
        { kind: 'out-of-order', projection: 'ordered', present: true },
        { kind: 'row', projection: 'ordered', key: 'user/u1', equals: nameIs('Anna Jones') },
        { kind: 'row', projection: 'ordered', key: 'warehouse/w1', equals: warehouse('Poznań') },
        {
          kind: 'row',
          projection: 'ordered',
          key: 'event/e1',
          equals: published(20240301, 20240305),
        },
      ],
    },
  ],
  tryIt: [
    {
      text: 'Here the deletion of x overtakes its creation, which arrives only once: remembering positions no longer saves idempotent, and the tombstone still keeps x away in order-tolerant.',
      scenario: outOfOrderDeletionFirst,
    },
    {
      text: 'Replace the script with a link that reorders half the messages and duplicates one in five, then try a few seeds: which handlers stay equal to the truth?',
      scenario: outOfOrderReplay,
    },
  ],
}
