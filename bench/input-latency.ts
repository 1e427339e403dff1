/**
 * Input latency while a large run computes: the delay between a key press and its visible effect
 * in the app, with the app idle and during the fast-forward of `largePush(100,000)`, in one page
 * of one headless Chromium. The presses are the speed shortcuts `]` and `[`, alternating so the
 * speed label on the playback bar changes each time, at seeded random intervals; each press waits
 * for its effect before the next. See bench/browser/input-probe.ts for the two measures, and
 * bench/input-report.ts for the write-up.
 */
import os from 'node:os'
import { setTimeout as sleep } from 'node:timers/promises'
import { Rng } from '../src/core'
import { largePush } from '../src/scenarios'
import { openAppPage } from './app-page'
import type { InputProbe, LongFrame, LongTask, Press, ProbeRecords } from './browser/input-api'
import { profileRun, scriptTimes, type RunProfile } from './input-profile'
import { machine, ms } from './report'

export interface InputOptions {
  readonly events: number
  /** Measured presses per condition. */
  readonly presses: number
  readonly seed: number
}

/** One press, measured both ways. */
export interface Measured {
  readonly key: string
  /** Keydown timestamp to the first animation frame after the label changed. */
  readonly explicit: number
  /** Keydown timestamp to its handlers: how long the key waited for the main thread. */
  readonly queued: number
  /** Event Timing duration; null when under the 16 ms reporting threshold. */
  readonly eventTiming: number | null
}

export interface Condition {
  readonly measured: readonly Measured[]
  /** During: presses whose effect came after the run had ended (not counted). */
  readonly excluded: readonly Measured[]
  /** Presses whose effect never showed within the timeout. */
  readonly lost: number
  readonly longTasks: readonly LongTask[]
  readonly longFrames: readonly LongFrame[]
  /** Long tasks after the last counted press (the end of the run). */
  readonly after: readonly LongTask[]
  /** Wall time from the first counted press to the last one's effect. */
  readonly spanMs: number
}

export interface InputFigures {
  readonly options: InputOptions
  readonly machine: string
  readonly cores: number
  readonly browser: string
  readonly date: string
  readonly idle: Condition
  readonly during: Condition
  /** Times the run reached its end before enough presses were measured, and was run again. */
  readonly restarts: number
  /** The last run, from the click on "Run" to its summary on screen. */
  readonly runMs: number
  readonly profile: RunProfile
  /** The scripts of the long animation frames during the presses, by source file, summed. */
  readonly scripts: readonly { readonly name: string; readonly ms: number }[]
}

const WARMUP_PRESSES = 5
/** A run that outlasts this many presses is stuck. */
const MAX_PRESSES = 5000
const EFFECT_TIMEOUT_MS = 5000
/** Pauses between presses: 40-160 ms, drawn from a seeded stream. */
const gap = (rng: Rng) => 40 + rng.next() * 120

/** The page's global object, as the probe extends it (Node's types have no DOM). */
type PageGlobal = {
  inputProbe: InputProbe
  document: { activeElement: { blur?: () => void } | null }
}
export async function measureInput(
  options: InputOptions,
  log: (line: string) => void,
): Promise<InputFigures> {
  const machineFacts = machine()
  const app = await openAppPage(log)
  const { page } = app
  try {
    log(`input: ${app.browser}`)
    await page.getByTestId('storage-status').getByText('saved in this browser').waitFor()
    const scenario = largePush(options.events)
    const name = scenario.name ?? ''
    await page.locator('#import-file').setInputFiles({
      name: 'large-push.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(scenario)),
    })
    await page.getByTestId('notice').getByText('as a saved scenario').waitFor()
    const startButton = page.getByRole('button', { name: `Start “${name}”`, exact: true })
    const runButton = page.getByRole('button', { name: `Run “${name}” to the end`, exact: true })
    const rng = Rng.stream(options.seed, 'input latency')
    let turn = 0
    const nextKey = () => (turn++ % 2 === 0 ? ']' : '[')
    /** One press, then its effect, then a pause. */
    const press = async (): Promise<boolean> => {
      await page.keyboard.press(nextKey())
      const shown = await page.evaluate(
        (timeout) => (globalThis as unknown as PageGlobal).inputProbe.settled(timeout),
        EFFECT_TIMEOUT_MS,
      )
      await sleep(gap(rng))
      return shown
    }
    const blur = () =>
      page.evaluate(() => (globalThis as unknown as PageGlobal).document.activeElement?.blur?.())

    // (a) Idle: the run opened at 0 and paused.
    await startButton.click()
    await page.locator('.speed-value').waitFor()
    await blur()
    for (let i = 0; i < WARMUP_PRESSES; i++) await press()
    await page.evaluate(() => void (globalThis as unknown as PageGlobal).inputProbe.take())
    log(`input: idle, ${options.presses} presses...`)
    for (let i = 0; i < options.presses; i++) await press()
    const idle = condition(
      await page.evaluate(() => (globalThis as unknown as PageGlobal).inputProbe.take()),
      false,
    )
    log(
      `input: idle p50 ${ms(
        quantile(
          idle.measured.map((m) => m.explicit),
          0.5,
        ),
      )}`,
    )

    // (b) During the fast-forward: presses count only while the run computes.
    let restarts = 0
    let runStartedAt = 0
    const run = async () => {
      runStartedAt = Date.now()
      await runButton.click()
      // A new run waits for the last one's saves to commit (IndexedDB orders the transactions).
      await page.waitForFunction(
        () => (globalThis as unknown as PageGlobal).inputProbe.running(),
        null,
        { timeout: 300_000, polling: 100 },
      )
      await blur()
    }
    log(`input: during the fast-forward, presses until it ends (at least ${options.presses})...`)
    await run()
    let counted = 0
    for (let made = 0; ; made++) {
      if (made > MAX_PRESSES) throw new Error(`the run did not end after ${made} presses`)
      await press()
      const last = await page.evaluate(() =>
        (globalThis as unknown as PageGlobal).inputProbe.last(),
      )
      if (last && counts(last)) counted++
      if (
        !(await page.evaluate(() => (globalThis as unknown as PageGlobal).inputProbe.running()))
      ) {
        if (counted >= options.presses) break
        restarts++
        log(`input: the run ended after ${counted} counted presses; running it again`)
        await run()
      }
    }
    await page.getByTestId('trace-hash').waitFor({ timeout: 600_000 })
    const runMs = Date.now() - runStartedAt
    const during = condition(
      await page.evaluate(() => (globalThis as unknown as PageGlobal).inputProbe.take()),
      true,
    )
    const scripts = await scriptTimes(during.longFrames)
    log(
      `input: during p50 ${ms(
        quantile(
          during.measured.map((m) => m.explicit),
          0.5,
        ),
      )}, ${restarts} restarts`,
    )

    // Where the fast-forward's main-thread time goes: a profiled run, not measured for latency.
    log('input: profiling one more fast-forward (not timed)...')
    const profile = await profileRun(app, async () => {
      await run()
      await page.getByTestId('trace-hash').waitFor({ timeout: 600_000 })
    })
    return {
      options,
      machine: machineFacts,
      cores: os.cpus().length,
      browser: app.browser,
      date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
      idle,
      during,
      restarts,
      runMs,
      profile,
      scripts,
    }
  } finally {
    await app.close()
  }
}

/** A press counts during the fast-forward when the run computed from the key to its effect. */
const counts = (p: Press) => p.runningAtKey && p.runningAfter === true

function condition(records: ProbeRecords, during: boolean): Condition {
  const measured: Measured[] = []
  const excluded: Measured[] = []
  let lost = 0
  for (const p of records.presses) {
    if (p.visibleAt === null) {
      lost++
      continue
    }
    const entry = records.events.find((e) => Math.abs(e.startTime - p.timeStamp) < 1)
    const m = {
      key: p.key,
      explicit: p.visibleAt - p.timeStamp,
      queued: p.handledAt - p.timeStamp,
      eventTiming: entry?.duration ?? null,
    }
    if (!during || counts(p)) measured.push(m)
    else excluded.push(m)
  }
  // The span of the counted presses; what comes after them (the end of the run) on its own.
  const kept = records.presses.filter((p) => p.visibleAt !== null && (!during || counts(p)))
  const first = kept[0]?.timeStamp ?? records.from
  const end = Math.max(first, ...kept.map((p) => p.visibleAt ?? 0))
  const inSpan = <T extends { startTime: number }>(xs: readonly T[]) =>
    xs.filter((x) => x.startTime >= first && x.startTime <= end)
  return {
    measured,
    excluded,
    lost,
    longTasks: inSpan(records.longTasks),
    longFrames: inSpan(records.longFrames),
    after: records.longTasks.filter((t) => t.startTime > end),
    spanMs: end - first,
  }
}

/** Nearest-rank quantile (p95 of 40 presses is the 38th fastest). */
export function quantile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.max(0, Math.ceil(q * s.length) - 1)] ?? NaN
}
