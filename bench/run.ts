/**
 * `npm run bench`: measures the engine, the handlers and storage in the browser, and rewrites their
 * sections of BENCHMARKS.md. Not part of `npm test`: the figures depend on the machine. Options
 * for a quick look (nothing is written): `npm run bench -- --events 10000 --runs 3 --no-write`.
 * `--only storage` (or `engine`, `handlers`, `input`; comma-separated) runs some sections alone, and still
 * writes them on a default run: `npm run bench:storage` is `npm run bench -- --only storage`.
 */
import { parseArgs } from 'node:util'
import { measureEngine, renderEngine } from './engine'
import { measureHandlers, renderHandlers } from './handlers'
import { measureInput } from './input-latency'
import { renderInput } from './input-report'
import { writeSection } from './report'
import { measureStorage } from './storage'
import { renderStorage } from './storage-report'

const SECTIONS = ['engine', 'handlers', 'storage', 'input'] as const
type Section = (typeof SECTIONS)[number]

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '5' },
    warmups: { type: 'string', default: '1' },
    only: { type: 'string', default: SECTIONS.join(',') },
    'no-write': { type: 'boolean', default: false },
  },
})
const only = new Set(values.only.split(',').map((s) => s.trim()))
for (const name of only)
  if (!SECTIONS.includes(name as Section))
    throw new Error(`--only ${name}: no such section (${SECTIONS.join(', ')})`)
const options = {
  events: Number(values.events),
  runs: Number(values.runs),
  warmups: Number(values.warmups),
}
const defaults = options.events === 100_000 && options.runs >= 5 && options.warmups >= 1
const log = (line: string) => console.error(line)

/** Prints a section, and writes it into BENCHMARKS.md only on a full default run. */
async function report(name: Section, section: string): Promise<void> {
  console.log(section)
  if (!values['no-write'] && defaults) {
    await writeSection(name, section)
    log(`wrote the ${name} section of BENCHMARKS.md`)
  } else log(`BENCHMARKS.md left as it is for ${name} (only a full default run writes it)`)
}

const started = performance.now()
if (only.has('engine')) await report('engine', renderEngine(await measureEngine(options, log)))
if (only.has('handlers')) {
  const handlerRuns = Math.max(3, Math.min(options.runs, 5))
  const figures = measureHandlers(options.events, handlerRuns, log)
  await report('handlers', renderHandlers(figures, options.events, handlerRuns))
}
if (only.has('storage')) {
  // Batches of 2,000 events as the CLI flushes; pages of 1,000 as a pull subscriber reads.
  const figures = await measureStorage({ ...options, batch: 2000, page: 1000 }, log)
  await report('storage', renderStorage(figures))
}
if (only.has('input')) {
  // 100 presses idle (p95 of fewer is mostly noise), and at least as many during the
  // fast-forward of the scenario, which takes as many as fit until it ends.
  const figures = await measureInput({ events: options.events, presses: 100, seed: 2026 }, log)
  await report('input', renderInput(figures))
}
log(`done in ${((performance.now() - started) / 1000).toFixed(0)} s`)
