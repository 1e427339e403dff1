/**
 * Storage failures as the rest of the app sees them: a kind to branch on and a message a person can
 * read. IndexedDB and Dexie report the same trouble under several names and wrappers (a quota
 * error arrives bare, inside an AbortError's `inner`, or among a BulkError's `failures`), so
 * `storageError` looks through the whole chain before deciding.
 */
export type StorageErrorKind =
  /** No IndexedDB here (Node without a shim, storage disabled, some private modes). */
  | 'unavailable'
  /** The origin's storage quota is exhausted. */
  | 'quota'
  /** Another writer (a second tab) changed the run, or an expected version did not match. */
  | 'conflict'
  /** The run does not exist (deleted, perhaps in another tab). */
  | 'missing'
  /** What is stored breaks an invariant (a gap in positions): read it as suspect. */
  | 'damaged'
  /** The connection was closed, usually because another tab is upgrading the database. */
  | 'closed'
  /** Anything else the browser reported; the transaction was rolled back. */
  | 'failed'

export class StorageError extends Error {
  override readonly name = 'StorageError'

  constructor(
    readonly kind: StorageErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options)
  }
}

const REASONS: Record<StorageErrorKind, string> = {
  unavailable: 'IndexedDB is not available here (storage may be disabled for this site)',
  quota:
    "the browser's storage for this site is full (quota exceeded); nothing was written and what was stored before is intact",
  conflict: 'another tab or window changed this run at the same time; nothing was written',
  missing: 'it does not exist (it may have been deleted, perhaps in another tab)',
  damaged: 'the stored data is inconsistent',
  closed: 'the database connection was closed (another tab may be upgrading it)',
  failed: 'the browser aborted the transaction; nothing was written',
}

/**
 * Wraps anything thrown by Dexie or IndexedDB; `doing` says what failed ("Saving 20 events").
 * `kind` overrides the classification where the context decides (a failed open is `unavailable`
 * whatever the browser called it: some private modes refuse IndexedDB with an InvalidStateError).
 */
export function storageError(error: unknown, doing: string, kind?: StorageErrorKind): StorageError {
  if (error instanceof StorageError) return error
  if (kind)
    return new StorageError(kind, `${doing} failed: ${REASONS[kind]} (${describe(error)})`, {
      cause: error,
    })
  const names = errorNames(error)
  kind = names.has('QuotaExceededError')
    ? 'quota'
    : names.has('ConstraintError')
      ? 'conflict'
      : names.has('MissingAPIError')
        ? 'unavailable'
        : names.has('DatabaseClosedError')
          ? 'closed'
          : 'failed'
  const detail = kind === 'failed' ? ` (${describe(error)})` : ''
  return new StorageError(kind, `${doing} failed: ${REASONS[kind]}${detail}`, { cause: error })
}

export function failure(kind: StorageErrorKind, doing: string, detail = ''): StorageError {
  return new StorageError(kind, `${doing} failed: ${REASONS[kind]}${detail ? `: ${detail}` : ''}`)
}

/** Every error name in an error, its `inner`, `cause` and `failures`, a few levels deep. */
function errorNames(error: unknown, depth = 0, out = new Set<string>()): Set<string> {
  if (depth > 4 || typeof error !== 'object' || error === null) return out
  const e = error as { name?: unknown; inner?: unknown; cause?: unknown; failures?: unknown }
  if (typeof e.name === 'string') out.add(e.name)
  errorNames(e.inner, depth + 1, out)
  errorNames(e.cause, depth + 1, out)
  if (Array.isArray(e.failures))
    for (const f of e.failures.slice(0, 10)) errorNames(f, depth + 1, out)
  return out
}

/** The innermost error's name and the first line of its message (Dexie appends the inner's). */
function describe(error: unknown): string {
  type Described = { name?: unknown; message?: unknown; inner?: unknown }
  if (typeof error !== 'object' || error === null) return String(error)
  let e = error as Described
  for (let depth = 0; depth < 4 && typeof e.inner === 'object' && e.inner !== null; depth++)
    e = e.inner
  const message = String(e.message).split('\n')[0] ?? ''
  return `${String(e.name)}: ${message}`.slice(0, 300)
}
