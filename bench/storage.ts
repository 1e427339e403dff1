/**
 * IndexedDB in a real browser: the app's event store against raw IndexedDB code doing the same
 * work, and the time to reopen a stored run. Runs in Chromium on a persistent (on-disk) profile,
 * driven through the bench page (bench/browser/); see bench/storage-report.ts for the write-up.
 */
import type {
  Appended,
  Read,
  ReadPath,
  Reopened,
  Replayed,
  StoredRun,
  WritePath,
} from './browser/api'
import os from 'node:os'
import { openBenchPage } from './bench-page'
import { machine, ms } from './report'

export interface StorageOptions {
  readonly events: number
  readonly runs: number
  readonly warmups: number
  /** Events per transaction on both write paths (the CLI flushes every 2,000). */
  readonly batch: number
  /** Events per catch-up read, as a pull subscriber or a rebuild reads them. */
  readonly page: number
}

export interface StorageFigures {
  readonly options: StorageOptions
  readonly machine: string
  readonly browser: string
  readonly profile: string
  readonly date: string
  /** The 1-minute load average at the end (machine() has it at the start). */
  readonly loadAfter: number
  readonly prepared: number
  readonly run: StoredRun
  readonly append: Readonly<Record<WritePath, readonly Appended[]>>
  readonly read: Readonly<Record<ReadPath, readonly Read[]>>
  /** After a page reload, and after a browser restart on the same profile. */
  readonly reopen: readonly Reopened[]
  /** Raw `getAll` of the whole run in one request, after a reload: the floor under a reopen. */
  readonly readAll: readonly number[]
  readonly restart: readonly Reopened[]
  readonly replay: readonly Replayed[]
}

/** Full recomputations and browser restarts take seconds each and are for information: fewer. */
const SLOW_ROUNDS = 3

const name = (round: number, o: StorageOptions) =>
  round < o.warmups ? 'warm-up' : `round ${round - o.warmups + 1}`
const text = (t: Appended | Read) => `${t.path} ${ms(t.ms)}`

export async function measureStorage(
  options: StorageOptions,
  log: (line: string) => void,
): Promise<StorageFigures> {
  const machineFacts = machine()
  const bench = await openBenchPage(log)
  try {
    log(`storage: ${bench.browser}, ${bench.profile}`)
    const { events: prepared, ms: engine } = await bench.call('prepare', options.events)
    log(`storage: ${prepared} events computed by the engine in ${ms(engine)} (untimed)`)
    const { batch, page } = options

    const append: Record<WritePath, Appended[]> = { store: [], raw: [], 'raw-relaxed': [] }
    for (let round = 0; round < options.warmups + options.runs; round++) {
      const measured = round >= options.warmups
      const count = measured ? options.events : Math.max(1, Math.round(options.events / 10))
      const figures = await bench.call('append', count, batch, round)
      log(`storage: append ${name(round, options)}: ${figures.map(text).join(', ')}`)
      if (measured) for (const a of figures) append[a.path].push(a)
    }

    log('storage: saving a run as the app does (engine + store, one save per tick)...')
    const run = await bench.call('storeRun')
    log(`storage: run ${run.runId} saved, ${run.head} events, ${ms(run.ms)}`)
    const read: Record<ReadPath, Read[]> = { store: [], raw: [] }
    for (let round = 0; round < options.warmups + options.runs; round++) {
      const figures = await bench.call('read', run.runId, page, round)
      for (const r of figures)
        if (r.events !== run.head) throw new Error(`${r.path} read ${r.events} of ${run.head}`)
      log(`storage: read ${name(round, options)}: ${figures.map(text).join(', ')}`)
      if (round >= options.warmups) for (const r of figures) read[r.path].push(r)
    }

    // Each after a reload of its own, in turn, so neither finds the other's reads in a cache.
    const reopen: Reopened[] = []
    const readAll: number[] = []
    for (let round = 0; round < options.runs; round++) {
      for (const what of round % 2 ? ['raw', 'store'] : ['store', 'raw']) {
        await bench.reload()
        if (what === 'raw') {
          const r = await bench.call('readAll', run.runId)
          if (r.events !== run.head) throw new Error(`raw getAll read ${r.events} of ${run.head}`)
          readAll.push(r.ms)
        } else reopen.push(checked(await bench.call('reopen', run.runId), run))
      }
      log(
        `storage: reopen after a reload ${round + 1}: ${ms(reopen[round]?.total ?? NaN)}, raw getAll ${ms(readAll[round] ?? NaN)}`,
      )
    }
    const restart = await repeat(SLOW_ROUNDS, log, 'reopen after a browser restart', async () => {
      await bench.restart()
      return checked(await bench.call('reopen', run.runId), run)
    })
    const replay = await repeat(SLOW_ROUNDS, log, 'replay to the stored clock', async () => {
      await bench.reload()
      const r = await bench.call('replay', run.runId)
      if (r.divergence || r.head !== run.head)
        throw new Error(`the replay ended at ${r.head} (${r.divergence ?? 'no divergence'})`)
      return r
    })
    const date = new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC'
    return {
      options,
      machine: machineFacts,
      browser: bench.browser,
      profile: bench.profile,
      date,
      loadAfter: os.loadavg()[0] ?? 0,
      prepared,
      run,
      append,
      read,
      reopen,
      readAll,
      restart,
      replay,
    }
  } finally {
    await bench.close()
  }
}

async function repeat<T extends { total: number }>(
  rounds: number,
  log: (line: string) => void,
  what: string,
  once: () => Promise<T>,
): Promise<T[]> {
  const results: T[] = []
  for (let i = 0; i < rounds; i++) {
    const r = await once()
    log(`storage: ${what} ${i + 1}: ${ms(r.total)}`)
    results.push(r)
  }
  return results
}

function checked(r: Reopened, run: StoredRun): Reopened {
  if (r.head !== run.head) throw new Error(`reopened ${r.head} events of ${run.head}`)
  return r
}
