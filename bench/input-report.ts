/**
 * The input section of BENCHMARKS.md, from the figures bench/input-latency.ts collects.
 */
import { quantile, type Condition, type InputFigures, type Measured } from './input-latency'
import type { LongFrame } from './browser/input-api'
import { count, ms, percent } from './report'

/** The goal of the playground issue: during a fast-forward, p95 under 100 ms and within 2× idle. */
export const GOAL = { ms: 100, ratio: 2 }
/** Event Timing reports no entry under this duration. */
const THRESHOLD = 16

const x = (r: number) => `${r.toFixed(2)}×`

interface Stats {
  readonly p50: number
  readonly p95: number
  readonly max: number
}

function stats(xs: readonly number[]): Stats {
  return { p50: quantile(xs, 0.5), p95: quantile(xs, 0.95), max: Math.max(...xs) }
}

/** Event Timing durations, a press with no entry counting as under the threshold (0 here). */
const eventTimes = (c: Condition) => c.measured.map((m) => m.eventTiming ?? 0)
const eventMs = (v: number) => (v < THRESHOLD ? `< ${THRESHOLD} ms` : ms(v))

function ratioCell(during: number, idle: number, floor = 0): string {
  if (during < floor) return 'both under the threshold'
  if (idle < floor) return `> ${x(during / floor)} (idle under the threshold)`
  return x(during / idle)
}

function row(what: string, c: Condition, pick: (m: Measured) => number, f = ms): string {
  const s = stats(c.measured.map(pick))
  return `| ${what} | ${c.measured.length} | ${f(s.p50)} | ${f(s.p95)} | ${f(s.max)} |`
}

function verdict(name: string, during: Stats, idle: Stats, floor = 0): string {
  const under = during.p95 < GOAL.ms
  const ratio = during.p95 / Math.max(idle.p95, floor)
  const within = ratio <= GOAL.ratio
  const met = under && within ? '**met**' : '**not met**'
  return `- ${name}: ${met}: p95 during the fast-forward ${ms(during.p95)} (${under ? 'under' : 'over'} ${GOAL.ms} ms), ${x(ratio)} the idle p95 (${within ? 'within' : 'beyond'} ${GOAL.ratio}×).`
}

function excludedNote(c: Condition): string {
  const n = c.excluded.length
  if (n === 0) return 'No press straddled the end of the run.'
  const worst = Math.max(...c.excluded.map((m) => m.explicit))
  return `${n} press${n === 1 ? '' : 'es'} straddled the end of a run (the key handled while it computed, the effect shown after its end) and ${n === 1 ? 'is' : 'are'} not counted; the longest took ${ms(worst)} (explicit).`
}

function longWork(c: Condition): string {
  const tasks = c.longTasks.map((t) => t.duration)
  const frames = c.longFrames.map((f) => f.duration)
  const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0)
  return tasks.length === 0 && frames.length === 0
    ? 'no long task and no long animation frame'
    : `${tasks.length} long tasks (over 50 ms; longest ${ms(Math.max(0, ...tasks))}, ${ms(sum(tasks))} in all) and ${frames.length} long animation frames (longest ${ms(Math.max(0, ...frames))}; ${frameParts(c.longFrames)})`
}

/** A long frame's time split: its scripts, the rest before rendering, and the rendering. */
function frameParts(frames: readonly LongFrame[]): string {
  let scripts = 0
  let rendering = 0
  let layout = 0
  let total = 0
  for (const f of frames) {
    const end = f.startTime + f.duration
    total += f.duration
    scripts += f.scripts.reduce((a, s) => a + s.duration, 0)
    if (f.renderStart > 0) rendering += end - f.renderStart
    if (f.styleAndLayoutStart > 0) layout += end - f.styleAndLayoutStart
  }
  return `of their ${ms(total)}: attributed scripts ${ms(scripts)}, from the start of rendering (animation-frame callbacks, then style and layout) ${ms(rendering)}, style and layout alone ${ms(layout)}`
}

export function renderInput(f: InputFigures): string {
  const { idle, during } = f
  const explicit = {
    idle: stats(idle.measured.map((m) => m.explicit)),
    during: stats(during.measured.map((m) => m.explicit)),
  }
  const timing = { idle: stats(eventTimes(idle)), during: stats(eventTimes(during)) }
  const p = f.profile
  const scripts = f.scripts
    .slice(0, 8)
    .map((s) => `| ${s.name.replace(/\|/g, '\\|')} | ${ms(s.ms)} |`)
  return `## Input latency

_Written by \`npm run bench\` (bench/input-latency.ts) on ${f.date}. Do not edit by hand: rerun it._

**Machine:** ${f.machine}. ${f.cores} cores (\`os.cpus().length\`). Browser: ${f.browser}, headless, software rendering, a fresh on-disk profile. Both conditions ran one after the other in the same page of the same browser process.

**Method.** The app is built with the project's Vite config (unminified, so that profiles name functions) and served by \`vite preview\`. The scenario \`largePush(${count(f.options.events)})\` is imported as a scenario file through the app's Import button. A probe injected before the app's scripts (bench/browser/input-probe.ts) measures each key press two ways:

- _Explicit_: the keydown's \`event.timeStamp\` (when the browser received the key, so time spent waiting for a busy main thread counts) to the first \`requestAnimationFrame\` callback after a MutationObserver saw the speed label on the playback bar show the new speed: the frame that paints the effect.
- _Event Timing_: the \`duration\` of the keydown's entry (\`PerformanceObserver\`, \`type: 'event'\`, \`durationThreshold: 16\`, \`buffered: true\`): from the event's timestamp to the next paint after its handlers, in steps of 8 ms. The browser reports no entry under 16 ms; such a press counts as "< 16 ms".

Presses go through \`page.keyboard.press\`, alternating \`]\` (faster) and \`[\` (slower) so that the label changes each time; each waits for its effect, then 40–160 ms drawn from a seeded stream (seed ${f.options.seed}). After 5 unmeasured presses:

- _Idle_: ${f.options.presses} presses with the run opened by "Start" and paused at 0.
- _During the fast-forward_: after "Run … to the end", presses from the start of the run until it ends (at least ${f.options.presses}), so that they sample all of it: the engine computing in slices of about 8 ms per animation frame, the group-commit saves to IndexedDB, the frames drawn. A press counts only when the app showed the run as computing both when the key was handled and at the frame of its effect${f.restarts > 0 ? `; the run reached its end ${f.restarts} time(s) before enough presses were made and was run again` : ''}. The counted presses span ${ms(during.spanMs)} of the last run's ${ms(f.runMs)} (click on "Run" to its summary on screen). ${excludedNote(during)}

| measure: condition | presses | p50 | p95 | max |
| --- | --- | --- | --- | --- |
${row('explicit: idle', idle, (m) => m.explicit)}
${row('**explicit: during the fast-forward**', during, (m) => m.explicit)}
${row('Event Timing: idle', idle, (m) => m.eventTiming ?? 0, eventMs)}
${row('**Event Timing: during the fast-forward**', during, (m) => m.eventTiming ?? 0, eventMs)}
${row('key waiting for the main thread: idle', idle, (m) => m.queued)}
${row('key waiting for the main thread: during', during, (m) => m.queued)}

| ratio during / idle | p50 | p95 |
| --- | --- | --- |
| explicit | ${ratioCell(explicit.during.p50, explicit.idle.p50)} | ${ratioCell(explicit.during.p95, explicit.idle.p95)} |
| Event Timing | ${ratioCell(timing.during.p50, timing.idle.p50, THRESHOLD)} | ${ratioCell(timing.during.p95, timing.idle.p95, THRESHOLD)} |

**Goal: during a 100k fast-forward, p95 under ${GOAL.ms} ms and within ${GOAL.ratio}× of idle.**

${verdict('Explicit measure', explicit.during, explicit.idle)}
${verdict('Event Timing', timing.during, timing.idle, THRESHOLD)}

**Long work on the main thread** while the presses were made: idle, ${longWork(idle)}; during the fast-forward (${ms(during.spanMs)} of presses), ${longWork(during)}. After the last counted press (the end of the run, with \`buildResult\` for the summary): ${during.after.length} long tasks, the longest ${ms(Math.max(0, ...during.after.map((t) => t.duration)))}.
${scripts.length > 0 ? `\nScripts in the long animation frames during the presses (Long Animation Frames API, summed):\n\n| invoker → function | time |\n| --- | --- |\n${scripts.join('\n')}\n` : ''}
How the app keeps input responsive while it computes (src/state/player.ts, src/state/run-actions.ts, src/persistence/dexie-store.ts): the engine runs in slices of about 8 ms per animation frame, and the frame after a key or pointer press computes nothing, so that it paints the press's effect as an idle page would; while a run computes ahead, the panels hold still (marked busy) and only the progress line and the speed redraw, since redrawing the panels cost a long frame each time (a learner's action still redraws them at once); a saved run computes at most \`MAX_UNSAVED\` events ahead of its saves, and a save adds its events to IndexedDB 50 at a time, each piece in the callback of the one before (a task of its own), inside one transaction; a computing run saves its read-model rows only once it stops. What is left after the last press is the end of the run: building its result and summary (\`buildResult\`) in one task.

### Where a fast-forward's main-thread time goes

A separate run of the same scenario, with DevTools' sampling profiler on (every 0.5 ms; not used for the latencies above): ${ms(p.ms)} from the click to the summary on screen, ${count(p.samples)} samples, the main thread idle in ${percent(p.idle)} of them. Self time as a share of the busy samples; entries without a file are the browser's own code: \`add\` and \`put\` are IndexedDB's \`IDBObjectStore\` methods, which Dexie calls once per record of a save (the record is cloned then and there), and "(program)" is native work outside any JavaScript function (layout, paint, IPC, the IndexedDB callbacks' plumbing):

| file | self time |
| --- | --- |
${p.files
  .slice(0, 12)
  .map((s) => `| ${s.name} | ${percent(s.share)} |`)
  .join('\n')}

| function (file) | self time |
| --- | --- |
${p.functions
  .slice(0, 12)
  .map((s) => `| ${s.name} | ${percent(s.share)} |`)
  .join('\n')}
`
}
