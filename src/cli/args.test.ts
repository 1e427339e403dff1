import { describe, expect, it } from 'vitest'
import { parseArgs } from './args'

describe('parseArgs', () => {
  it('reads a file and defaults every flag', () => {
    expect(parseArgs(['s.json'])).toEqual({
      ok: true,
      help: false,
      options: { file: 's.json', seed: null, trace: false, runs: null, store: 'memory' },
    })
  })

  it('reads - as standard input and the flags in any order', () => {
    expect(parseArgs(['--runs', '3', '-', '--seed=4294967295'])).toMatchObject({
      ok: true,
      options: { file: '-', seed: 4294967295, runs: 3 },
    })
    expect(parseArgs(['--trace', 'a.json'])).toMatchObject({ options: { trace: true } })
    expect(parseArgs(['a.json', '--store', 'indexeddb'])).toMatchObject({
      options: { store: 'indexeddb' },
    })
    expect(parseArgs(['--store=memory', 'a.json'])).toMatchObject({ options: { store: 'memory' } })
  })

  it('answers --help before checking anything else', () => {
    expect(parseArgs(['-h'])).toEqual({ ok: true, help: true })
    expect(parseArgs(['--help', '--seed', 'x'])).toEqual({ ok: true, help: true })
  })

  it.each([
    [['--seed', '1'], /missing the scenario file/],
    [['a.json', 'b.json'], /expected one scenario file, got 2/],
    [['a.json', '--bogus'], /Unknown option '--bogus'/],
    [['a.json', '--seed'], /argument missing/],
    [['a.json', '--seed', '-1'], /ambiguous/],
    [['a.json', '--seed=-1'], /--seed must be a whole number from 0 to 4294967295, not "-1"/],
    [['a.json', '--seed', '4294967296'], /--seed must be/],
    [['a.json', '--seed', '1.5'], /--seed must be/],
    [['a.json', '--seed', '1e3'], /--seed must be/],
    [['a.json', '--seed', '0x10'], /--seed must be/],
    [['a.json', '--runs', '0'], /--runs must be a whole number from 1 to 10000, not "0"/],
    [['a.json', '--runs', '10001'], /--runs must be/],
    [['a.json', '--trace=yes'], /does not take an argument/],
    [['a.json', '--runs', '2', '--trace'], /--trace cannot be combined with --runs/],
    [['a.json', '--store', 'disk'], /--store must be memory or indexeddb, not "disk"/],
    [['a.json', '--store'], /argument missing/],
    [['a.json', '--store', 'indexeddb', '--runs', '2'], /cannot be combined with --runs/],
  ])('rejects %j with a one-line message', (argv, message) => {
    const parsed = parseArgs(argv)
    expect(parsed.ok).toBe(false)
    if (parsed.ok) return
    expect(parsed.message).toMatch(message)
    expect(parsed.message).not.toContain('\n')
  })
})
