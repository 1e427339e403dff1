import type { ScenarioInput } from '../../core'
import type { Lesson } from './types'

/**
 * Lesson 4, from source text 003: a bank account kept as transactions, with the balance as a
 * read model. Three read models at three distances (a view in the same database, a service
 * across the network fed by push, a report that pulls on an interval) show that separation sets
 * how long a copy lags; then a lost acknowledgement makes the broker deliver a deposit twice,
 * which a naive handler counts twice and an idempotent one skips, while the write model, which
 * never reads a read model, refuses an overdraft either way.
 */

const open = { at: 0, type: 'OpenAccount', data: { id: 'acc-1', owner: 'Ada' }, client: 'ada' }
const deposit = (at: number, amount: number) => ({
  at,
  type: 'Deposit',
  data: { id: 'acc-1', amount },
  client: 'ada',
})

/** Three read models of one ledger, each further from the store than the last. */
export const bankDistances: ScenarioInput = {
  format: 'eventually.scenario/v1',
  name: 'A bank: one ledger, three read models',
  description:
    'Ada opens an account, deposits and withdraws; a view in the same database, a statement service fed by push and a report that pulls every second follow the store.',
  seed: 3,
  domain: 'bank',
  until: 2500,
  commands: [
    open,
    deposit(100, 100),
    { at: 200, type: 'Withdraw', data: { id: 'acc-1', amount: 30 }, client: 'ada' },
    deposit(1500, 50),
  ],
  projections: [
    {
      // A view in the same database: the copy is all but immediate.
      id: 'balance-view',
      delivery: { mode: 'push', guarantee: 'at-least-once', ackTimeout: 200 },
      link: { latency: { dist: 'constant', value: 1 } },
    },
    {
      // A separate service behind a broker, across a network.
      id: 'statements',
      delivery: { mode: 'push', guarantee: 'at-least-once', ackTimeout: 400 },
      link: { latency: { dist: 'lognormal', median: 60, sigma: 0.4 } },
    },
    {
      // A separate service that asks for "events after my checkpoint" once a second.
      id: 'monthly-report',
      delivery: { mode: 'pull', interval: 1000, batch: 100 },
      link: { latency: { dist: 'constant', value: 20 } },
    },
  ],
  reads: [
    { at: 1505, projection: 'balance-view', key: 'acc-1', client: 'ada' },
    { at: 1505, projection: 'statements', key: 'acc-1', client: 'ada' },
    { at: 1700, projection: 'statements', key: 'acc-1', client: 'ada' },
    { at: 1700, projection: 'monthly-report', key: 'acc-1', client: 'ada' },
  ],
}

const pushed = (id: string, handler: 'naive' | 'idempotent') =>
  ({
    id,
    handler,
    delivery: { mode: 'push', guarantee: 'at-least-once', ackTimeout: 200 },
    link: { latency: { dist: 'constant', value: 10 } },
  }) as const

/**
 * The deposit's copy lands at 110 ms; a partition from 111 ms cuts off its acknowledgement, so
 * the broker sends it again at 300 ms. The same happens on both links; only the handler differs.
 */
export const bankDuplicate: ScenarioInput = {
  format: 'eventually.scenario/v1',
  name: 'A bank: a deposit delivered twice',
  description:
    'A lost acknowledgement makes the broker deliver a deposit twice to a naive and an idempotent read model; then Ada tries to withdraw more than she has.',
  seed: 3,
  domain: 'bank',
  until: 1000,
  commands: [
    open,
    deposit(100, 100),
    { at: 700, type: 'Withdraw', data: { id: 'acc-1', amount: 150 }, client: 'ada' },
  ],
  projections: [pushed('naive-balance', 'naive'), pushed('idempotent-balance', 'idempotent')],
  faults: (['naive-balance', 'idempotent-balance'] as const).map((projection) => ({
    type: 'partition' as const,
    projection,
    from: 111,
    to: 250,
  })),
  reads: [{ at: 650, projection: 'naive-balance', key: 'acc-1', client: 'ada' }],
}

const ada = (balance: number) => ({ owner: 'Ada', balance })

export const bankLesson: Lesson = {
  id: 'bank',
  title: 'Event sourcing as a bank',
  source: '003',
  summary:
    'Store the transactions, not the balance: read models near and far, pulled and pushed, and a deposit counted twice.',
  minutes: 10,
  compare: 'push-pull',
  steps: [
    {
      id: 'transactions-not-balances',
      title: 'Transactions, not balances',
      setup:
        'Ada opens account **acc-1** at 0 ms, deposits 100 at 100 ms and withdraws 30 at 200 ms. The [[write model]] keeps no balance to overwrite: each accepted command appends one event to the [[event store]] (`AccountOpened`, `Deposited`, `Withdrawn`), like the lines of a bank statement. Three [[read model|read models]] follow the store.',
      scenario: bankDistances,
      at: 400,
      predict: {
        question: 'When Ada withdraws 30, what does the write model store?',
        choices: [
          { text: 'The new balance: 100 is overwritten with 70' },
          {
            text: 'A Withdrawn event with the amount 30; the balance is worked out from the events',
            correct: true,
          },
          { text: 'Nothing yet: it waits until every read model has the new balance' },
        ],
      },
      explain:
        'The store holds three facts and no balance at all. A balance is an answer computed from them: fold the events in order (open, add 100, take 30) and you get 70. That fold is the truth lane, and it is what **balance-view** held once `Withdrawn #3` reached it at 201 ms.\n\nThis is [[event sourcing]]: the events are the record, and every balance, statement or report is a [[projection]] of them, which can be thrown away and rebuilt.',
      evidence: { position: 3, label: 'Withdrawn #3 and its arrows to the read models' },
      claims: [
        { kind: 'truth', key: 'acc-1', equals: ada(70) },
        { kind: 'row', projection: 'balance-view', key: 'acc-1', equals: ada(70) },
        { kind: 'row', projection: 'statements', key: 'acc-1', equals: ada(70) },
      ],
    },
    {
      id: 'near-and-far',
      title: 'A view next door, a service across the network',
      setup:
        'Command-query separation (CQS) says that commands change state and queries only answer: asking must not change the answer. [[CQRS]] takes the split further and gives the queries a store of their own. How far apart is a choice. **balance-view** is a view in the same database: its [[link]] takes 1 ms. **statements** is a separate service, tens of ms away across a network.\n\nAda deposits 50 at 1500 ms and reads her balance from both at 1505 ms.',
      scenario: bankDistances,
      at: 1600,
      predict: {
        question: 'What balance does Ada see at 1505 ms?',
        choices: [
          { text: '120 from both' },
          { text: '120 from balance-view, 70 from statements', correct: true },
          { text: '70 from both: no read model has the deposit yet' },
        ],
      },
      explain:
        'balance-view had `Deposited #4` 1 ms after it was appended and answered 120. The copy to statements was still [[in-flight]]: it landed at 1539 ms, so statements answered 70, a [[stale read]].\n\nBoth are [[eventual consistency|eventually consistent]]; the distance only sets how long the [[staleness]] lasts. Ada even saw 120 and then 70: moving from a near copy to a far one, time seemed to run backwards.',
      evidence: { position: 4, label: 'Deposited #4: 1 ms to balance-view, 39 ms to statements' },
      claims: [
        { kind: 'read', index: 0, found: true, fresh: true },
        { kind: 'read', index: 1, found: true, fresh: false },
        { kind: 'anomaly', type: 'stale-read', projection: 'statements', present: true },
        {
          kind: 'anomaly',
          type: 'monotonic-read-violation',
          projection: 'statements',
          present: true,
        },
        { kind: 'row', projection: 'statements', key: 'acc-1', equals: ada(120) },
      ],
    },
    {
      id: 'pull-or-push',
      title: 'Pull on an interval, push through a broker',
      setup:
        'statements is fed by [[push]]: a broker sends each event on as soon as it is appended. **monthly-report** uses [[pull]]: once a second it asks the store for "the events after position N", where N is its [[checkpoint]], the last position it applied. No broker is needed, only an endpoint that lists events.\n\nAda reads both at 1700 ms.',
      scenario: bankDistances,
      at: Infinity,
      predict: {
        question: 'What do statements and monthly-report show at 1700 ms?',
        choices: [
          { text: '120 from both' },
          { text: '120 from statements, 70 from monthly-report', correct: true },
          { text: '70 from statements, 120 from monthly-report' },
        ],
      },
      explain:
        'monthly-report last polled at 1000 ms and got `Deposited #2` and `Withdrawn #3` in one answer. The deposit of 1500 ms had to wait for the next poll: the store answered it at 2020 ms and the event landed at 2040 ms. Until then monthly-report was one event behind.\n\nPush needs a broker and keeps the [[lag]] short; pull is simpler, and lags by up to about a [[poll interval]]. By the end, all three have [[converged]] on 120.',
      evidence: { position: 4, label: 'Deposited #4 in the answer to the poll at 2000 ms' },
      claims: [
        { kind: 'read', index: 2, found: true, fresh: true },
        { kind: 'read', index: 3, found: true, fresh: false },
        { kind: 'anomaly', type: 'stale-read', projection: 'monthly-report', present: true },
        { kind: 'row', projection: 'monthly-report', key: 'acc-1', equals: ada(120) },
        { kind: 'converged', projection: 'balance-view', converged: true },
        { kind: 'converged', projection: 'statements', converged: true },
        { kind: 'converged', projection: 'monthly-report', converged: true },
      ],
    },
    {
      id: 'a-deposit-twice',
      title: 'A deposit delivered twice',
      setup:
        'A new run. Ada opens acc-1 and deposits 100 at 100 ms. **naive-balance** and **idempotent-balance** get the same pushes, at least once: the broker sends a copy again when no acknowledgement is back within 200 ms. The deposit lands at 110 ms, but a [[partition]] from 111 ms swallows the acknowledgement.\n\nnaive-balance has the [[handler]] every read model had so far: it applies whatever arrives.',
      scenario: bankDuplicate,
      at: 400,
      predict: {
        question:
          'The broker sends Deposited #2 again at 300 ms. What balance does naive-balance show once it lands?',
        choices: [
          { text: '100: it is the same event, so nothing changes' },
          { text: '200: the deposit is counted twice', correct: true },
          { text: '0: the two copies cancel out' },
        ],
      },
      explain:
        'With no acknowledgement back by 300 ms, the broker [[redelivered]] the deposit. From its side that is right: the first copy might have been lost. But naive-balance cannot tell a second copy from a second deposit, so it added 100 again. The checker pins a `duplicate-effect` [[anomaly]] at 310 ms: 200 instead of 100.\n\nAt-least-once means **at least**: a read model must expect every event more than once.',
      evidence: { position: 2, label: 'Deposited #2 and its redelivered copy at 300 ms' },
      claims: [
        { kind: 'duplicate', projection: 'naive-balance', present: true },
        { kind: 'anomaly', type: 'duplicate-effect', projection: 'naive-balance', present: true },
        { kind: 'row', projection: 'naive-balance', key: 'acc-1', equals: ada(200) },
        { kind: 'truth', key: 'acc-1', equals: ada(100) },
      ],
    },
    {
      id: 'remember-positions',
      title: 'Remember what was applied',
      setup:
        'idempotent-balance got the very same two copies of `Deposited #2`. Its handler is [[idempotent]]: it remembers the [[position|positions]] it has applied and skips a copy of one it already has. Every event has its own position in the store, so a position names one fact, however many copies of it travel.',
      scenario: bankDuplicate,
      at: 500,
      predict: {
        question: 'What balance does idempotent-balance show at 500 ms?',
        choices: [
          { text: '100', correct: true },
          { text: '200, like naive-balance' },
          { text: 'Nothing: it refused both copies' },
        ],
      },
      explain:
        'The redelivered copy reached idempotent-balance at 310 ms and was skipped: position 2 was already applied, so the balance stayed 100, equal to the truth. The position does what a unique key does in a database: the same fact can arrive twice but count once.\n\nThe fix lives entirely in the read model. The broker and the write model did not change.',
      evidence: { position: 2, label: 'The copy of Deposited #2 skipped at 310 ms' },
      claims: [
        { kind: 'duplicate', projection: 'idempotent-balance', present: true },
        {
          kind: 'anomaly',
          type: 'duplicate-effect',
          projection: 'idempotent-balance',
          present: false,
        },
        { kind: 'row', projection: 'idempotent-balance', key: 'acc-1', equals: ada(100) },
        { kind: 'converged', projection: 'idempotent-balance', converged: true },
      ],
    },
    {
      id: 'the-write-model-says-no',
      title: 'The write model says no',
      setup:
        'At 650 ms Ada reads her balance from naive-balance and sees 200. At 700 ms she tries to withdraw 150. The command goes to no read model: the write model decides it against its own state, the fold of the events in the store.',
      scenario: bankDuplicate,
      at: Infinity,
      predict: {
        question: 'What happens to the withdrawal of 150?',
        choices: [
          { text: 'Accepted: her screen said 200' },
          { text: 'Refused: the account holds 100', correct: true },
          { text: 'Accepted, and the balance goes down to -50' },
        ],
      },
      explain:
        'The write model refused it: **insufficient funds**. The wrong 200 lived in one read model only; the store held two facts, an opening and a deposit of 100, and no balance to corrupt. That is what the split buys: the write side stays correct whatever a read side shows.\n\nThe damage stays local too, but it stays: naive-balance ends the run at 200 and never [[converged]], while idempotent-balance equals the truth.',
      claims: [
        { kind: 'read', index: 0, found: true, fresh: false },
        { kind: 'rejected', type: 'Withdraw', client: 'ada', present: true },
        { kind: 'truth', key: 'acc-1', equals: ada(100) },
        { kind: 'row', projection: 'naive-balance', key: 'acc-1', equals: ada(200) },
        { kind: 'converged', projection: 'naive-balance', converged: false },
        { kind: 'anomaly', type: 'diverged', projection: 'naive-balance', present: true },
      ],
    },
  ],
  tryIt: [
    {
      text: 'Make the statements link duplicate half of its messages: how far does its balance drift? Then give it the idempotent handler.',
      scenario: bankDistances,
    },
    {
      text: 'Poll monthly-report every 100 ms instead of every 1000 ms: how much lag does that remove, and how many more requests does it send?',
      scenario: bankDistances,
    },
    {
      text: 'Make the partition last until 1000 ms: how many copies of the deposit land on naive-balance, and what balance does it end with?',
      scenario: bankDuplicate,
    },
  ],
}
