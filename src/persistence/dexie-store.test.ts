/**
 * DexieEventStore: the engine's synchronous store over IndexedDB. It answers like the memory
 * store, writes behind in one transaction per flush, and a failed flush leaves the database as
 * it was before the batch.
 */
import { describe, expect, it } from 'vitest'
import { MemoryEventStore, type Scenario } from '../core'
import { load, readAfterWrite } from '../scenarios'
import { DexieEventStore } from './dexie-store'
import { StorageError } from './errors'
import { readAllEvents } from './events'
import { createRun, deleteRun, getRun } from './runs'
import { injectFaults, useTestDb, type WriteFaults } from './testing'

const scenario: Scenario = load(readAfterWrite)
let faults: WriteFaults
const db = useTestDb((d) => (faults = injectFaults(d)))
const e = (type: string, n: number) => ({ type, data: { n } })

async function newStore(): Promise<DexieEventStore> {
  return DexieEventStore.open(db(), await createRun(db(), scenario))
}

/** Streams a, b, c interleaved: a1 a2 b1 a3 c1 c2 at positions 1..6, on any store. */
function fill(store: DexieEventStore | MemoryEventStore): void {
  store.append('a', 'any', [e('A', 1), e('A', 2)], 10)
  store.append('b', 'any', [e('B', 1)], 20)
  store.append('a', 'any', [e('A', 3)], 30)
  store.append('c', 'any', [e('C', 1), e('C', 2)], 40)
}

async function failure(promise: Promise<unknown>): Promise<StorageError> {
  const error = await promise.then(
    () => new Error('expected the flush to fail'),
    (x: unknown) => x,
  )
  expect(error).toBeInstanceOf(StorageError)
  return error as StorageError
}

describe('DexieEventStore answers the engine like the memory store', () => {
  it('gives the same answers to appends, reads, versions and truncation', async () => {
    const store = await newStore()
    const memory = new MemoryEventStore()
    fill(store)
    fill(memory)
    const answers = (s: DexieEventStore | MemoryEventStore) => [
      s.head(),
      s.readAfter(0, 100),
      s.readAfter(2, 3),
      s.readStream('a'),
      s.get(4),
      s.version('c'),
      s.append('a', 1, [e('X', 1)], 50),
      s.append('a', 3, [e('X', 2)], 50),
    ]
    expect(answers(store)).toEqual(answers(memory))
    store.truncateAfter(3)
    memory.truncateAfter(3)
    expect(answers(store)).toEqual(answers(memory))
  })

  it('refuses a wrong expected version with the engine’s reason and queues nothing', async () => {
    const store = await newStore()
    fill(store)
    const pending = store.pendingCount
    expect(store.append('a', 2, [e('X', 1)], 50)).toEqual({
      ok: false,
      actual: 3,
      reason: 'wrong expected version: a is at version 3, not 2',
    })
    expect(store.pendingCount).toBe(pending)
    await store.flush()
    expect((await readAllEvents(db(), store.runId)).map((x) => x.type)).not.toContain('X')
  })
})

describe('writing behind', () => {
  it('writes nothing until flushed, then the whole batch in one transaction', async () => {
    const store = await newStore()
    fill(store)
    for (let i = 0; i < 100; i++) store.append(`s${i % 7}`, 'any', [e('N', i)], 50 + i)
    expect(await readAllEvents(db(), store.runId)).toEqual([])
    expect(store.pendingCount).toBe(106)
    const before = faults.writeTransactions
    await store.flush({ clock: 200 })
    expect(faults.writeTransactions - before).toBe(1)
    expect(await readAllEvents(db(), store.runId)).toEqual(store.readAfter(0, 1000))
    expect(await getRun(db(), store.runId)).toMatchObject({ head: 106, clock: 200, revision: 1 })
    expect(store.pendingCount).toBe(0)
    expect(store.durableHead).toBe(106)
  })

  it('does nothing when there is nothing to flush', async () => {
    const store = await newStore()
    const before = faults.writeTransactions
    await store.flush()
    expect(faults.writeTransactions).toBe(before)
  })

  it('serialises flushes called without waiting, each committing what was queued before it', async () => {
    const store = await newStore()
    store.append('a', 'any', [e('A', 1)], 1)
    const first = store.flush()
    store.append('a', 'any', [e('A', 2)], 2)
    const second = store.flush({ status: 'ended' })
    await Promise.all([first, second])
    expect((await readAllEvents(db(), store.runId)).map((x) => x.position)).toEqual([1, 2])
    expect(await getRun(db(), store.runId)).toMatchObject({ head: 2, revision: 2, status: 'ended' })
  })

  it('deletes stored events past a truncation in the next batch, and writes the new ones', async () => {
    const store = await newStore()
    fill(store)
    await store.flush()
    store.truncateAfter(3)
    store.append('c', 0, [e('C', 9)], 99)
    store.append('d', 'any', [e('D', 1)], 99)
    await store.flush()
    const stored = await readAllEvents(db(), store.runId)
    expect(stored).toEqual(store.readAfter(0, 100))
    expect(stored.map((x) => `${x.stream}${x.version}@${x.position}`)).toEqual([
      'a1@1',
      'a2@2',
      'b1@3',
      'c1@4',
      'd1@5',
    ])
  })

  it('needs no delete for a truncation of events that were never stored', async () => {
    const store = await newStore()
    fill(store)
    store.truncateAfter(2)
    expect(store.pendingCount).toBe(2)
    await store.flush()
    expect((await readAllEvents(db(), store.runId)).map((x) => x.position)).toEqual([1, 2])
  })
})

describe('reopening', () => {
  it('loads the stored events and answers as before', async () => {
    const store = await newStore()
    fill(store)
    await store.flush()
    const reopened = await DexieEventStore.open(db(), store.runId)
    expect(reopened.readAfter(0, 100)).toEqual(store.readAfter(0, 100))
    expect(reopened.readStream('a')).toEqual(store.readStream('a'))
    expect(reopened.version('c')).toBe(2)
    expect(reopened.durableHead).toBe(6)
    expect(reopened.append('a', 3, [e('A', 4)], 60)).toMatchObject({ ok: true })
  })

  it('refuses a run that does not exist', async () => {
    const error = await failure(DexieEventStore.open(db(), 404))
    expect(error.kind).toBe('missing')
  })

  it('refuses a run whose stored positions have a gap, as damaged', async () => {
    const store = await newStore()
    fill(store)
    await store.flush()
    await db().events.delete([store.runId, 3])
    const error = await failure(DexieEventStore.open(db(), store.runId))
    expect(error.kind).toBe('damaged')
    expect(error.message).toMatch(/^Opening run \d+ failed: the stored data is inconsistent: /)
  })
})

describe('storage trouble', () => {
  it('leaves the database as it was when the quota runs out mid-batch, and retries later', async () => {
    const store = await newStore()
    fill(store)
    await store.flush()
    const before = await readAllEvents(db(), store.runId)
    store.append('a', 'any', [e('A', 4), e('A', 5)], 60)
    // The events are added, then the run's update hits the full disk: the add must roll back.
    faults.failWhen = (table) => table === 'runs'
    const error = await failure(store.flush())
    expect(error.kind).toBe('quota')
    expect(error.message).toBe(
      `Saving 2 event(s) of run ${store.runId} failed: the browser's storage for this site is full (quota exceeded); nothing was written and what was stored before is intact`,
    )
    expect(await readAllEvents(db(), store.runId)).toEqual(before)
    expect(await getRun(db(), store.runId)).toMatchObject({ head: 6, revision: 1 })
    // The run goes on in memory; the batch waits for the next flush.
    expect(store.head()).toBe(8)
    expect(store.pendingCount).toBe(2)
    store.append('b', 'any', [e('B', 2)], 70)
    await store.flush()
    expect(await readAllEvents(db(), store.runId)).toEqual(store.readAfter(0, 100))
    expect(store.durableHead).toBe(9)
  })

  it('saves a big batch in several calls of one transaction, and rolls all of them back', async () => {
    const store = await newStore()
    for (let i = 0; i < 230; i++) store.append(`s${i % 7}`, 'any', [e('N', i)], i)
    // The batch goes to IndexedDB in pieces (each a task of its own, for input's sake); the
    // fourth piece finds the disk full, and the three before it must not stay.
    let adds = 0
    faults.failWhen = (table, request) =>
      table === 'events' && request.type === 'add' && ++adds === 4
    const before = faults.writeTransactions
    await failure(store.flush())
    expect(adds).toBe(4)
    expect(faults.writeTransactions - before).toBe(1)
    expect(await readAllEvents(db(), store.runId)).toEqual([])
    expect(await getRun(db(), store.runId)).toMatchObject({ head: 0, revision: 0 })
    expect(store.pendingCount).toBe(230)
    await store.flush()
    expect(await readAllEvents(db(), store.runId)).toEqual(store.readAfter(0, 1000))
  })

  it('rolls back a failed batch that also held a truncation', async () => {
    const store = await newStore()
    fill(store)
    await store.flush()
    const before = await readAllEvents(db(), store.runId)
    store.truncateAfter(2)
    store.append('z', 'any', [e('Z', 1)], 70)
    faults.failWhen = (table, request) => table === 'events' && request.type === 'add'
    expect((await failure(store.flush())).kind).toBe('quota')
    expect(await readAllEvents(db(), store.runId)).toEqual(before)
    await store.flush()
    expect(await readAllEvents(db(), store.runId)).toEqual(store.readAfter(0, 100))
  })

  it('keeps what a failed batch queued when a truncation came while it was in flight', async () => {
    const store = await newStore()
    fill(store)
    faults.failWhen = (table) => table === 'runs'
    const failed = store.flush()
    store.truncateAfter(4)
    store.append('y', 'any', [e('Y', 1)], 80)
    expect((await failure(failed)).kind).toBe('quota')
    await store.flush()
    expect(await readAllEvents(db(), store.runId)).toEqual(store.readAfter(0, 100))
    expect(store.head()).toBe(5)
  })

  it('detects a second writer on the same run and lets it write nothing', async () => {
    const mine = await newStore()
    const theirs = await DexieEventStore.open(db(), mine.runId)
    mine.append('a', 'any', [e('Mine', 1)], 1)
    theirs.append('a', 'any', [e('Theirs', 1)], 1)
    await mine.flush()
    const error = await failure(theirs.flush())
    expect(error.kind).toBe('conflict')
    expect(error.message).toMatch(/another tab or window changed this run at the same time/)
    expect((await readAllEvents(db(), mine.runId)).map((x) => x.type)).toEqual(['Mine'])
  })

  it('says the run is gone when it was deleted under the store', async () => {
    const store = await newStore()
    await deleteRun(db(), store.runId)
    store.append('a', 'any', [e('A', 1)], 1)
    expect((await failure(store.flush())).kind).toBe('missing')
  })

  it('names an unexpected browser error and still writes nothing', async () => {
    const store = await newStore()
    store.append('a', 'any', [e('A', 1)], 1)
    faults.error = new DOMException('Disk I/O failed', 'UnknownError')
    faults.failWhen = (table) => table === 'runs'
    const error = await failure(store.flush())
    expect(error.kind).toBe('failed')
    expect(error.message).toMatch(/nothing was written \(UnknownError: Disk I\/O failed\)$/)
    expect(await readAllEvents(db(), store.runId)).toEqual([])
  })
})
