import {
  MemoryEventStore,
  type AppendResult,
  type EventStore,
  type ExpectedVersion,
  type Intervention,
  type NewEvent,
  type SimTime,
  type StoredEvent,
} from '../core'
import { LAST, type EventuallyDb, type SavedRunStatus } from './db'
import { failure, StorageError, storageError } from './errors'
import { readAllEvents, readEventsAfter, toRecord } from './events'
import type { ReadModelChanges } from './read-models'
import { Replay, type Divergence } from './replay'

/** What a flush records about the run besides its events. */
export interface FlushProgress {
  /** How far the simulation has got (simulated ms). */
  readonly clock?: SimTime
  readonly status?: SavedRunStatus
  /** Read-model changes to commit in the same transaction (see ReadModelTracker). */
  readonly readModels?: readonly ReadModelChanges[]
  /** The run's interventions, when they changed. */
  readonly interventions?: readonly Intervention[]
}

/**
 * The event store of one run, in IndexedDB. The engine calls a store synchronously at simulated
 * instants, and IndexedDB answers asynchronously, so this store answers every engine call from an
 * in-memory index (the engine's own MemoryEventStore, so both stores give the same answers by
 * construction) and writes behind: appends and truncations queue up, and `flush` commits
 * everything queued in ONE transaction (group commit: one per driver tick or per N steps).
 *
 * Durability contract:
 * - `append` is decided on the index, as in memory: a wrong expected version returns the engine's
 *   usual refusal and queues nothing.
 * - When `flush()` resolves, every append and truncation made before it is committed, together
 *   with the run's head, clock and revision. A crash (tab closed, browser killed) before that
 *   loses the batch, and only that batch, never part of it: IndexedDB transactions are atomic.
 * - When `flush()` rejects (quota exceeded, another writer, the run deleted), the database is
 *   exactly as before the batch; the batch stays queued in memory, so the run goes on and a later
 *   flush retries it. `pendingCount` says how much is not saved yet.
 * - One writer per run. Each batch checks the run's revision first: a second writer (another
 *   tab) fails with a `conflict` instead of interleaving its events with ours.
 */
export class DexieEventStore implements EventStore {
  private readonly index = new MemoryEventStore()
  /** Appended, not yet committed, in position order. */
  private pending: StoredEvent[] = []
  /** When set, the next batch first deletes the stored positions above it. */
  private cut: number | null = null
  /** The highest position that may be stored (committed or in a batch in flight). */
  private written = 0
  private durable = 0
  private revision: number
  private replaying: Replay | null = null
  private chain: Promise<void> = Promise.resolve()

  private constructor(
    private readonly db: EventuallyDb,
    readonly runId: number,
    revision: number,
  ) {
    this.revision = revision
  }

  /**
   * Opens the store of an existing run to go on from its stored events, loaded with one range
   * read. Throws a StorageError (`missing`, `damaged`) when the run is gone or its positions have
   * a gap.
   */
  static async open(db: EventuallyDb, runId: number): Promise<DexieEventStore> {
    const doing = `Opening run ${runId}`
    const { run, events } = await load(db, runId, doing)
    const store = new DexieEventStore(db, runId, run.revision)
    for (const e of events) {
      const [added] = store.loaded(e)
      if (
        added?.position !== e.position ||
        added.version !== e.version ||
        added.id !== e.id ||
        added.stream !== e.stream
      )
        throw failure('damaged', doing, `event ${e.id} at position ${e.position} does not follow`)
    }
    if (store.head() !== run.head)
      throw failure(
        'damaged',
        doing,
        `the run says head ${run.head}, its events end at ${store.head()}`,
      )
    store.written = store.durable = store.head()
    return store
  }

  /**
   * Opens a stored run to run it again from the start: the engine is deterministic, so running
   * the run's scenario and seed from time 0 recomputes everything the run had (network, read
   * models, measures), and the store checks each event the engine appends against the stored one
   * at its position instead of writing it again (`checkReplay`, a page at a time: nothing is
   * loaded up front, so this returns after reading the run record alone). Past the stored head,
   * appends are queued and saved as usual: the run goes on where it stopped. If the engine
   * appends something else than what is stored (a run saved by another version of the engine,
   * an edited import, a gap), `divergence` says where and nothing more is queued; what is stored
   * stays as it was.
   */
  static async replay(db: EventuallyDb, runId: number): Promise<DexieEventStore> {
    const doing = `Opening run ${runId}`
    const run = await db.runs.get(runId).catch((error: unknown) => {
      throw storageError(error, doing)
    })
    if (!run) throw failure('missing', doing)
    const store = new DexieEventStore(db, runId, run.revision)
    store.replaying = new Replay(run.head)
    store.written = store.durable = run.head
    return store
  }

  /**
   * Compares the events re-appended since the last call with the stored ones (see `replay`).
   * Throws a StorageError if the stored events cannot be read.
   */
  async checkReplay(): Promise<void> {
    const replay = this.replaying
    if (!replay || replay.pendingChecks === 0) return
    const doing = `Checking run ${this.runId} against its stored events`
    await replay
      .check((after, limit) => readEventsAfter(this.db, this.runId, after, limit))
      .catch((error: unknown) => {
        throw storageError(error, doing)
      })
  }

  /** Re-appended events a replay has not compared with the stored ones yet. */
  get uncheckedCount(): number {
    return this.replaying?.pendingChecks ?? 0
  }

  /** Where a replay first differed from the stored run, if it did. */
  get divergence(): Divergence | null {
    return this.replaying?.divergence ?? null
  }

  /** How many stored events a replay has not reached yet (0 when not replaying). */
  get replayRemaining(): number {
    return this.replaying ? this.replaying.remaining(this.index.head()) : 0
  }

  private loaded(e: StoredEvent): readonly StoredEvent[] {
    const result = this.index.append(e.stream, 'any', [{ type: e.type, data: e.data }], e.at)
    return result.ok ? result.events : []
  }

  append(
    stream: string,
    expected: ExpectedVersion,
    events: readonly NewEvent[],
    at: SimTime,
  ): AppendResult {
    const result = this.index.append(stream, expected, events, at)
    if (!result.ok) return result
    const replay = this.replaying
    for (const e of result.events) if (!replay || replay.accepts(e)) this.pending.push(e)
    return result
  }

  readAfter(after: number, limit: number): readonly StoredEvent[] {
    return this.index.readAfter(after, limit)
  }

  readStream(stream: string): readonly StoredEvent[] {
    return this.index.readStream(stream)
  }

  get(position: number): StoredEvent | undefined {
    return this.index.get(position)
  }

  head(): number {
    return this.index.head()
  }

  version(stream: string): number {
    return this.index.version(stream)
  }

  truncateAfter(position: number): void {
    this.index.truncateAfter(position)
    const head = this.index.head()
    let keep = this.pending.length
    while (keep > 0 && (this.pending[keep - 1] as StoredEvent).position > head) keep--
    this.pending.length = keep
    this.replaying?.truncate(head)
    if (head < this.written) this.cut = Math.min(this.cut ?? Infinity, head)
  }

  /** Appended events not yet committed. */
  get pendingCount(): number {
    return this.pending.length
  }

  /** Whether appends or a truncation wait to be committed. */
  get dirty(): boolean {
    return this.pending.length > 0 || this.cut !== null
  }

  /** The head as last committed. */
  get durableHead(): number {
    return this.durable
  }

  /**
   * Commits everything queued so far in one transaction. Calls are serialised: a flush waits for
   * the one before it, whatever became of it. See the class comment for the contract.
   */
  flush(progress: FlushProgress = {}): Promise<void> {
    const next = this.chain.then(
      () => this.commit(progress),
      () => this.commit(progress),
    )
    this.chain = next.catch(() => undefined)
    return next
  }

  private async commit(progress: FlushProgress): Promise<void> {
    const batch = this.pending
    const cut = this.cut
    const readModels = progress.readModels ?? []
    if (
      batch.length === 0 &&
      cut === null &&
      progress.clock === undefined &&
      !progress.status &&
      !progress.interventions &&
      readModels.length === 0
    )
      return
    this.pending = []
    this.cut = null
    const head = this.index.head()
    const last = batch[batch.length - 1]
    if (last) this.written = Math.max(this.written, last.position)
    const { db, runId } = this
    const revision = this.revision
    const doing = `Saving ${batch.length} event(s) of run ${runId}`
    try {
      await db.transaction('rw', [db.runs, db.events, db.checkpoints, db.rows], async () => {
        const run = await db.runs.get(runId)
        if (!run) throw failure('missing', doing)
        if (run.revision !== revision) throw failure('conflict', doing)
        if (cut !== null)
          await db.events
            .where('[runId+position]')
            .between([runId, cut], [runId, LAST], false, true)
            .delete()
        // In pieces: each piece's calls run in the callback of the one before, a task of its
        // own, so that a big save never holds the main thread for long (input stays responsive).
        for (let i = 0; i < batch.length; i += SAVE_PIECE)
          await db.events.bulkAdd(batch.slice(i, i + SAVE_PIECE).map((e) => toRecord(runId, e)))
        for (const m of readModels) await saveChanges(db, runId, m)
        await db.runs.update(runId, {
          head,
          clock: progress.clock ?? Math.max(run.clock, last?.at ?? 0),
          ...(progress.status ? { status: progress.status } : {}),
          ...(progress.interventions ? { interventions: progress.interventions } : {}),
          updatedAt: db.now(),
          revision: revision + 1,
        })
      })
    } catch (error) {
      this.requeue(batch, cut)
      throw error instanceof StorageError ? error : storageError(error, doing)
    }
    this.revision = revision + 1
    this.durable = head
  }

  /** Puts a failed batch back in front of what was queued while it was in flight. */
  private requeue(batch: StoredEvent[], cut: number | null): void {
    const since = this.cut
    const kept = since === null ? batch : batch.filter((e) => e.position <= since)
    this.pending = kept.concat(this.pending)
    if (cut !== null) this.cut = Math.min(cut, since ?? Infinity)
  }
}

/** Events added per IndexedDB call of a save (see commit). */
const SAVE_PIECE = 50

async function load(db: EventuallyDb, runId: number, doing: string) {
  const [run, events] = await db
    .transaction('r', db.runs, db.events, () =>
      Promise.all([db.runs.get(runId), readAllEvents(db, runId)]),
    )
    .catch((error: unknown) => {
      throw storageError(error, doing)
    })
  if (!run) throw failure('missing', doing)
  return { run, events }
}

async function saveChanges(db: EventuallyDb, runId: number, m: ReadModelChanges): Promise<void> {
  const projection = m.projection
  await db.checkpoints.put({ runId, projection, position: m.checkpoint })
  if (m.put.length > 0)
    await db.rows.bulkPut(m.put.map(({ key, row }) => ({ runId, projection, key, row })))
  if (m.remove.length > 0)
    await db.rows.bulkDelete(
      m.remove.map((key): [number, string, string] => [runId, projection, key]),
    )
}
