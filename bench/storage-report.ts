/**
 * The storage section of BENCHMARKS.md, from the figures bench/storage.ts collects. Ratios are
 * taken per round (the paths ran interleaved, under the same load), then the median.
 */
import type { Appended, Read } from './browser/api'
import { count, median, mib, ms } from './report'
import type { StorageFigures } from './storage'

/** The goals of the IndexedDB issue. */
export const GOALS = { ratio: 0.9, reopenMs: 1000 }

type Timed = Pick<Appended | Read, 'ms'>

/** Events per second, with a decimal below 10k/s (IndexedDB appends on a busy machine). */
const perSecond = (n: number, millis: number) => {
  const k = n / millis
  return `${k < 10 ? k.toFixed(1) : Math.round(k)} k/s`
}
const range = (xs: readonly number[], f: (x: number) => string) =>
  `${f(Math.min(...xs))} – ${f(Math.max(...xs))}`
const times = (xs: readonly number[]) => `${ms(median(xs))} | ${range(xs, ms)}`
const times2 = (xs: readonly number[]) => (xs.length ? times(xs) : '— | —')
const x = (r: number) => `${r.toFixed(2)}×`
/** Rate of `a` over the rate of `b`, round by round: same events, so the inverse time ratio. */
const ratios = (a: readonly Timed[], b: readonly Timed[], pick = (t: Timed) => t.ms) =>
  a.map((t, i) => (b[i] as Timed).ms / pick(t))
const ratioCell = (rs: readonly number[]) => `${x(median(rs))} (${range(rs, x)})`

function verdict(rs: readonly number[], what: string): string {
  const r = median(rs)
  const met = r >= GOALS.ratio ? '**met**' : '**missed**'
  const worst = Math.min(...rs)
  return `${met}: ${what} at ${x(r)} the rate of raw IndexedDB (median of the per-round ratios; lowest round ${x(worst)}).`
}

export function renderStorage(f: StorageFigures): string {
  const o = f.options
  const { store, raw } = f.append
  const relaxed = f.append['raw-relaxed']
  const flush = (t: Timed) => (t as Appended).flushMs
  const rate = (runs: readonly Timed[], n: number, pick = (t: Timed) => t.ms) =>
    perSecond(n, median(runs.map(pick)))
  const appendRatio = ratios(store, raw)
  const readRatio = ratios(f.read.store, f.read.raw)
  const one = raw.map(() => 1)
  const step = (label: string, k: 'open' | 'session' | 'firstView' | 'total') =>
    `| ${label} | ${times(f.reopen.map((r) => r[k]))} | ${times2(f.restart.map((r) => r[k]))} |`
  const reopen = median(f.reopen.map((r) => r.total))
  const floor = median(f.readAll)
  const rows = f.reopen[0]?.rows ?? 0
  const head = count(f.run.head)
  return `
## Storage

_Written by \`npm run bench\` (bench/storage.ts, page bench/browser/) on ${f.date}. Do not edit by hand: rerun it (\`npm run bench:storage\` runs this section alone)._

**Machine:** ${f.machine}; load average ${f.loadAfter.toFixed(2)} when it ended. The machine is shared: compare the store with raw IndexedDB within this run (they ran interleaved, under the same load), not absolute rates across runs. **Browser:** ${f.browser}, headless, driven by Playwright, with ${f.profile}: IndexedDB on disk as for a user, not Playwright's in-memory default.

**Data:** the ${count(f.prepared)} events the engine appends for \`largePush(${count(o.events)})\`, computed once in the page before anything is timed, in the record layout of \`toRecord\`, with the primary key \`[runId+position]\` and the unique indexes \`[runId+stream+version]\` and \`[runId+id]\` of schema v1.

**Method.** All in one page, served by \`vite preview\` from a production build. Medians and ranges of ${o.runs} round${o.runs === 1 ? '' : 's'} after ${o.warmups} warm-up round${o.warmups === 1 ? '' : 's'} (appends of ${count(Math.round(o.events / 10))} events); each round starts after a full GC (\`--js-flags=--expose-gc\`). The paths compared run **interleaved**, batch by batch for appends and page by page for reads, in reversed order every other time, so that both see the same load and neither always finds the caches warmed by the other. Store ÷ raw is the ratio of rates (events/s) in each round, then the median.

- _Append_ ${count(o.events)} events, ${count(o.batch)} per transaction, each path into a fresh database of its own (deleted after the round). The store: \`DexieEventStore.append\` for each event (decided on its in-memory index, as the engine's appends are), then \`flush()\`: one Dexie transaction that checks the run's revision, \`bulkAdd\`s the batch and updates the run. It is fed the engine's precomputed events rather than driven by the engine, so that the engine's own time (section _Engine_) is not counted as the store's. Raw: \`indexedDB.open\` and \`createObjectStore\` with the same key path and unique indexes, then per batch one \`readwrite\` transaction of \`add\`s of the same records, awaited to \`complete\`. Dexie opens its transactions with \`chromeTransactionDurability: 'strict'\` (a committed batch reached the disk, docs/storage.md), so the raw baseline asks for \`durability: 'strict'\` too; raw with \`'relaxed'\` shows what that choice costs.
- _Catch-up read_: every event of the stored ${head}-event run after position 0 in pages of ${count(o.page)}, each page in a transaction of its own, as a pull subscriber reads. The store: the repository function \`readEventsAfter(db, runId, after, ${o.page})\`. Raw: \`getAll(IDBKeyRange.bound([runId, after], [runId, Infinity], true, false), ${o.page})\` on the same database.
- _Reopen_: what a reload of the app does before it shows a stored run: \`openDatabase()\`, then \`RunSession.reopen\` (which reads the run record; the stored events are compared with the re-appended ones a page at a time while the engine catches up, so a reopen does not wait for them), then its checkpoints and every projection's rows (what a first view shows). Timed in the page after \`page.reload()\`, and after closing and relaunching Chromium on the same profile (${f.restart.length} rounds). For comparison, raw code reads all the run's events in one \`getAll\` after a reload of its own: what a reopen that loaded every event first (as this one did before) could not go under.
- _Full recomputation_ (for information): \`RunSession.reopen\`, then \`advance({ maxSteps: 5000 })\` and \`save()\` (which checks the re-appended events against the stored ones) until the engine is past the stored clock, after a reload (${f.replay.length} rounds).
- The stored run was written as the app writes: the engine on \`RunSession\`, one \`save()\` (events, changed read-model rows, checkpoints) per 5,000 steps: ${head} events and ${count(rows)} rows in ${ms(f.run.ms)}; the origin then used ${mib(f.run.usage)} (\`navigator.storage.estimate()\`).

| append ${count(o.events)} events | median | range | events/s | ÷ raw (strict) rate |
| --- | --- | --- | --- | --- |
| **\`DexieEventStore\`**: \`append\` + \`flush()\` per ${count(o.batch)} | ${times(store.map((t) => t.ms))} | ${rate(store, o.events)} | ${ratioCell(appendRatio)} |
| of which in \`flush()\` | ${times(store.map(flush))} | ${rate(store, o.events, flush)} | ${ratioCell(ratios(store, raw, flush))} |
| **raw IndexedDB**, \`durability: 'strict'\` | ${times(raw.map((t) => t.ms))} | ${rate(raw, o.events)} | ${ratioCell(one)} |
| raw IndexedDB, \`durability: 'relaxed'\` | ${times(relaxed.map((t) => t.ms))} | ${rate(relaxed, o.events)} | ${ratioCell(ratios(relaxed, raw))} |

| read ${head} events in pages of ${count(o.page)} | median | range | events/s | ÷ raw rate |
| --- | --- | --- | --- | --- |
| **\`readEventsAfter\`** | ${times(f.read.store.map((t) => t.ms))} | ${rate(f.read.store, f.run.head)} | ${ratioCell(readRatio)} |
| **raw \`getAll\`** | ${times(f.read.raw.map((t) => t.ms))} | ${rate(f.read.raw, f.run.head)} | ${ratioCell(one)} |

| reopen a ${head}-event run | after a reload: median | range | after a browser restart: median | range |
| --- | --- | --- | --- | --- |
${step('`openDatabase()`', 'open')}
${step('`RunSession.reopen` (the run record)', 'session')}
${step(`checkpoints and ${count(rows)} rows (the first view)`, 'firstView')}
${step('**total**', 'total')}
| _for comparison: raw \`getAll\` of the ${head} events in one request, which a reopen no longer waits for_ | ${times(f.readAll)} | | |

| full recomputation (for information) | median | range |
| --- | --- | --- |
| \`RunSession.reopen\` | ${times(f.replay.map((r) => r.reopen))} |
| driving the engine to the stored clock, checking every stored event | ${times(f.replay.map((r) => r.drive))} |
| **total** | ${times(f.replay.map((r) => r.total))} |

**Goals.**

- Append, the store within ${GOALS.ratio}× of raw IndexedDB: ${verdict(appendRatio, 'the store appends')}
- Catch-up read, the store within ${GOALS.ratio}× of raw IndexedDB: ${verdict(readRatio, '`readEventsAfter` reads')}
- Reopen under ${ms(GOALS.reopenMs)}: ${reopen < GOALS.reopenMs ? '**met**' : '**missed**'}: ${ms(reopen)} median after a reload (slowest ${ms(Math.max(...f.reopen.map((r) => r.total)))}), ${f.restart.length ? `${ms(median(f.restart.map((r) => r.total)))} after a browser restart` : 'no browser restart measured'}. Loading every event first would cost at least the ${ms(floor)} of one raw \`getAll\`; the run's recomputation (below) goes on behind the first view.
`
}
