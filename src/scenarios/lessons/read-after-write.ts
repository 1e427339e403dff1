import type { ScenarioInput } from '../../core'
import type { Lesson } from './types'

/**
 * Lesson 1, from source text 000: a todo is added and read back at once. The push read model
 * misses it for about one network trip, the pull read model until its next poll comes back; a
 * strong read refreshes first and pays for it in messages and time, whichever door the flag
 * comes through (an HTTP query string or a GraphQL argument).
 */

const pushReader = {
  id: 'push-reader',
  handler: 'naive',
  delivery: { mode: 'push', guarantee: 'at-least-once', ackTimeout: 300 },
  link: { latency: { dist: 'exponential', mean: 100 } },
} as const

const pullReader = {
  id: 'pull-reader',
  handler: 'naive',
  delivery: { mode: 'pull', interval: 500, batch: 100 },
  link: { latency: { dist: 'constant', value: 20 } },
} as const

const add = { at: 100, type: 'AddTodo', data: { id: 't1', title: 'buy milk' }, client: 'alice' }

/** Write, then read at once, a little later, and after the next poll: eventual reads only. */
export const readAfterWriteRace: ScenarioInput = {
  format: 'eventually.scenario/v1',
  name: 'Read after write: push and pull',
  description:
    'alice adds a todo and reads it back at once, then twice more, from a push and a pull read model.',
  seed: 42,
  domain: 'todo',
  until: 1000,
  commands: [add],
  projections: [pushReader, pullReader],
  reads: [101, 300, 600].flatMap((at) =>
    (['push-reader', 'pull-reader'] as const).map((projection) => ({
      at,
      projection,
      key: 't1',
      mode: 'eventual' as const,
      client: 'alice',
    })),
  ),
}

/**
 * The same write, read at once with the strong flag through two doors (an HTTP query string and
 * a GraphQL argument), beside an eventual read; and once more long after, when nothing changed.
 */
export const readAfterWriteStrong: ScenarioInput = {
  format: 'eventually.scenario/v1',
  name: 'Read after write: the strong flag',
  description:
    'The read right after the write asks for strong consistency: the read model refreshes from the store first.',
  seed: 42,
  domain: 'todo',
  until: 2000,
  commands: [add],
  projections: [pullReader],
  reads: [
    { at: 101, projection: 'pull-reader', key: 't1', mode: 'eventual', client: 'alice' },
    { at: 101, projection: 'pull-reader', key: 't1', mode: 'strong', client: 'http' },
    { at: 101, projection: 'pull-reader', key: 't1', mode: 'strong', client: 'graphql' },
    { at: 1800, projection: 'pull-reader', key: 't1', mode: 'strong', client: 'http' },
  ],
}

export const readAfterWriteLesson: Lesson = {
  id: 'read-after-write',
  title: 'Read after write',
  source: '000',
  summary:
    'Add a todo, read it back at once and get "not found": push against pull, and what a strong read costs.',
  minutes: 8,
  compare: 'push-pull',
  steps: [
    {
      id: 'write-then-read',
      title: 'Write, then read at once',
      setup:
        'alice adds the todo **t1** "buy milk" at 100 ms. The write model accepts it and appends `TodoAdded` to the [[event store|event store]]. Two read models keep their own copy of the todos: **push-reader** is sent each new event over the network ([[push]]), **pull-reader** asks the store for new events every 500 ms ([[pull]], with a [[poll interval]]).\n\nOne millisecond after her write, alice reads t1 from push-reader, the way a page reloads right after a form is sent.',
      scenario: readAfterWriteRace,
      at: 150,
      predict: {
        question: 'What does alice get back from push-reader at 101 ms?',
        choices: [
          { text: 'Her todo, "buy milk"' },
          { text: '"Not found"', correct: true },
          { text: 'An error: the write has not finished' },
        ],
      },
      explain:
        'The write had finished: the event was in the store at 100 ms. But the read model is a separate copy, and the event was still [[in-flight]] on its way to push-reader when alice asked, so her own todo was "not found". The checker pins this as a [[stale read]], and because alice read her own write, as a broken read-your-writes promise.\n\nThe arrow of `TodoAdded #1` on the timeline starts at 100 ms on the store lane and lands on push-reader after the read mark.',
      evidence: { position: 1, label: 'TodoAdded #1 and its arrows to each read model' },
      claims: [
        { kind: 'read', index: 0, found: false, fresh: false },
        { kind: 'read', index: 1, found: false, fresh: false },
        { kind: 'anomaly', type: 'stale-read', projection: 'push-reader', present: true },
        {
          kind: 'anomaly',
          type: 'read-your-writes-violation',
          projection: 'push-reader',
          present: true,
        },
      ],
    },
    {
      id: 'a-moment-later',
      title: 'A moment later',
      setup:
        'alice waits 200 ms and asks both read models again, at 300 ms. push-reader is fed as soon as each event crosses the network; pull-reader last polled the store at 0 ms, before the todo existed, and polls next at 500 ms.',
      scenario: readAfterWriteRace,
      at: 350,
      predict: {
        question: 'What do the two read models answer at 300 ms?',
        choices: [
          { text: 'Both have the todo' },
          { text: 'push-reader has it, pull-reader does not yet', correct: true },
          { text: 'pull-reader has it, push-reader does not yet' },
          { text: 'Neither has it' },
        ],
      },
      explain:
        'With [[push]], the delay is one trip across the [[link]]: here the copy took about 70 ms. With [[pull]], nothing arrives until the next poll comes back, so pull-reader is still behind: its [[lag]] is one event, and it grows older every millisecond until the poll at 500 ms.\n\n"Near real time" is not real time: both are [[eventual consistency|eventually consistent]], with different delays.\n\nNotice one more [[anomaly]]: alice saw her todo on push-reader, then lost it again on pull-reader. Reading different copies, time can seem to run backwards: a broken monotonic read.',
      evidence: {
        position: 1,
        label: 'TodoAdded #1 landing on push-reader and waiting for the poll',
      },
      claims: [
        { kind: 'read', index: 2, found: true, fresh: true },
        { kind: 'read', index: 3, found: false, fresh: false },
        { kind: 'anomaly', type: 'stale-read', projection: 'pull-reader', present: true },
        {
          kind: 'anomaly',
          type: 'monotonic-read-violation',
          projection: 'pull-reader',
          present: true,
        },
      ],
    },
    {
      id: 'the-next-poll',
      title: 'The next poll',
      setup:
        'pull-reader sends its next request at 500 ms. The store answers with every event after its [[checkpoint]], and the answer takes 20 ms to come back. alice reads once more at 600 ms.',
      scenario: readAfterWriteRace,
      at: Infinity,
      predict: {
        question: 'By the end of the run, do the two read models agree with the store?',
        choices: [
          { text: 'Yes: both catch up and stay caught up', correct: true },
          { text: 'Only push-reader: pull-reader missed the event for good' },
          { text: 'No: each holds a different title' },
        ],
      },
      explain:
        'The request sent at 500 ms reached the store at 520 ms, its answer brought the event back at 540 ms, and the read at 600 ms found the todo in both. Once nothing more is written, both copies equal the store: they have [[converged]]. That is the whole promise of eventual consistency: no guarantee about a read right now, a guarantee that the copies catch up.',
      evidence: { position: 1, label: 'TodoAdded #1 in the answer to the poll at 500 ms' },
      claims: [
        { kind: 'read', index: 4, found: true, fresh: true },
        { kind: 'read', index: 5, found: true, fresh: true },
        { kind: 'converged', projection: 'push-reader', converged: true },
        { kind: 'converged', projection: 'pull-reader', converged: true },
      ],
    },
    {
      id: 'strong-flag',
      title: 'Ask for strong consistency',
      setup:
        'Some databases let a single query ask to be strongly consistent. Here pull-reader honours a `strongConsistency` flag: before answering, it refreshes, fetching whatever the store has after its checkpoint. At 101 ms, alice reads t1 the usual way, and two other clients read it with the flag on.',
      scenario: readAfterWriteStrong,
      at: 400,
      predict: {
        question: 'What do the reads with the flag on get at 101 ms?',
        choices: [
          { text: '"Not found", like the eventual read' },
          { text: 'The todo, after a round trip to the store', correct: true },
          { text: 'The todo, at no cost at all' },
        ],
      },
      explain:
        'A [[read mode|strong read]] first catches the copy up to the store, so it sees every write that came before it. The price is on the timeline: the strong reads answer about 40 ms later than the eventual one, after a request and an answer crossed the link. The eventual read at the same instant still says "not found".',
      evidence: { position: 1, label: 'TodoAdded #1, fetched by the refresh' },
      claims: [
        { kind: 'read', index: 0, found: false, fresh: false },
        { kind: 'read', index: 1, found: true, fresh: true, minCost: 2 },
        { kind: 'anomaly', type: 'stale-read', projection: 'pull-reader', present: true },
      ],
    },
    {
      id: 'http-and-graphql',
      title: 'The same flag through HTTP and GraphQL',
      setup:
        'The two clients with the flag came through different doors. The `http` client called `GET /todos/t1?strongConsistency=true`; the `graphql` client sent `query { getById(id: "t1", strongConsistency: true) }`. Both doors call the same read model. The `http` client reads once more at 1800 ms, long after anything changed.',
      scenario: readAfterWriteStrong,
      at: Infinity,
      predict: {
        question: 'Does the late strong read at 1800 ms still pay for a refresh?',
        choices: [
          { text: 'No: nothing changed, so it answers from the copy for free' },
          { text: 'Yes: it asks the store every time, changed or not', correct: true },
        ],
      },
      explain:
        'The flag belongs to the query, not to the transport: HTTP and GraphQL got the same row at the same cost. And a strong read cannot know that nothing changed without asking, so the read at 1800 ms paid the same round trip as the first one. That is why strong reads are an option for the few queries that need them, not the default.',
      claims: [
        { kind: 'read', index: 1, found: true, fresh: true, minCost: 2 },
        { kind: 'read', index: 2, found: true, fresh: true, minCost: 2 },
        { kind: 'read', index: 3, found: true, fresh: true, minCost: 2 },
      ],
    },
  ],
  tryIt: [
    {
      text: 'Make the network slow (a mean latency of 1,000 ms) and see how long push-reader stays behind.',
      scenario: readAfterWriteRace,
    },
    {
      text: "Turn the reads to read-your-writes instead of strong: they wait for alice's own write, not for everything.",
      scenario: readAfterWriteStrong,
    },
  ],
}
