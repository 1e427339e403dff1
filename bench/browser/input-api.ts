/**
 * What the input-latency probe (input-probe.ts) records in the app's page and exposes on
 * `window.inputProbe`, shared with the Node script that drives it (bench/input-latency.ts). Types
 * only, so both programs can import it. Times are `performance.now()` ms in the page.
 */

/** One shortcut press, seen by a capturing keydown listener on window. */
export interface Press {
  readonly key: string
  /** `event.timeStamp`: when the browser received the key (queueing delay included). */
  readonly timeStamp: number
  /** When the keydown reached the page's handlers. */
  readonly handledAt: number
  /** The speed label before the press. */
  readonly before: string
  /** The label once it changed. */
  after: string | null
  /** The run was computing when the keydown was handled. */
  readonly runningAtKey: boolean
  /** When the label's text changed in the DOM (a MutationObserver saw it). */
  mutatedAt: number | null
  /** The first animation frame after that change: the next paint shows it. */
  visibleAt: number | null
  /** The run was still computing at that frame. */
  runningAfter: boolean | null
}

/** A `keydown` entry of the Event Timing API (only those lasting 16 ms or more are reported). */
export interface EventEntry {
  readonly startTime: number
  /** From the event's timestamp to the next paint after its handlers, 8 ms granularity. */
  readonly duration: number
  readonly processingStart: number
  readonly processingEnd: number
}

/** A script in a long animation frame, as the Long Animation Frames API attributes it. */
export interface FrameScript {
  readonly invoker: string
  readonly functionName: string
  readonly sourceURL: string
  /** Where the function starts in its script (a character offset). */
  readonly charPosition: number
  readonly duration: number
}

/** A long animation frame (over 50 ms of work between two paints). */
export interface LongFrame {
  readonly startTime: number
  readonly duration: number
  readonly blockingDuration: number
  /** When the frame's rendering began (rAF callbacks, then style and layout), 0 if it did not. */
  readonly renderStart: number
  readonly styleAndLayoutStart: number
  readonly scripts: readonly FrameScript[]
}

/** A task over 50 ms (Long Tasks API). */
export interface LongTask {
  readonly startTime: number
  readonly duration: number
}

export interface ProbeRecords {
  readonly presses: readonly Press[]
  readonly events: readonly EventEntry[]
  readonly longTasks: readonly LongTask[]
  readonly longFrames: readonly LongFrame[]
  readonly from: number
  readonly to: number
}

export interface InputProbe {
  /** Resolves with true once the last press shows on screen, false after `timeout` ms. */
  settled(timeout: number): Promise<boolean>
  /** The latest press, as recorded so far. */
  last(): Press | null
  /** Whether the app says a run is computing ("Running: ..." heading). */
  running(): boolean
  /** Everything recorded since the last call, then starts afresh. */
  take(): ProbeRecords
}
