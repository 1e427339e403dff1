/**
 * One writer per browser: of all the tabs open on Eventually, exactly one saves runs to IndexedDB.
 * Two tabs driving runs into one database would not corrupt it (every batch checks the run's
 * revision and the keys are unique), but the losing tab's batches would fail one after another.
 * A Web Lock makes the choice up front instead: the first tab holds the lock for as long as it
 * lives; a later tab runs in memory, says so, and is granted the lock (and starts saving) as soon
 * as the first tab closes, or at once if the learner asks it to take over.
 */
export const WRITER_LOCK = 'eventually-playground/writer'

export interface WriterEvents {
  /** This tab saves runs now (at start, after the writer tab closed, or after a take-over). */
  readonly onWriter: () => void
  /** Another tab saves runs; this one runs in memory until it is granted the lock. */
  readonly onReader: () => void
  /** Another tab took the lock over: stop saving. */
  readonly onLost: () => void
}

export interface WriterLock {
  claim(events: WriterEvents): void
  /** Takes the lock from the tab that holds it (that tab hears `onLost`). */
  takeOver(): void
}

/** The parts of the Web Locks API used here (LockManager, as browsers since 2022 have it). */
interface Locks {
  request(
    name: string,
    options: { ifAvailable?: boolean; steal?: boolean },
    callback: (lock: unknown) => Promise<void> | void,
  ): Promise<unknown>
}

/** The browser's Web Locks; without them (old browsers, insecure origins) every tab writes. */
export function webWriterLock(locks: Locks | undefined = browserLocks()): WriterLock {
  let events: WriterEvents | null = null
  // Held until the page goes away: the browser releases a dead tab's locks itself.
  const hold = () => new Promise<void>(() => {})
  const granted = () => {
    events?.onWriter()
    return hold()
  }
  // A tab whose lock was stolen queues again, to write once the other tab closes.
  const lost = (error: unknown) => {
    if (!(error instanceof Error) || error.name !== 'AbortError') return
    events?.onLost()
    wait()
  }
  const wait = (): void => void locks?.request(WRITER_LOCK, {}, granted).catch(lost)
  return {
    claim(e) {
      events = e
      if (!locks) return e.onWriter()
      locks
        .request(WRITER_LOCK, { ifAvailable: true }, (lock) => {
          if (lock) return granted()
          e.onReader()
          wait()
        })
        .catch(lost)
    },
    takeOver() {
      if (!locks) return
      locks.request(WRITER_LOCK, { steal: true }, granted).catch(lost)
    },
  }
}

/** A lock for tests and for environments without a browser: this tab is always the writer. */
export const soleWriter: WriterLock = {
  claim: (e) => e.onWriter(),
  takeOver: () => {},
}

function browserLocks(): Locks | undefined {
  const nav = (globalThis as { navigator?: { locks?: Locks } }).navigator
  return nav?.locks
}
