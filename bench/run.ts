/**
 * `npm run bench`: measures the engine and rewrites its section of BENCHMARKS.md. Not part of
 * `npm test`: the figures depend on the machine. Options for a quick look (nothing is written):
 * `npm run bench -- --events 10000 --runs 3 --no-write`.
 */
import { parseArgs } from 'node:util'
import { measureEngine, renderEngine } from './engine'
import { measureHandlers, renderHandlers } from './handlers'
import { writeSection } from './report'

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '5' },
    warmups: { type: 'string', default: '1' },
    'no-write': { type: 'boolean', default: false },
  },
})
const options = {
  events: Number(values.events),
  runs: Number(values.runs),
  warmups: Number(values.warmups),
}
const defaults = options.events === 100_000 && options.runs >= 5 && options.warmups >= 1
const started = performance.now()
const figures = await measureEngine(options, (line) => console.error(line))
const section = renderEngine(figures)
console.log(section)
if (!values['no-write'] && defaults) {
  await writeSection('engine', section)
  console.error('wrote the engine section of BENCHMARKS.md')
} else console.error('BENCHMARKS.md left as it is (only a full default run writes it)')
const handlerRuns = Math.max(3, Math.min(options.runs, 5))
const handlers = renderHandlers(
  measureHandlers(options.events, handlerRuns, (line) => console.error(line)),
  options.events,
  handlerRuns,
)
console.log(handlers)
if (!values['no-write'] && defaults) {
  await writeSection('handlers', handlers)
  console.error('wrote the handlers section of BENCHMARKS.md')
}
console.error(`done in ${((performance.now() - started) / 1000).toFixed(0)} s`)
