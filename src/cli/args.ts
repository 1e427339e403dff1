import { parseArgs as parseNodeArgs } from 'node:util'

export const USAGE = `usage: npm run -s simulate -- <scenario.json | -> [--seed N] [--trace] [--runs N] [--store S]

  <scenario.json>  a scenario file (format eventually.scenario/v1); - reads standard input
  --seed N         run with seed N instead of the scenario's (0..4294967295)
  --trace          include every delivery and each projection's series in the result
  --runs N         run seeds seed..seed+N-1 (1..10000) and print their aggregate
  --store S        where events are appended: memory (default) or indexeddb (the app's
                   Dexie event store, on an in-memory IndexedDB under Node); same output
  -h, --help       print this help

Prints one JSON document to stdout. Exit codes: 0 ok, 1 the engine failed,
2 bad arguments, an unreadable file or an invalid scenario (problems on stderr).`

export const MAX_SEED = 4294967295
export const MAX_RUNS = 10_000
export const STORES = ['memory', 'indexeddb'] as const
export type StoreKind = (typeof STORES)[number]

export interface CliOptions {
  /** A path, or '-' for standard input. */
  readonly file: string
  readonly seed: number | null
  readonly trace: boolean
  readonly runs: number | null
  readonly store: StoreKind
}

export type ParsedArgs =
  | { readonly ok: true; readonly help: true }
  | { readonly ok: true; readonly help: false; readonly options: CliOptions }
  | { readonly ok: false; readonly message: string }

/** Reads the command line; never throws, so that a bad flag is a message and not a stack trace. */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  let parsed
  try {
    parsed = parseNodeArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        seed: { type: 'string' },
        runs: { type: 'string' },
        store: { type: 'string', default: 'memory' },
        trace: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    })
  } catch (error) {
    // Node's messages are clear but span lines; one line reads better after "simulate: ".
    return fail((error as Error).message.replace(/\s*\n\s*/g, ' '))
  }
  const { values, positionals } = parsed
  if (values.help) return { ok: true, help: true }
  if (positionals.length !== 1)
    return fail(
      positionals.length === 0
        ? 'missing the scenario file (use - for standard input)'
        : `expected one scenario file, got ${positionals.length}: ${positionals.join(' ')}`,
    )
  const seed = values.seed === undefined ? null : integer('--seed', values.seed, 0, MAX_SEED)
  if (typeof seed === 'string') return fail(seed)
  const runs = values.runs === undefined ? null : integer('--runs', values.runs, 1, MAX_RUNS)
  if (typeof runs === 'string') return fail(runs)
  if (runs !== null && values.trace)
    return fail('--trace cannot be combined with --runs (trace one seed at a time)')
  const store = STORES.find((name) => name === values.store)
  if (!store) return fail(`--store must be ${STORES.join(' or ')}, not "${values.store}"`)
  if (runs !== null && store !== 'memory')
    return fail('--store indexeddb runs one seed: it cannot be combined with --runs')
  const file = positionals[0] as string
  return { ok: true, help: false, options: { file, seed, trace: values.trace, runs, store } }
}

/** A decimal integer in [min, max], or the message saying why not. */
function integer(flag: string, text: string, min: number, max: number): number | string {
  const n = /^\d+$/.test(text) ? Number(text) : NaN
  return Number.isSafeInteger(n) && n >= min && n <= max
    ? n
    : `${flag} must be a whole number from ${min} to ${max}, not "${text}"`
}

function fail(message: string): ParsedArgs {
  return { ok: false, message }
}
