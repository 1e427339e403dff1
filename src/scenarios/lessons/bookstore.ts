import type { ScenarioInput } from '../../core'
import type { Lesson } from './types'

/**
 * Lesson 2, from source text 001: a bookstore grows from one shop with one ledger (every sale
 * decided on the write model: strong), to branches that ask a master register before each sale
 * (strong again, paid for in waiting, and worse when the link is cut), to tills that sell from a
 * shelf view counted once a night (eventual: fast, until a book that is gone is sold), and read
 * repair, which checks the ledger at the moment of the sale and refuses it.
 */

type CommandSpecInput = NonNullable<ScenarioInput['commands']>[number]
type Via = NonNullable<CommandSpecInput['via']>

const stock = (at: number, store: string, qty: number): CommandSpecInput => ({
  at,
  type: 'StockBook',
  data: { store, isbn: 'isbn-1', qty },
  client: 'office',
})

const sell = (at: number, store: string, client: string, via?: Via): CommandSpecInput => ({
  at,
  type: 'SellBook',
  data: { store, isbn: 'isbn-1' },
  client,
  ...(via ? { via } : {}),
})

/** One shop: both tills decide on the ledger itself. The shelf view follows it, unasked. */
export const bookstoreOneStore: ScenarioInput = {
  format: 'eventually.scenario/v1',
  name: 'Bookstore: one store, one ledger',
  description: 'Two tills sell the last copy of a book, both decided on the write model itself.',
  seed: 1,
  domain: 'bookstore',
  until: 2000,
  commands: [stock(0, 's1', 1), sell(1000, 's1', 'till-1'), sell(1010, 's1', 'till-2')],
  projections: [
    {
      id: 'shelf',
      handler: 'order-tolerant',
      delivery: { mode: 'push', guarantee: 'at-least-once', ackTimeout: 200 },
      link: { latency: { dist: 'constant', value: 20 } },
    },
  ],
}

/**
 * A branch decides each sale through a strong read of its copy of the master register, over a
 * link of 300 ms each way; from 2500 to 5000 ms the link is cut, and sales wait out the timeout.
 */
export const bookstoreMasterRegister: ScenarioInput = {
  format: 'eventually.scenario/v1',
  name: 'Bookstore: a branch asks the master register',
  description:
    'The north branch asks the master register before every sale: over a slow link, then over a cut one.',
  seed: 1,
  domain: 'bookstore',
  until: 6000,
  commands: [
    stock(0, 'north', 5),
    ...[1000, 3000, 3100, 3200].map((at) =>
      sell(at, 'north', 'till-north', { projection: 'north', mode: 'strong', timeout: 1000 }),
    ),
  ],
  projections: [
    {
      id: 'north',
      handler: 'order-tolerant',
      delivery: { mode: 'push', guarantee: 'at-least-once', ackTimeout: 1000 },
      link: { latency: { dist: 'constant', value: 300 } },
    },
  ],
  faults: [{ type: 'partition', projection: 'north', from: 2500, to: 5000 }],
}

/**
 * A day is 10 s: the shelf view pulls from the ledger only each "night" (every 10,000 ms). Two
 * copies are stocked on day one; on day two three tills sell, the third through `mode`.
 */
function nightlyCount(mode: 'eventual' | 'read-repair'): ScenarioInput {
  return {
    format: 'eventually.scenario/v1',
    name: `Bookstore: a nightly count, the third sale through ${mode === 'eventual' ? 'the shelf view' : 'read repair'}`,
    description:
      'Tills sell from a shelf view that is counted once a night; a day lasts 10 seconds.',
    seed: 1,
    domain: 'bookstore',
    until: 25000,
    commands: [
      stock(5000, 's1', 2),
      sell(12000, 's1', 'till-1', { projection: 'shelf', mode: 'eventual' }),
      sell(13000, 's1', 'till-2', { projection: 'shelf', mode: 'eventual' }),
      sell(16000, 's1', 'till-3', { projection: 'shelf', mode }),
    ],
    projections: [
      {
        id: 'shelf',
        handler: 'order-tolerant',
        delivery: { mode: 'pull', interval: 10000, batch: 100 },
        link: { latency: { dist: 'constant', value: 20 } },
      },
    ],
  }
}

export const bookstoreNightly = nightlyCount('eventual')
export const bookstoreNightlyRepair = nightlyCount('read-repair')

export const bookstoreLesson: Lesson = {
  id: 'bookstore',
  title: 'The bookstore',
  source: '001',
  summary:
    'One shop with one ledger, branches that ask a master register, a nightly count that sells a book that is gone, and read repair that catches it.',
  minutes: 10,
  compare: 'read-modes',
  steps: [
    {
      id: 'one-store',
      title: 'One store, one ledger',
      setup:
        'The first shop keeps one ledger, and every sale is decided on it directly: the ledger is the [[write model]]. A shelf view ([[projection]]) follows it, but no till asks the view.\n\nOne copy of a book is in stock. At 1000 ms a customer buys it at till-1; ten milliseconds later another customer asks for the same book at till-2.',
      scenario: bookstoreOneStore,
      at: Infinity,
      predict: {
        question: 'What happens to the sale at till-2?',
        choices: [
          { text: 'It goes through, and the stock drops to -1' },
          { text: 'It is refused: the book is no longer in stock', correct: true },
          { text: 'It waits until the shelf view has caught up' },
        ],
      },
      explain:
        'Both sales were decided on the same ledger, always up to date, so the second one saw the first: till-2 was refused with `book not in stock`. That is [[strong consistency]]: no decision is ever taken on data that is out of date. It comes easily while the whole business sits in one place. The next steps spread it out.',
      evidence: { position: 2, label: 'BookSold #2: till-1 takes the last copy' },
      claims: [
        { kind: 'rejected', type: 'SellBook', client: 'till-1', present: false },
        { kind: 'rejected', type: 'SellBook', client: 'till-2', present: true },
        { kind: 'truth', key: 's1/isbn-1', equals: { stock: 0 } },
        { kind: 'anomaly', type: 'decision-on-stale-data', present: false },
      ],
    },
    {
      id: 'master-register',
      title: 'A branch asks the master register',
      setup:
        'Business booms and a branch opens in the north. The master register stays at the first shop; the north till holds a copy of it (the **north** [[projection]]) over a slow [[link]], 300 ms each way.\n\nTo stay strongly consistent, the till decides each sale through a **strong** [[read mode|read]]: it asks the master for anything new, then decides. A customer pays at 1000 ms.',
      scenario: bookstoreMasterRegister,
      at: 2000,
      predict: {
        question: 'When is the sale made at 1000 ms recorded?',
        choices: [
          { text: 'At once, at 1000 ms' },
          { text: 'At 1300 ms, after one trip to the master' },
          { text: 'At 1600 ms, after a trip there and back', correct: true },
        ],
      },
      explain:
        "The till's question crossed the link to the master and the answer crossed back: two messages and 600 ms before the sale could be decided. The answer was up to date, so the decision was right, but the customer stood at the till all that time. Every sale at every branch pays this round trip, and the slower the link, the longer the queue.",
      evidence: { position: 2, label: 'BookSold #2, appended at 1600 ms after the round trip' },
      claims: [
        { kind: 'decision-wait', command: 1, minWait: 600, maxWait: 600, timedOut: false },
        { kind: 'decision', command: 1, fresh: true },
        { kind: 'truth', key: 'north/isbn-1', equals: { stock: 4 } },
      ],
    },
    {
      id: 'master-out-of-reach',
      title: 'The master out of reach',
      setup:
        'At 2500 ms the link to the north branch is cut: a [[partition]] that lasts until 5000 ms. Three customers pay at 3000, 3100 and 3200 ms. Each sale still asks the master first, and the till waits at most one second for an answer.',
      scenario: bookstoreMasterRegister,
      at: Infinity,
      predict: {
        question: 'What happens to the three customers at the north till?',
        choices: [
          { text: 'They are served at once from the branch copy' },
          {
            text: 'Each waits a full second, then the till sells from its own copy',
            correct: true,
          },
          { text: 'Their sales are refused until the link is back' },
        ],
      },
      explain:
        'The questions were lost in the partition, so each customer waited the full second, and the sales were recorded at 4000, 4100 and 4200 ms. Giving up, the till answered from its own copy, which missed the sales the master had recorded meanwhile: the checker marks [[stale read|stale reads]]. Stock was plentiful, so no harm followed this time. Cut off from the master, a till can only keep waiting or decide on old data.',
      evidence: { position: 3, label: 'BookSold #3, decided at 4000 ms after a second of waiting' },
      claims: [
        { kind: 'decision-wait', command: 2, minWait: 1000, maxWait: 1000, timedOut: true },
        { kind: 'decision-wait', command: 4, minWait: 1000, maxWait: 1000, timedOut: true },
        { kind: 'decision', command: 4, fresh: false },
        { kind: 'anomaly', type: 'stale-read', projection: 'north', present: true },
        { kind: 'anomaly', type: 'decision-on-stale-data', present: false },
        { kind: 'rejected', type: 'SellBook', present: false },
      ],
    },
    {
      id: 'nightly-count',
      title: 'Count the shelves at night',
      setup:
        'Another way: every till sells straight from a shelf view, and the books are counted once a night. Here a day lasts 10 seconds: the shelf view [[pull|pulls]] from the ledger only at night, a [[poll interval]] of 10,000 ms.\n\nTwo copies arrive at 5 s and the night count at 10 s records them. On day two, customers buy a copy at 12 s and another at 13 s.',
      scenario: bookstoreNightly,
      at: 15000,
      predict: {
        question: 'At 15 s, after the two sales, how many copies does the shelf view show?',
        choices: [{ text: 'Two', correct: true }, { text: 'One' }, { text: 'None' }],
      },
      explain:
        'Each sale was decided at once, with no trip to anyone: fast, and open even if the ledger were far away. But the shelf view still shows 2 while the ledger holds 0, and its [[staleness]] grows all day until the next count. The second sale already read a view one sale behind. It still decided right, since a copy was left.',
      evidence: { position: 3, label: 'BookSold #3 at 13 s, not yet on the shelf view' },
      claims: [
        { kind: 'row', projection: 'shelf', key: 's1/isbn-1', equals: { stock: 2 } },
        { kind: 'truth', key: 's1/isbn-1', equals: { stock: 0 } },
        { kind: 'decision-wait', command: 2, maxWait: 0 },
        { kind: 'decision', command: 2, fresh: false },
        { kind: 'anomaly', type: 'stale-read', projection: 'shelf', present: true },
        { kind: 'anomaly', type: 'decision-on-stale-data', present: false },
      ],
    },
    {
      id: 'the-oversell',
      title: 'A book that is not there',
      setup:
        'At 16 s a third customer asks for the same book at till-3. The shelf view, counted last night, still shows two copies, and the till decides the sale on it as before.',
      scenario: bookstoreNightly,
      at: Infinity,
      predict: {
        question: 'What does till-3 do?',
        choices: [
          { text: 'Refuses: no copy is left' },
          { text: 'Sells it, and the ledger drops to -1', correct: true },
          { text: 'Waits for the night count' },
        ],
      },
      explain:
        'The view said 2, so the sale went through, though both copies were gone: a [[stale read]] became a wrong decision, which the checker pins as an [[anomaly]], a decision on stale data. At the count at 20 s the view catches up to -1 and agrees with the ledger again ([[converged]]), and the count reveals a book sold that did not exist. [[eventual consistency|Eventual consistency]] promises that the copies agree in the end, not that each decision made before then is right.',
      evidence: { position: 4, label: 'BookSold #4: the copy that was not there' },
      claims: [
        { kind: 'anomaly', type: 'decision-on-stale-data', projection: 'shelf', present: true },
        { kind: 'rejected', type: 'SellBook', present: false },
        { kind: 'truth', key: 's1/isbn-1', equals: { stock: -1 } },
        { kind: 'row', projection: 'shelf', key: 's1/isbn-1', equals: { stock: -1 } },
        { kind: 'converged', projection: 'shelf', converged: true },
      ],
    },
    {
      id: 'read-repair',
      title: 'Check before you sell: read repair',
      setup:
        "The same day once more, with one change: till-3 decides through [[read repair]]. Before deciding, it fetches the book's [[stream]] from the ledger; if the shelf view's row is behind, the row is fixed first. The first two tills still sell straight from the view.",
      scenario: bookstoreNightlyRepair,
      at: 19000,
      predict: {
        question: 'What happens to the sale at till-3 now?',
        choices: [
          { text: 'It goes through: the shelf view still shows two copies' },
          { text: 'It is refused: the repaired row shows none left', correct: true },
          { text: 'It waits for the night count at 20 s' },
        ],
      },
      explain:
        'The fetch found the row two sales behind and folded the stream into it, and the repaired row said 0: the sale was refused with `book not in stock`. The check cost one round trip, 40 ms, on this sale only. The fix stays for the next reader: the shelf view matched the ledger from 16 s, long before the night. Consistency is checked where a wrong answer costs money; every other read stays cheap.',
      evidence: { position: 3, label: 'BookSold #3, brought in by the repair at 16 s' },
      claims: [
        { kind: 'rejected', type: 'SellBook', client: 'till-3', present: true },
        { kind: 'decision', command: 3, fresh: true },
        { kind: 'decision-wait', command: 3, minWait: 40, maxWait: 40 },
        { kind: 'anomaly', type: 'decision-on-stale-data', present: false },
        { kind: 'row', projection: 'shelf', key: 's1/isbn-1', equals: { stock: 0 } },
        { kind: 'converged', projection: 'shelf', converged: true },
      ],
    },
  ],
  tryIt: [
    {
      text: 'Give the north branch a fast link (30 ms each way) and see what a strong sale costs then.',
      scenario: bookstoreMasterRegister,
    },
    {
      text: 'Count the shelves every second instead of every night (a poll interval of 1000 ms) and see whether the third sale still goes through.',
      scenario: bookstoreNightly,
    },
    {
      text: 'Let till-1 and till-2 use read repair too, and count the round trips the day costs.',
      scenario: bookstoreNightlyRepair,
    },
  ],
}
