import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { parseScenarioText, simulate, type Result, type Scenario } from '../core'
import type { RunsReport } from './runs'

// These tests start the real CLI in a child process (about a second each), so they are few and
// run concurrently; the argument parser and the aggregation are tested in-process.
const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const EXAMPLE = 'examples/read-after-write.json'
const tmp = mkdtempSync(join(tmpdir(), 'eventually-cli-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

interface Outcome {
  code: number | null
  stdout: string
  stderr: string
}

function cli(args: string[], stdin = ''): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/simulate.ts', ...args], {
      cwd: ROOT,
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
    child.stdin.end(stdin)
  })
}

function example(seed?: number): Scenario {
  const parsed = parseScenarioText(readFileSync(join(ROOT, EXAMPLE), 'utf8'))
  if (!parsed.ok) throw new Error('the example does not validate')
  return seed === undefined ? parsed.scenario : { ...parsed.scenario, seed }
}

describe.concurrent('npm run simulate', { timeout: 30_000 }, () => {
  it('prints the same result as the library, and nothing else', async () => {
    const { code, stdout, stderr } = await cli([EXAMPLE])
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' })
    expect(JSON.parse(stdout)).toEqual(simulate(example()))
  })

  it('reads standard input and runs the seed given by --seed, with its trace', async () => {
    const text = readFileSync(join(ROOT, EXAMPLE), 'utf8')
    const { code, stdout } = await cli(['-', '--seed', '7', '--trace'], text)
    expect(code).toBe(0)
    const result = JSON.parse(stdout) as Result
    expect(result.seed).toBe(7)
    expect(result).toEqual(simulate(example(7), { trace: true }))
    expect(result.deliveries?.length).toBeGreaterThan(0)
  })

  it('exits 2 with one problem per line on stderr and nothing on stdout', async () => {
    const bad = join(tmp, 'bad.json')
    const scenario = { ...example(), projections: [{ id: 'a', link: { loss: 2 } }] }
    writeFileSync(bad, JSON.stringify({ ...scenario, reads: [] }))
    const { code, stdout, stderr } = await cli([bad])
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' })
    expect(stderr).toBe('projections[0].link.loss: must be between 0 and 1\n')
  })

  it('exits 2 with a message, not a stack trace, when the file cannot be read', async () => {
    const { code, stdout, stderr } = await cli(['no/such/file.json'])
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' })
    expect(stderr).toMatch(/^simulate: cannot read no\/such\/file.json: ENOENT/)
    expect(stderr).not.toMatch(/\n\s+at /)
  })

  it('aggregates --runs over consecutive seeds from --seed', async () => {
    const { code, stdout } = await cli([EXAMPLE, '--runs', '3', '--seed', '5'])
    expect(code).toBe(0)
    const report = JSON.parse(stdout) as RunsReport
    expect(report).toMatchObject({ format: 'eventually.runs/v1', seeds: [5, 7] })
    expect(report.traceHashes).toEqual([5, 6, 7].map((s) => simulate(example(s)).traceHash))
    expect(Object.keys(report.projections)).toEqual(['push-reader', 'pull-reader'])
  })

  it.each([
    [EXAMPLE, '--trace'],
    ['examples/large-push-25k.json', '--seed=3'],
  ])(
    'prints the same bytes with --store indexeddb as with --store memory (%s %s)',
    async (file, flag) => {
      const [memory, indexeddb] = await Promise.all([
        cli([file, flag, '--store', 'memory']),
        cli([file, flag, '--store', 'indexeddb']),
      ])
      expect(indexeddb).toEqual({ code: 0, stdout: memory.stdout, stderr: '' })
      expect((JSON.parse(memory.stdout) as Result).events.length).toBeGreaterThan(0)
    },
  )

  it('refuses --store indexeddb with --runs, with a one-line message', async () => {
    const { code, stdout, stderr } = await cli([EXAMPLE, '--store', 'indexeddb', '--runs', '2'])
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' })
    expect(stderr).toMatch(/^simulate: --store indexeddb runs one seed: it cannot be combined/)
  })
})
