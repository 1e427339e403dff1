/**
 * What the storage bench page exposes on `window.storageBench`, shared by the page (main.ts) and
 * the Node script that drives it (bench/storage.ts). Types only, so both programs can import it.
 * Every figure is a wall time in ms measured in the page with `performance.now()`.
 */

/** The write paths compared: the app's store, and raw IndexedDB at both durabilities. */
export type WritePath = 'store' | 'raw' | 'raw-relaxed'
export type ReadPath = 'store' | 'raw'

export interface Prepared {
  readonly events: number
  readonly ms: number
}

export interface Appended {
  readonly path: WritePath
  readonly events: number
  readonly ms: number
  /** The store only: time inside `flush()` (the rest is its in-memory index). */
  readonly flushMs: number
}

export interface StoredRun {
  readonly runId: number
  readonly head: number
  /** Saving it as it went: engine and store together, one save per tick. */
  readonly ms: number
  /** `navigator.storage.estimate().usage` once the run is stored, in bytes. */
  readonly usage: number
}

export interface Read {
  readonly path: ReadPath
  readonly events: number
  readonly pages: number
  readonly ms: number
}

export interface Reopened {
  /** `openDatabase()`. */
  readonly open: number
  /** Then `RunSession.reopen`: the run record; the events are checked later, page by page. */
  readonly session: number
  /** Then its checkpoints and every projection's rows: what a first view shows. */
  readonly firstView: number
  readonly total: number
  readonly head: number
  readonly rows: number
}

export interface Replayed {
  /** `RunSession.reopen` (reads the run record). */
  readonly reopen: number
  /** Driving the engine until it is past the stored clock, checking every stored event. */
  readonly drive: number
  readonly total: number
  readonly head: number
  readonly divergence: string | null
}

export interface StorageBench {
  prepare(events: number): Promise<Prepared>
  /** One round: every write path, batch by batch in turn; `turn` picks who goes first. */
  append(events: number, batch: number, turn: number): Promise<Appended[]>
  storeRun(): Promise<StoredRun>
  /** One round: both read paths, page by page in turn. */
  read(runId: number, page: number, turn: number): Promise<Read[]>
  /** Raw `getAll` of the whole run in one request. */
  readAll(runId: number): Promise<{ readonly events: number; readonly ms: number }>
  reopen(runId: number): Promise<Reopened>
  replay(runId: number): Promise<Replayed>
  /**
   * The headless engine in the page, as the app runs it: `largePush(events)` parsed once, then
   * `rounds` times `new Simulation(s).run()` after a full collection. Wall times in ms, in order:
   * the first is the page's first run, before the JIT has seen the engine.
   */
  engine(events: number, rounds: number): Promise<number[]>
}
