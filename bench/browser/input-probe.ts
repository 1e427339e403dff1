/**
 * The input-latency probe, injected into the app's page before its own scripts (Playwright's
 * `addInitScript`, after bench/input-latency.ts strips the types): it must stay one
 * self-contained script, with type imports only.
 *
 * Two measures of the delay between a shortcut press and its visible effect, side by side:
 * - the Event Timing API: a `keydown` entry's duration runs from the event's timestamp to the
 *   next paint after its handlers ran (reported from 16 ms up, in steps of 8 ms);
 * - an explicit one: the keydown's timestamp to the first animation frame after the speed label
 *   on the playback bar shows the new speed, which a MutationObserver on the label notices.
 * Long tasks and long animation frames (with the scripts they ran) say what held the page up.
 */
import type { EventEntry, InputProbe, LongFrame, LongTask, Press, ProbeRecords } from './input-api'

;(() => {
  const LABEL = '.speed-value'
  const KEYS = new Set(['[', ']'])
  let presses: Press[] = []
  let events: EventEntry[] = []
  let longTasks: LongTask[] = []
  let longFrames: LongFrame[] = []
  let from = performance.now()
  let pending: Press | null = null
  let observed: Element | null = null
  let shown: (() => void) | null = null

  const running = () =>
    document.getElementById('progress-heading')?.textContent?.startsWith('Running') ?? false

  const labelChanged = new MutationObserver(() => {
    const press = pending
    const text = observed?.textContent ?? ''
    if (!press || text === press.before) return
    pending = null
    press.mutatedAt = performance.now()
    press.after = text
    requestAnimationFrame(() => {
      press.visibleAt = performance.now()
      press.runningAfter = running()
      shown?.()
    })
  })

  // Capturing on window: runs before the app's shortcut listener (which listens on window too).
  window.addEventListener(
    'keydown',
    (event) => {
      if (!KEYS.has(event.key)) return
      const label = document.querySelector(LABEL)
      if (label !== observed) {
        labelChanged.disconnect()
        if (label)
          labelChanged.observe(label, { characterData: true, childList: true, subtree: true })
        observed = label
      }
      const press: Press = {
        key: event.key,
        timeStamp: event.timeStamp,
        handledAt: performance.now(),
        before: label?.textContent ?? '',
        after: null,
        runningAtKey: running(),
        mutatedAt: null,
        visibleAt: null,
        runningAfter: null,
      }
      presses.push(press)
      pending = press
    },
    { capture: true },
  )

  const observers: { observer: PerformanceObserver; f: (entries: PerformanceEntryList) => void }[] =
    []
  const observe = (
    type: string,
    options: PerformanceObserverInit,
    f: (entries: PerformanceEntryList) => void,
  ) => {
    const observer = new PerformanceObserver((list) => f(list.getEntries()))
    observer.observe({ type, buffered: true, ...options })
    observers.push({ observer, f })
  }

  observe('event', { durationThreshold: 16 } as PerformanceObserverInit, (entries) => {
    for (const e of entries as PerformanceEventTiming[])
      if (e.name === 'keydown')
        events.push({
          startTime: e.startTime,
          duration: e.duration,
          processingStart: e.processingStart,
          processingEnd: e.processingEnd,
        })
  })
  observe('longtask', {}, (entries) => {
    for (const e of entries) longTasks.push({ startTime: e.startTime, duration: e.duration })
  })
  // Chromium's Long Animation Frames API; not in TypeScript's DOM library yet.
  interface ScriptTiming {
    readonly invoker: string
    readonly sourceURL: string
    readonly sourceFunctionName: string
    readonly sourceCharPosition: number
    readonly duration: number
  }
  interface LoafEntry extends PerformanceEntry {
    readonly blockingDuration: number
    readonly renderStart: number
    readonly styleAndLayoutStart: number
    readonly scripts: readonly ScriptTiming[]
  }
  observe('long-animation-frame', {}, (entries) => {
    for (const e of entries as LoafEntry[])
      longFrames.push({
        startTime: e.startTime,
        duration: e.duration,
        blockingDuration: e.blockingDuration,
        renderStart: e.renderStart,
        styleAndLayoutStart: e.styleAndLayoutStart,
        scripts: e.scripts.map((s) => ({
          invoker: s.invoker,
          functionName: s.sourceFunctionName,
          sourceURL: s.sourceURL,
          charPosition: s.sourceCharPosition,
          duration: s.duration,
        })),
      })
  })

  const probe: InputProbe = {
    running,
    last: () => presses[presses.length - 1] ?? null,
    settled: (timeout) =>
      new Promise((resolve) => {
        const last = presses[presses.length - 1]
        if (!last || last.visibleAt !== null) return resolve(true)
        const timer = setTimeout(() => {
          shown = null
          resolve(false)
        }, timeout)
        shown = () => {
          shown = null
          clearTimeout(timer)
          resolve(true)
        }
      }),
    take: (): ProbeRecords => {
      // Entries not delivered to the callbacks yet.
      for (const { observer, f } of observers) f(observer.takeRecords())
      const to = performance.now()
      const records = { presses, events, longTasks, longFrames, from, to }
      presses = []
      events = []
      longTasks = []
      longFrames = []
      from = to
      return records
    },
  }
  ;(window as unknown as { inputProbe: InputProbe }).inputProbe = probe
})()
