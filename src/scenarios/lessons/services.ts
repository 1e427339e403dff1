import type { ScenarioInput } from '../../core'
import type { Lesson } from './types'

/**
 * Lesson 3, from source text 002: a users service and three services that keep their own copy
 * of its users (leaderboard, challenge, notification). A local copy keeps a page up while the
 * users service is out of reach; an old avatar on it harms nobody, an old e-mail address sends
 * mail to the wrong place. Events (push) shrink the window that polling leaves open, and a
 * strong read closes it for the one lookup that must be right.
 */

type Projection = ScenarioInput['projections'][number]

const pulled = (id: string): Projection => ({
  id,
  delivery: { mode: 'pull', interval: 1000, batch: 100 },
  link: { latency: { dist: 'constant', value: 20 } },
})

const pushed = (id: string, link: NonNullable<Projection['link']>): Projection => ({
  id,
  delivery: { mode: 'push', guarantee: 'at-least-once', ackTimeout: 200 },
  link,
})

/**
 * Ada registers, changes her avatar, then her e-mail address; the notification service is fed
 * by `notification` and looks her e-mail up with `lookup` 50 ms after the change.
 */
function usersAndCopies(notification: 'pull' | 'push', lookup: 'eventual' | 'strong') {
  const how = notification === 'pull' ? 'polls' : 'listens for events'
  const input: ScenarioInput = {
    format: 'eventually.scenario/v1',
    name: `Services: the notification service ${how}${lookup === 'strong' ? ', strong lookup' : ''}`,
    description:
      'A users service and three services with their own copy of its users: leaderboard, challenge and notification.',
    seed: 2,
    domain: 'users',
    until: 6000,
    commands: [
      {
        at: 100,
        type: 'RegisterUser',
        data: { id: 'u1', name: 'Ada', email: 'ada@old.example', avatar: 'cat.png' },
        client: 'ada',
      },
      { at: 3100, type: 'ChangeAvatar', data: { id: 'u1', avatar: 'fox.png' }, client: 'ada' },
      {
        at: 5100,
        type: 'ChangeEmail',
        data: { id: 'u1', email: 'ada@new.example' },
        client: 'ada',
      },
    ],
    projections: [
      pulled('leaderboard'),
      pushed('challenge', { latency: { dist: 'exponential', mean: 40 } }),
      notification === 'pull'
        ? pulled('notification')
        : pushed('notification', { latency: { dist: 'constant', value: 30 } }),
    ],
    faults: [{ type: 'partition', projection: 'leaderboard', from: 1500, to: 2800 }],
    reads: [
      { at: 2500, projection: 'leaderboard', key: 'u1', client: 'board-page' },
      { at: 3500, projection: 'leaderboard', key: 'u1', client: 'board-page' },
      { at: 3500, projection: 'challenge', key: 'u1', client: 'challenge-page' },
      { at: 5150, projection: 'notification', key: 'u1', mode: lookup, client: 'mailer' },
    ],
  }
  return input
}

export const servicesPolling = usersAndCopies('pull', 'eventual')
export const servicesEvents = usersAndCopies('push', 'eventual')
export const servicesStrongLookup = usersAndCopies('pull', 'strong')

const ada = (email: string, avatar: string) => ({ name: 'Ada', email, avatar })

export const servicesLesson: Lesson = {
  id: 'services',
  title: 'Local copies between services',
  source: '002',
  summary:
    'Three services keep their own copy of the users: an old avatar harms nobody, an old e-mail address does; events against polling.',
  minutes: 8,
  compare: 'push-pull',
  steps: [
    {
      id: 'local-copies',
      title: 'Three services, three copies',
      setup:
        "A users service owns each user's name, e-mail address and avatar: it is the [[write model]]. Three services keep their own copy of the users: the **leaderboard** and the **notification** service [[pull]] changes every second, the **challenge** service is sent each change ([[push]]).\n\nAda registers at 100 ms. From 1500 to 2800 ms the leaderboard cannot reach the users service: a [[partition]]. At 2500 ms someone opens the leaderboard.",
      scenario: servicesPolling,
      at: 2600,
      predict: {
        question: 'What does the leaderboard show for Ada at 2500 ms?',
        choices: [
          { text: 'An error: the users service is out of reach' },
          { text: 'Ada and her avatar, at once, from its own copy', correct: true },
          { text: 'Nothing, until the link is back' },
        ],
      },
      explain:
        'The leaderboard answered from its own table, at once and without asking anyone: its poll at 1000 ms had already copied Ada in. A service with a local copy keeps working while the service it copies from is slow or out of reach. The price: it shows what it last heard, which may be old. Nothing had changed yet, so this answer was also fresh.',
      evidence: { position: 1, label: "UserRegistered #1, copied by the leaderboard's poll" },
      claims: [
        { kind: 'read', index: 0, found: true, fresh: true, maxWait: 0 },
        {
          kind: 'row',
          projection: 'leaderboard',
          key: 'u1',
          equals: ada('ada@old.example', 'cat.png'),
        },
        { kind: 'anomaly', type: 'stale-read', projection: 'leaderboard', present: false },
      ],
    },
    {
      id: 'old-avatar',
      title: 'An old avatar',
      setup:
        'At 3100 ms Ada swaps her avatar, `cat.png`, for `fox.png`. At 3500 ms two pages show her: the leaderboard, which last polled at 3000 ms, and a challenge page, whose service is pushed every change.',
      scenario: servicesPolling,
      at: 4500,
      predict: {
        question: 'Which avatar do the two pages show at 3500 ms?',
        choices: [
          { text: 'Both show fox.png' },
          { text: 'The leaderboard shows cat.png, the challenge page fox.png', correct: true },
          { text: 'Both still show cat.png' },
        ],
      },
      explain:
        'The challenge service had the change 64 ms after it happened. The leaderboard still showed the old picture, a [[stale read]], until its poll at 4000 ms. Does anyone mind? Hardly. Think of a weather cache: a service copies the forecast a few times a day and serves it locally, because a few hours of [[staleness]] cost its users nothing. Where freshness does not matter, a stale local copy is a good deal.',
      evidence: { position: 2, label: "AvatarChanged #2 and the leaderboard's poll at 4000 ms" },
      claims: [
        { kind: 'read', index: 1, found: true, fresh: false },
        { kind: 'read', index: 2, found: true, fresh: true },
        { kind: 'anomaly', type: 'stale-read', projection: 'leaderboard', present: true },
        {
          kind: 'row',
          projection: 'leaderboard',
          key: 'u1',
          equals: ada('ada@old.example', 'fox.png'),
        },
      ],
    },
    {
      id: 'old-email',
      title: 'An old e-mail address',
      setup:
        'At 5100 ms Ada changes her e-mail address. At 5150 ms she wins a challenge, and the notification service looks her up in its own copy to send her the news. Like the leaderboard, it polls the users service every second; it last asked at 5000 ms.',
      scenario: servicesPolling,
      at: 5500,
      predict: {
        question: 'Where does the e-mail go?',
        choices: [
          { text: 'To her new address' },
          { text: 'To her old address', correct: true },
          { text: 'Nowhere: the lookup fails' },
        ],
      },
      explain:
        'The copy was one event behind, so the e-mail went to the address Ada had just left: the same kind of [[stale read]] as the avatar, but this one has a real cost. Whether [[staleness]] matters depends on what the copy is used for, not on how old it is. The poll at 6000 ms fixes the copy, too late for this e-mail.',
      evidence: { position: 3, label: 'EmailChanged #3, waiting for the poll at 6000 ms' },
      claims: [
        { kind: 'read', index: 3, found: true, fresh: false },
        { kind: 'anomaly', type: 'stale-read', projection: 'notification', present: true },
        {
          kind: 'row',
          projection: 'notification',
          key: 'u1',
          equals: ada('ada@old.example', 'fox.png'),
        },
        { kind: 'truth', key: 'u1', equals: ada('ada@new.example', 'fox.png') },
      ],
    },
    {
      id: 'listen-for-events',
      title: 'Listen for events instead',
      setup:
        "The same story with one change: the notification service no longer polls. It listens for the users service's events, [[push|pushed]] to it as they happen over a 30 ms [[link]]. The e-mail is looked up at 5150 ms again.",
      scenario: servicesEvents,
      at: Infinity,
      predict: {
        question: 'Where does the e-mail go now?',
        choices: [
          { text: 'To her new address', correct: true },
          { text: 'To her old address' },
          { text: 'Nowhere: the lookup fails' },
        ],
      },
      explain:
        '`EmailChanged` reached the notification service 30 ms after the change, 20 ms before the lookup, so the e-mail found the new address. With polling a change waits for the next poll, up to a whole [[poll interval]]; with events, about one trip across the link. The window is far smaller, but not closed: a lookup within those 30 ms would still have found the old address.',
      evidence: { position: 3, label: 'EmailChanged #3, pushed to the notification service' },
      claims: [
        { kind: 'read', index: 3, found: true, fresh: true },
        { kind: 'anomaly', type: 'stale-read', projection: 'notification', present: false },
        { kind: 'converged', projection: 'notification', converged: true },
        { kind: 'converged', projection: 'leaderboard', converged: true },
      ],
    },
    {
      id: 'ask-when-it-matters',
      title: 'Ask the source when it matters',
      setup:
        'Back to a notification service that polls, but now the lookup before an e-mail is a **strong** [[read mode|read]]: it asks the users service for whatever the copy has missed, then answers. Every other page still reads its local copy for free.',
      scenario: servicesStrongLookup,
      at: Infinity,
      predict: {
        question: 'What does the strong lookup at 5150 ms get, and at what cost?',
        choices: [
          { text: 'The old address, for free, from the local copy' },
          { text: 'The new address, after one round trip of about 40 ms', correct: true },
          { text: 'The new address, but only after the poll at 6000 ms' },
        ],
      },
      explain:
        'The lookup sent one request, got one answer, and 40 ms later the e-mail went to the new address. That is the trade these services make: local copies keep most reads fast and alive through outages, and freshness is paid for only on the few reads where being stale would hurt. Either way, every copy [[converged]] in the end.',
      evidence: { position: 3, label: 'EmailChanged #3, fetched by the strong lookup' },
      claims: [
        { kind: 'read', index: 3, found: true, fresh: true, minCost: 2, minWait: 40, maxWait: 40 },
        { kind: 'anomaly', type: 'stale-read', projection: 'notification', present: false },
        { kind: 'converged', projection: 'notification', converged: true },
        { kind: 'converged', projection: 'leaderboard', converged: true },
        { kind: 'converged', projection: 'challenge', converged: true },
      ],
    },
  ],
  tryIt: [
    {
      text: 'Let the leaderboard listen for events too, and see how long the old avatar lasts.',
      scenario: servicesPolling,
    },
    {
      text: 'Give the notification link 30% loss with events on: how long does the old address linger now?',
      scenario: servicesEvents,
    },
  ],
}
