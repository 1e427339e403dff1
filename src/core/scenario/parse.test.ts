import { describe, expect, it } from 'vitest'
import { parseScenario } from './parse'
import { matching, problemsOf, rejectsEach, valid } from './test-support'

/**
 * Malformed documents, one defect each, made by changing one field of a valid document. Each must
 * be rejected as a whole (no scenario comes back, so nothing can run) with one problem that names
 * the field and says what is wrong. Links, deliveries and distributions are in link.test.ts.
 */

it('accepts the valid base document the cases are made from', () => {
  expect(parseScenario(valid).ok).toBe(true)
})

describe('the document itself', () => {
  it.each([
    ['null', null, /expected object, received null/],
    ['a number', 42, /expected object, received number/],
    ['a string', 'x', /expected object, received string/],
    ['an array', [], /expected object, received array/],
    ['a boolean', true, /expected object, received boolean/],
    ['nothing', undefined, /expected object, received undefined/],
  ])('rejects %s as a document', (_, doc, message) => {
    expect(problemsOf(doc)).toEqual([{ path: '', message: matching(message) }])
  })

  // prettier-ignore
  rejectsEach(valid, [
    { what: 'a missing format', path: 'format', value: undefined, message: /^must be "eventually\.scenario\/v1"$/ },
    { what: 'a future format version', path: 'format', value: 'eventually.scenario/v2', message: /must be "eventually\.scenario\/v1"/ },
    { what: 'a result document given as a scenario', path: 'format', value: 'eventually.result/v1', message: /must be "eventually\.scenario\/v1"/ },
    { what: 'an unknown top-level key', path: 'sead', value: 7, message: /^Unrecognized key: "sead"$/, at: '' },
    { what: 'a name that is not a string', path: 'name', value: 5, message: /expected string, received number/ },
    { what: 'a name over 120 characters', path: 'name', value: 'n'.repeat(121), message: /at most 120 characters/ },
    { what: 'a description over 2000 characters', path: 'description', value: 'd'.repeat(2001), message: /at most 2000 characters/ },
    { what: 'an unknown domain', path: 'domain', value: 'library', message: /expected one of "todo"\|"bank"\|"bookstore"\|"users"\|"profiles"/ },
    { what: 'a missing seed', path: 'seed', value: undefined, message: /expected number, received undefined/ },
    { what: 'a seed given as a string', path: 'seed', value: '42', message: /expected number, received string/ },
    { what: 'a negative seed', path: 'seed', value: -1, message: /^must not be negative$/ },
    { what: 'a fractional seed', path: 'seed', value: 1.5, message: /^must be a whole number$/ },
    { what: 'a seed beyond 32 bits', path: 'seed', value: 2 ** 32, message: /^must be at most 4294967295$/ },
    { what: 'a seed of 1e308', path: 'seed', value: 1e308, message: /^must be at most 4294967295$/ },
    { what: 'a missing until', path: 'until', value: undefined, message: /expected number, received undefined/ },
    { what: 'until given as an array', path: 'until', value: [1000], message: /expected number, received array/ },
    { what: 'a negative until', path: 'until', value: -1, message: /^must not be negative$/, also: ['commands[0].at', 'workload.start', 'reads[0].at'] },
    { what: 'an until of 1e308', path: 'until', value: 1e308, message: /^must be at most 100000000 ms$/ },
    { what: 'a settle of 1e20', path: 'settle', value: 1e20, message: /^must be at most 100000000 ms$/ },
    { what: 'commands that are not an array', path: 'commands', value: { at: 0 }, message: /expected array, received object/ },
    { what: 'projections that are not an array', path: 'projections', value: 'push', message: /expected array, received string/ },
    { what: 'faults given as null', path: 'faults', value: null, message: /expected array, received null/ },
    { what: 'a workload given as an array', path: 'workload', value: [], message: /expected object, received array/ },
    { what: 'no projections', path: 'projections', value: [], message: /^needs at least one projection$/, also: ['faults[0].projection', 'faults[1].projection', 'reads[0].projection'] },
    { what: 'more than 16 projections', path: 'projections', value: Array.from({ length: 17 }, (_, i) => ({ id: `p${i}` })), message: /<=16 items/ },
  ])
})

describe('commands', () => {
  // prettier-ignore
  rejectsEach(valid, [
    { what: 'a negative command time', path: 'commands[0].at', value: -5, message: /^must not be negative$/ },
    { what: 'a command time of 1e308', path: 'commands[0].at', value: 1e308, message: /^must be at most 100000000 ms$/, also: ['commands[0].at'] },
    { what: 'a command after until', path: 'commands[0].at', value: 1001, message: /^must not be after until$/ },
    { what: 'a command type unknown to the domain', path: 'commands[0].type', value: 'AddTask', message: /^unknown command for domain todo \(known: AddTodo, RenameTodo, CompleteTodo, RemoveTodo\)$/ },
    { what: 'a command type that names an Object method', path: 'commands[0].type', value: 'constructor', message: /unknown command for domain todo/ },
    { what: 'a command type over 64 characters', path: 'commands[0].type', value: 'AddTodo'.padEnd(65, 'x'), message: /at most 64 characters/, also: ['commands[0].type'] },
    { what: 'command data that is not an object', path: 'commands[0].data', value: 'milk', message: /expected record, received string/ },
    { what: 'command data given as an array', path: 'commands[0].data', value: ['t1'], message: /expected record, received array/ },
    { what: 'command data missing a field', path: 'commands[0].data.title', value: undefined, message: /expected string, received undefined/ },
    { what: 'command data with a field of the wrong type', path: 'commands[0].data.title', value: 5, message: /expected string, received number/ },
    { what: 'command data with an extra field', path: 'commands[0].data.due', value: '2024-01-01', message: /^Unrecognized key: "due"$/, at: 'commands[0].data' },
    { what: 'command data with an id holding spaces', path: 'commands[0].data.id', value: 't 1', message: /may hold only letters, digits and _ \. : -/ },
    { what: 'a client name holding markup', path: 'commands[0].client', value: '<b>', message: /may hold only letters, digits, _ and -/ },
    { what: 'a negative expected version', path: 'commands[0].expectedVersion', value: -1, message: /^must not be negative$/ },
    { what: 'an unknown key in a command', path: 'commands[0].when', value: 0, message: /^Unrecognized key: "when"$/, at: 'commands[0]' },
  ])

  const bank = { ...valid, domain: 'bank', workload: undefined }
  // prettier-ignore
  rejectsEach({ ...bank, commands: [{ at: 0, type: 'Deposit', data: { id: 'a1', amount: 5 } }] }, [
    { what: 'a zero amount', path: 'commands[0].data.amount', value: 0, message: /must be at least 1/ },
    { what: 'a fractional amount', path: 'commands[0].data.amount', value: 2.5, message: /whole number/ },
    { what: 'an amount of 2e9', path: 'commands[0].data.amount', value: 2e9, message: /^must be at most 1000000000$/ },
    { what: 'an amount given as a string', path: 'commands[0].data.amount', value: '5', message: /expected number, received string/ },
  ])
})

describe('projections, faults and reads', () => {
  // prettier-ignore
  rejectsEach(valid, [
    { what: 'an empty projection id', path: 'projections[1].id', value: '', message: /^must not be empty$/, also: ['faults[1].projection'] },
    { what: 'a projection id of 41 characters', path: 'projections[1].id', value: 'p'.repeat(41), message: /at most 40 characters/, also: ['faults[1].projection'] },
    { what: 'a projection id given as a number', path: 'projections[1].id', value: 7, message: /expected string, received number/ },
    { what: 'a duplicate projection id', path: 'projections[1].id', value: 'push', message: /^duplicate projection id "push"$/, also: ['faults[1].projection'] },
    { what: 'a handler that does not exist', path: 'projections[0].handler', value: 'smart', message: /expected one of "naive"\|"idempotent"\|"ordered"\|"order-tolerant"/ },
    { what: 'an unknown key in a projection', path: 'projections[0].name', value: 'x', message: /^Unrecognized key: "name"$/, at: 'projections[0]' },
    { what: 'a fault of an unknown type', path: 'faults[0].type', value: 'outage', message: /'partition' \| 'crash'/ },
    { what: 'a fault on an unknown projection', path: 'faults[0].projection', value: 'ghost', message: /^unknown projection "ghost"$/ },
    { what: 'a negative partition start', path: 'faults[0].from', value: -1, message: /^must not be negative$/ },
    { what: 'a partition that ends before it starts', path: 'faults[0].to', value: 50, message: /^must be after from$/ },
    { what: 'a partition that ends when it starts', path: 'faults[0].to', value: 100, message: /^must be after from$/ },
    { what: 'a crash that restarts before it happens', path: 'faults[1].restartAt', value: 99, message: /^must be after at$/ },
    { what: 'a crash given partition fields', path: 'faults[1].from', value: 100, message: /^Unrecognized key: "from"$/, at: 'faults[1]' },
    { what: 'a read of an unknown projection', path: 'reads[0].projection', value: 'ghost', message: /^unknown projection "ghost"$/ },
    { what: 'a read after until', path: 'reads[0].at', value: 1000.5, message: /^must not be after until$/ },
    { what: 'a read with an empty key', path: 'reads[0].key', value: '', message: /^must not be empty$/ },
    { what: 'a read key over 200 characters', path: 'reads[0].key', value: 'k'.repeat(201), message: /at most 200 characters/ },
    { what: 'a read mode that does not exist', path: 'reads[0].mode', value: 'linearizable', message: /expected one of "eventual"\|"strong"\|"read-your-writes"\|"read-repair"\|"bounded"/ },
    { what: 'a bounded read without a bound', path: 'reads[0].mode', value: 'bounded', message: /^a bounded read needs maxLag or maxAge$/ },
    { what: 'reads out of time order', path: 'reads[1]', value: { at: 5, projection: 'pull', key: 't1' }, message: /^must not be before the previous read \(at 10\): list reads in time order$/, at: 'reads[1].at' },
  ])
})

describe('the workload', () => {
  // prettier-ignore
  rejectsEach(valid, [
    { what: 'a zero rate', path: 'workload.rate', value: 0, message: /^must be greater than 0$/ },
    { what: 'a rate of 1e308', path: 'workload.rate', value: 1e308, message: /at most 1e6 per second/ },
    { what: 'a count of 1e20', path: 'workload.count', value: 1e20, message: /^must be at most 1000000$/ },
    { what: 'a fractional count', path: 'workload.count', value: 2.5, message: /^must be a whole number$/ },
    { what: 'zero keys', path: 'workload.keys', value: 0, message: /^must be at least 1$/ },
    { what: 'a key count of 1e20', path: 'workload.keys', value: 1e20, message: /^must be at most 1000000$/ },
    { what: 'a start after until', path: 'workload.start', value: 2000, message: /^must not be after until$/ },
    { what: 'a mix naming an unknown command', path: 'workload.mix.Fly', value: 1, message: /^unknown command for domain todo$/ },
    { what: 'a mix naming an Object method', path: 'workload.mix.toString', value: 1, message: /^unknown command for domain todo$/ },
    { what: 'a mix with only zero weights', path: 'workload.mix.RenameTodo', value: 0, message: /^needs at least one positive weight$/, at: 'workload.mix' },
    { what: 'an empty mix', path: 'workload.mix', value: {}, message: /^needs at least one positive weight$/ },
    { what: 'a negative weight', path: 'workload.mix', value: { RenameTodo: 1, AddTodo: -1 }, message: /^must not be negative$/, at: 'workload.mix.AddTodo' },
    { what: 'a weight given as a string', path: 'workload.mix.RenameTodo', value: '1', message: /expected number, received string/ },
    { what: 'an unknown key in the workload', path: 'workload.ratio', value: 1, message: /^Unrecognized key: "ratio"$/, at: 'workload' },
  ])
})
