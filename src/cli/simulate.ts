/**
 * The headless runner: `npm run -s simulate -- <scenario.json | -> [--seed N] [--trace] [--runs N]
 * [--store memory|indexeddb]`.
 * It drives the same engine as the app and prints one JSON document; see "Headless runner" in
 * README.md for the outputs and exit codes.
 */
import { readFile } from 'node:fs/promises'
import {
  buildResult,
  formatProblems,
  parseScenarioText,
  Simulation,
  type Result,
  type Scenario,
} from '../core'
import { MAX_SEED, parseArgs, USAGE, type CliOptions } from './args'
import { runSample, RunsAggregate } from './runs'

const OK = 0
const FAILED = 1
const USAGE_ERROR = 2

async function main(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv)
  if (!args.ok) return usageError(args.message)
  if (args.help) return print(USAGE)
  const options = args.options
  let text: string
  try {
    text = options.file === '-' ? await readStdin() : await readFile(options.file, 'utf8')
  } catch (error) {
    return usageError(`cannot read ${options.file}: ${(error as Error).message}`, false)
  }
  const parsed = parseScenarioText(text)
  if (!parsed.ok) {
    process.stderr.write(formatProblems(parsed.problems) + '\n')
    return USAGE_ERROR
  }
  const scenario = parsed.scenario
  const seed = options.seed ?? scenario.seed
  if (options.runs !== null && seed + options.runs - 1 > MAX_SEED)
    return usageError(`--runs ${options.runs} from seed ${seed} would pass seed ${MAX_SEED}`)
  try {
    return print(
      options.runs === null
        ? await one({ ...scenario, seed }, options)
        : many(scenario, seed, options.runs),
    )
  } catch (error) {
    process.stderr.write(`simulate: the run failed: ${(error as Error).message}\n`)
    return FAILED
  }
}

async function one(scenario: Scenario, options: CliOptions): Promise<string> {
  const result =
    options.store === 'indexeddb'
      ? await onIndexedDb(scenario, options.trace)
      : buildResult(new Simulation(scenario).run(), { trace: options.trace })
  return JSON.stringify(result, null, 2)
}

/** Loaded on demand, after the IndexedDB shim, so that Dexie sees an IndexedDB when it loads. */
async function onIndexedDb(scenario: Scenario, trace: boolean): Promise<Result> {
  // Node has no IndexedDB: install the in-memory one as globals, as a browser has them.
  if (!('indexedDB' in globalThis)) await import('fake-indexeddb/auto')
  const { runOnIndexedDb } = await import('./indexeddb')
  return runOnIndexedDb(scenario, trace)
}

function many(scenario: Scenario, from: number, runs: number): string {
  const aggregate = new RunsAggregate(scenario.name)
  for (let seed = from; seed < from + runs; seed++) {
    // The aggregate keeps measures only, so the online order check would be wasted work.
    const sim = new Simulation({ ...scenario, seed }, { check: false }).run()
    aggregate.add(runSample(sim, buildResult(sim)))
  }
  return JSON.stringify(aggregate.report(), null, 2)
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

function print(text: string): number {
  process.stdout.write(text + '\n')
  return OK
}

function usageError(message: string, withUsage = true): number {
  const hint = withUsage ? `${USAGE.split('\n')[0]}\n(--help explains the options)\n` : ''
  process.stderr.write(`simulate: ${message}\n${hint}`)
  return USAGE_ERROR
}

// A reader that stops early (`| head`) is not an error of ours: end quietly, not with a trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error
  process.exit()
})
// exitCode, not exit(): a large result piped to another program must be written out in full.
process.exitCode = await main(process.argv.slice(2))
