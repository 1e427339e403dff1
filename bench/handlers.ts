/**
 * The four handlers on one faulty scenario. Each handler runs alone as a projection with the same
 * id on the same seed, so the network makes exactly the same choices for all four (the link's
 * random streams are named after the projection id): the differences are the handler's own.
 */
import { performance } from 'node:perf_hooks'
import { buildResult, HANDLER_NAMES, Simulation, type HandlerName, type Result } from '../src/core'
import { largePush, load } from '../src/scenarios'
import { count, machine, median, ms, perSecond } from './report'

export interface HandlerFigures {
  readonly handler: HandlerName
  readonly times: readonly number[]
  readonly applied: number
  readonly result: Result
}

/** The bench scenario's workload and faults with a single projection of one handler. */
function scenarioFor(handler: HandlerName, events: number) {
  const base = largePush(events)
  const first = base.projections[0]
  if (!first) throw new Error('the bench scenario has no projection')
  return load({
    ...base,
    name: `${base.name}, ${handler}`,
    projections: [{ ...first, id: 'p', handler }],
    faults: [
      { type: 'partition', projection: 'p', from: 10_000, to: 12_000 },
      { type: 'crash', projection: 'p', at: 20_000, restartAt: 21_000 },
    ],
  })
}

export function measureHandlers(
  events: number,
  runs: number,
  log: (line: string) => void,
): HandlerFigures[] {
  return HANDLER_NAMES.map((handler) => {
    const scenario = scenarioFor(handler, events)
    const times: number[] = []
    let sim = new Simulation(scenario).run() // warm-up
    for (let i = 0; i < runs; i++) {
      globalThis.gc?.()
      const t0 = performance.now()
      sim = new Simulation(scenario).run()
      times.push(performance.now() - t0)
    }
    const applied = sim.projections[0]?.stats.applied ?? 0
    log(`${handler}: ${ms(median(times))}`)
    return { handler, times, applied, result: buildResult(sim) }
  })
}

export function renderHandlers(
  figures: readonly HandlerFigures[],
  events: number,
  runs: number,
): string {
  const rows = figures.map(({ handler, times, applied, result }) => {
    const p = result.projections.p
    if (!p) throw new Error('no projection p')
    const v = p.visibility
    const vis = v ? `${ms(v.p50)} / ${ms(v.p90)} / ${ms(v.p99)} / ${ms(v.max)}` : '—'
    const anomalies = result.anomalies.filter((a) => a.type !== 'lost-event').length
    const state = p.consistent ? `yes, at ${ms(p.convergedAt ?? 0)}` : 'no'
    return `| \`${handler}\` | ${ms(median(times))} | ${perSecond(applied, median(times))} | ${count(p.memory.peakEntries)} | ${vis} | ${count(p.stats.skipped)} | ${count(p.stats.buffered)} | ${count(p.stats.fetched)} | ${count(anomalies)} | ${state} |`
  })
  return `
## Handlers

_Written by \`npm run bench\` (bench/handlers.ts) on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC. Do not edit by hand: rerun it._

**Machine:** ${machine()}

**Scenario:** the engine section's workload (${count(events)} todo events, renames over 500 keys) delivered by at-least-once push to one projection over a link with lognormal latency (median 20 ms), 2 % loss, 2 % duplication, 5 % of messages delayed by up to 200 ms, a 2 s partition and a 1 s crash. Each handler runs alone with the same projection id and seed, so all four see the very same deliveries.

**Method.** Median of ${runs} headless runs after a warm-up, each after a full GC. _Memory_ is the most entries the handler held at once in its dedupe set and buffer (the order-tolerant handler also counts its per-key bookkeeping rows); the dedupe set is bounded: positions at or below a watermark are not stored. _Visibility_ is append to first application: p50 / p90 / p99 / max. _Anomalies_ are the checker's findings other than lost events (none are lost under at-least-once).

| handler | run | applied/s | peak memory (entries) | visibility p50 / p90 / p99 / max | skipped | buffered | fetched | anomalies | converged |
| ------- | --- | --------- | --------------------- | -------------------------------- | ------- | -------- | ------- | --------- | --------- |
${rows.join('\n')}

Reading the table: \`naive\` and \`idempotent\` end wrong (the checker pins why); \`ordered\` buys correctness with waiting (its tail visibility grows with every gap it must wait out or fetch); \`order-tolerant\` is right without waiting, at the price of per-field versions kept beside each row.
`
}
