import { describe, expect, it } from 'vitest'
import { parseScenario } from './parse'
import { rejectsEach, valid } from './test-support'

/** Malformed links, deliveries and latency distributions: one defect each, as in parse.test.ts. */

const linked = {
  ...valid,
  faults: [],
  reads: [],
  projections: [
    {
      id: 'push',
      delivery: { mode: 'push', guarantee: 'at-least-once', ackTimeout: 200 },
      link: {
        latency: { dist: 'constant', value: 10 },
        loss: 0.1,
        duplicate: 0.1,
        reorder: { p: 0.1, extra: { dist: 'uniform', min: 0, max: 100 } },
        script: [{ position: 1, at: 50 }],
      },
    },
    {
      id: 'pull',
      delivery: { mode: 'pull', interval: 500, batch: 100 },
      link: {
        latency: {
          dist: 'mixture',
          parts: [
            { dist: 'constant', value: 5, weight: 9 },
            { dist: 'exponential', mean: 200, weight: 1 },
          ],
        },
      },
    },
  ],
}

it('accepts the valid base document the cases are made from', () => {
  expect(parseScenario(linked).ok).toBe(true)
})

describe('deliveries', () => {
  // prettier-ignore
  rejectsEach(linked, [
    { what: 'an unknown delivery mode', path: 'projections[0].delivery.mode', value: 'poll', message: /'push' \| 'pull'/ },
    { what: 'a delivery without a mode', path: 'projections[0].delivery.mode', value: undefined, message: /'push' \| 'pull'/ },
    { what: 'an unknown guarantee', path: 'projections[0].delivery.guarantee', value: 'exactly-once', message: /expected one of "at-least-once"\|"at-most-once"/ },
    { what: 'an ack timeout of 0 ms', path: 'projections[0].delivery.ackTimeout', value: 0, message: /^must be at least 1 ms$/ },
    { what: 'an ack timeout of 1e308 ms', path: 'projections[0].delivery.ackTimeout', value: 1e308, message: /^must be at most 1e7 ms$/ },
    { what: 'a poll interval on a push delivery', path: 'projections[0].delivery.interval', value: 500, message: /^Unrecognized key: "interval"$/, at: 'projections[0].delivery' },
    { what: 'a guarantee on a pull delivery', path: 'projections[1].delivery.guarantee', value: 'at-most-once', message: /^Unrecognized key: "guarantee"$/, at: 'projections[1].delivery' },
    { what: 'a poll interval of 0.5 ms', path: 'projections[1].delivery.interval', value: 0.5, message: /^must be at least 1 ms$/ },
    { what: 'a batch of 0', path: 'projections[1].delivery.batch', value: 0, message: /^must be at least 1$/ },
    { what: 'a batch of 1e20', path: 'projections[1].delivery.batch', value: 1e20, message: /^must be at most 100000$/ },
    { what: 'a fractional batch', path: 'projections[1].delivery.batch', value: 10.5, message: /^must be a whole number$/ },
  ])
})

describe('links', () => {
  // prettier-ignore
  rejectsEach(linked, [
    { what: 'a loss above 1', path: 'projections[0].link.loss', value: 1.5, message: /^must be between 0 and 1$/ },
    { what: 'a negative loss', path: 'projections[0].link.loss', value: -0.1, message: /^must be between 0 and 1$/ },
    { what: 'a loss given as a string', path: 'projections[0].link.loss', value: '0.1', message: /expected number, received string/ },
    { what: 'a duplicate probability of 1e308', path: 'projections[1].link.duplicate', value: 1e308, message: /^must be between 0 and 1$/ },
    { what: 'a reorder probability above 1', path: 'projections[0].link.reorder.p', value: 2, message: /^must be between 0 and 1$/ },
    { what: 'a reorder without its extra delay', path: 'projections[0].link.reorder.extra', value: undefined, message: /expected object, received undefined/ },
    { what: 'an unknown key in a link', path: 'projections[0].link.jitter', value: 5, message: /^Unrecognized key: "jitter"$/, at: 'projections[0].link' },
    { what: 'a script that is not a list', path: 'projections[0].link.script', value: { position: 1, at: 5 }, message: /expected array, received object/ },
    { what: 'a script entry with neither at nor drop', path: 'projections[0].link.script[0].at', value: undefined, message: /^must be \{ position, at \} or \{ position, drop: true \}$/, at: 'projections[0].link.script[0]' },
    { what: 'a script entry with both at and drop', path: 'projections[0].link.script[0].drop', value: true, message: /^must be \{ position, at \} or \{ position, drop: true \}$/, at: 'projections[0].link.script[0]' },
    { what: 'a script entry with drop false', path: 'projections[0].link.script[0]', value: { position: 1, drop: false }, message: /^must be \{ position, at \} or \{ position, drop: true \}$/ },
    { what: 'a script position of 0', path: 'projections[0].link.script[0].position', value: 0, message: /^must be at least 1$/ },
    { what: 'a fractional script position', path: 'projections[0].link.script[0].position', value: 1.5, message: /^must be a whole number$/ },
    { what: 'a negative script time', path: 'projections[0].link.script[0].at', value: -1, message: /^must not be negative$/ },
    { what: 'a script on a pull delivery', path: 'projections[1].link.script', value: [{ position: 1, drop: true }], message: /^a script needs push delivery$/ },
  ])
})

describe('latency distributions', () => {
  const at = 'projections[0].link.latency'
  // prettier-ignore
  rejectsEach(linked, [
    { what: 'an unknown distribution', path: `${at}.dist`, value: 'gamma', message: /'constant' \| 'uniform' \| 'normal' \| 'exponential' \| 'lognormal' \| 'pareto' \| 'mixture'/ },
    { what: 'a distribution without dist', path: `${at}.dist`, value: undefined, message: /'constant' \| 'uniform'/ },
    { what: 'a latency given as a bare number', path: at, value: 10, message: /expected object, received number/ },
    { what: 'a negative constant', path: at, value: { dist: 'constant', value: -1 }, message: /^must not be negative$/, at: `${at}.value` },
    { what: 'a constant of 1e308 ms', path: at, value: { dist: 'constant', value: 1e308 }, message: /^must be at most 10000000 ms$/, at: `${at}.value` },
    { what: 'a parameter of another distribution', path: at, value: { dist: 'constant', value: 1, mean: 2 }, message: /^Unrecognized key: "mean"$/ },
    { what: 'a uniform with max below min', path: at, value: { dist: 'uniform', min: 50, max: 10 }, message: /^max must not be less than min$/, at: `${at}.max` },
    { what: 'a normal with a negative sd', path: at, value: { dist: 'normal', mean: 10, sd: -1 }, message: /^must not be negative$/, at: `${at}.sd` },
    { what: 'an exponential with mean 0', path: at, value: { dist: 'exponential', mean: 0 }, message: /^must be greater than 0$/, at: `${at}.mean` },
    { what: 'a lognormal with sigma above 5', path: at, value: { dist: 'lognormal', median: 20, sigma: 6 }, message: /^must be at most 5$/, at: `${at}.sigma` },
    { what: 'a lognormal without a median', path: at, value: { dist: 'lognormal', sigma: 1 }, message: /expected number, received undefined/, at: `${at}.median` },
    { what: 'a pareto with shape 0.1', path: at, value: { dist: 'pareto', scale: 10, shape: 0.1 }, message: /^must be greater than 0.1$/, at: `${at}.shape` },
    { what: 'a negative offset', path: at, value: { dist: 'constant', value: 1, offset: -5 }, message: /^must not be negative$/, at: `${at}.offset` },
    { what: 'a mixture with no parts', path: at, value: { dist: 'mixture', parts: [] }, message: /^needs at least one part$/, at: `${at}.parts` },
    { what: 'a mixture with 17 parts', path: at, value: { dist: 'mixture', parts: Array.from({ length: 17 }, () => ({ dist: 'constant', value: 1, weight: 1 })) }, message: /^may have at most 16 parts$/, at: `${at}.parts` },
    { what: 'a mixture part without a weight', path: at, value: { dist: 'mixture', parts: [{ dist: 'constant', value: 1 }] }, message: /expected number, received undefined/, at: `${at}.parts[0].weight` },
    { what: 'a mixture part of weight 0', path: at, value: { dist: 'mixture', parts: [{ dist: 'constant', value: 1, weight: 0 }] }, message: /^must be greater than 0$/, at: `${at}.parts[0].weight` },
    { what: 'a mixture inside a mixture', path: at, value: { dist: 'mixture', parts: [{ dist: 'mixture', parts: [], weight: 1 }] }, message: /'constant' \| 'uniform' \| 'normal' \| 'exponential' \| 'lognormal' \| 'pareto'$/, at: `${at}.parts[0].dist` },
    { what: 'a bad part of a mixture at its own path', path: at, value: { dist: 'mixture', parts: [{ dist: 'constant', value: 1, weight: 1 }, { dist: 'uniform', min: 9, max: 1, weight: 1 }] }, message: /^max must not be less than min$/, at: `${at}.parts[1].max` },
    { what: 'a bad reorder delay at its own path', path: 'projections[0].link.reorder.extra.max', value: -1, message: /^must not be negative$/, also: ['projections[0].link.reorder.extra.max'] },
  ])
})
