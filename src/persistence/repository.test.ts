/**
 * The repository functions: runs, events with optimistic concurrency, checkpoints, rows and saved
 * scenarios, each run kept apart from the others by the run id at the front of every key.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Scenario } from '../core'
import { load, readAfterWrite } from '../scenarios'
import { EventuallyDb } from './db'
import { StorageError } from './errors'
import {
  appendEvents,
  browseEvents,
  createRun,
  openDatabase,
  deleteRun,
  getRun,
  headOf,
  listRuns,
  listScenarios,
  readCheckpoints,
  readEventsAfter,
  readRows,
  readStream,
  renameRun,
  saveCheckpoint,
  saveRows,
  saveScenario,
} from './index'
import { useTestDb } from './testing'

const scenario: Scenario = load(readAfterWrite)
const db = useTestDb()
const e = (type: string, n: number) => ({ type, data: { n } })

/** Streams a and b interleaved: a1 a2 b1 a3 at positions 1..4. */
async function filledRun(): Promise<number> {
  const runId = await createRun(db(), scenario)
  await appendEvents(db(), runId, 'a', 0, [e('A', 1), e('A', 2)], 10)
  await appendEvents(db(), runId, 'b', 'any', [e('B', 1)], 20)
  await appendEvents(db(), runId, 'a', 2, [e('A', 3)], 30)
  return runId
}

async function rejection(promise: Promise<unknown>): Promise<StorageError> {
  const error = await promise.then(
    () => new Error('expected a rejection'),
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(StorageError)
  return error as StorageError
}

describe('opening the database', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('says IndexedDB is unavailable when there is none', async () => {
    vi.stubGlobal('indexedDB', undefined)
    const error = await rejection(openDatabase({ name: 'never-created' }))
    expect(error.kind).toBe('unavailable')
    expect(error.message).toMatch(/^Opening the event store failed: IndexedDB is not available/)
  })

  it('says IndexedDB is unavailable when the browser refuses to open it', async () => {
    const refusing = {
      open: () => {
        throw new DOMException('A mutation operation was attempted', 'InvalidStateError')
      },
    }
    const error = await rejection(openDatabase({ name: 'refused', indexedDB: refusing }))
    expect(error.kind).toBe('unavailable')
    expect(error.message).toMatch(/\(InvalidStateError: A mutation operation was attempted\)$/)
  })

  it('names the database after the app, so that other Pages sites of the origin keep theirs', () => {
    expect(new EventuallyDb().name).toBe('eventually-playground')
  })
})

describe('runs', () => {
  it('creates an empty run of a scenario and lists the most recently changed first', async () => {
    const first = await createRun(db(), scenario)
    const second = await createRun(db(), { ...scenario, seed: 7 }, 'seed 7')
    expect(await getRun(db(), second)).toMatchObject({
      name: 'seed 7',
      seed: 7,
      status: 'running',
      head: 0,
      clock: 0,
      revision: 0,
    })
    await renameRun(db(), first, 'renamed')
    expect((await listRuns(db())).map((r) => [r.id, r.name])).toEqual([
      [first, 'renamed'],
      [second, 'seed 7'],
    ])
  })

  it('says so when renaming a run that does not exist', async () => {
    const error = await rejection(renameRun(db(), 99, 'x'))
    expect(error.kind).toBe('missing')
    expect(error.message).toMatch(/^Renaming run 99 failed: it does not exist/)
  })

  it('deletes a run with its events, checkpoints and rows, and nothing of another run', async () => {
    const doomed = await filledRun()
    const kept = await filledRun()
    for (const runId of [doomed, kept]) {
      await saveRows(db(), runId, 'p', { k: { n: 1 } }, 4)
    }
    await deleteRun(db(), doomed)
    expect(await getRun(db(), doomed)).toBeUndefined()
    expect(await headOf(db(), doomed)).toBe(0)
    expect(await readCheckpoints(db(), doomed)).toEqual({})
    expect(await readRows(db(), doomed, 'p')).toEqual({})
    expect(await headOf(db(), kept)).toBe(4)
    expect(await readCheckpoints(db(), kept)).toEqual({ p: 4 })
    expect(await readRows(db(), kept, 'p')).toEqual({ k: { n: 1 } })
  })
})

describe('events', () => {
  it('appends with positions, stream versions, ids and the time, and moves the head', async () => {
    const runId = await createRun(db(), scenario)
    await appendEvents(db(), runId, 'a', 0, [e('A', 1)], 5)
    const stored = await appendEvents(db(), runId, 'a', 1, [e('A', 2), e('A', 3)], 7)
    expect(stored).toEqual([
      { position: 2, stream: 'a', version: 2, id: 'evt-2', type: 'A', data: { n: 2 }, at: 7 },
      { position: 3, stream: 'a', version: 3, id: 'evt-3', type: 'A', data: { n: 3 }, at: 7 },
    ])
    expect(await headOf(db(), runId)).toBe(3)
    expect(await getRun(db(), runId)).toMatchObject({ head: 3, clock: 7, revision: 2 })
  })

  it.each([
    ['behind', 'a', 2, 3],
    ['ahead', 'a', 4, 3],
    ['for a stream that does not exist', 'new', 1, 0],
  ])(
    'refuses an append whose expected version is %s with a concurrency error, writing nothing',
    async (_, stream, expected, actual) => {
      const runId = await filledRun()
      const before = await readEventsAfter(db(), runId, 0, 100)
      const error = await rejection(appendEvents(db(), runId, stream, expected, [e('X', 1)], 50))
      expect(error.kind).toBe('conflict')
      expect(error.message).toBe(
        `Appending 1 event(s) to ${stream} failed: wrong expected version: ${stream} is at version ${actual}, not ${expected}; nothing was written`,
      )
      expect(await readEventsAfter(db(), runId, 0, 100)).toEqual(before)
      expect(await getRun(db(), runId)).toMatchObject({ head: 4, revision: 3 })
    },
  )

  it('refuses an append to a run that does not exist', async () => {
    expect((await rejection(appendEvents(db(), 42, 'a', 'any', [e('A', 1)], 0))).kind).toBe(
      'missing',
    )
  })

  it('reads the events after a position, in order, at most `limit` of them', async () => {
    const runId = await filledRun()
    await filledRun() // another run's events must not show up
    const positions = async (after: number, limit: number) =>
      (await readEventsAfter(db(), runId, after, limit)).map((x) => x.position)
    expect(await positions(0, 100)).toEqual([1, 2, 3, 4])
    expect(await positions(1, 2)).toEqual([2, 3])
    expect(await positions(4, 10)).toEqual([])
  })

  it('browses newest first, a page at a time, by stream or by type, and only that run', async () => {
    await filledRun()
    const runId = await filledRun()
    await filledRun()
    const positions = async (query: Parameters<typeof browseEvents>[2]) =>
      (await browseEvents(db(), runId, query)).map((x) => x.position)
    expect(await positions({ limit: 10 })).toEqual([4, 3, 2, 1])
    expect(await positions({ limit: 2 })).toEqual([4, 3])
    expect(await positions({ limit: 2, before: 3 })).toEqual([2, 1])
    expect(await positions({ limit: 10, stream: 'a' })).toEqual([4, 2, 1])
    expect(await positions({ limit: 1, stream: 'a', before: 4 })).toEqual([2])
    expect(await positions({ limit: 10, type: 'B' })).toEqual([3])
    expect(await positions({ limit: 10, stream: 'b', type: 'A' })).toEqual([])
  })

  it('reads one stream in version order, and only that run', async () => {
    const runId = await filledRun()
    await filledRun()
    expect((await readStream(db(), runId, 'a')).map((x) => [x.version, x.position])).toEqual([
      [1, 1],
      [2, 2],
      [3, 4],
    ])
    expect(await readStream(db(), runId, 'missing')).toEqual([])
  })

  it('gives stored events the engine key order, so they print like the engine prints them', async () => {
    const runId = await filledRun()
    const [first] = await readEventsAfter(db(), runId, 0, 1)
    expect(Object.keys(first ?? {})).toEqual([
      'position',
      'stream',
      'version',
      'id',
      'type',
      'data',
      'at',
    ])
  })
})

describe('checkpoints and rows', () => {
  it('keeps one checkpoint per projection, the last saved', async () => {
    const runId = await createRun(db(), scenario)
    await saveCheckpoint(db(), runId, 'p', 3)
    await saveCheckpoint(db(), runId, 'p', 5)
    await saveCheckpoint(db(), runId, 'q', 1)
    expect(await readCheckpoints(db(), runId)).toEqual({ p: 5, q: 1 })
  })

  it('replaces a projection’s rows, in key order, with its checkpoint', async () => {
    const runId = await createRun(db(), scenario)
    await saveRows(db(), runId, 'p', { b: { v: 1 }, a: { v: 2 }, gone: { v: 3 } })
    await saveRows(db(), runId, 'p', { b: { v: 10 }, a: { v: 20 } }, 9)
    await saveRows(db(), runId, 'q', { a: { v: null } })
    const rows = await readRows(db(), runId, 'p')
    expect(rows).toEqual({ a: { v: 20 }, b: { v: 10 } })
    expect(Object.keys(rows)).toEqual(['a', 'b'])
    expect(await readCheckpoints(db(), runId)).toEqual({ p: 9 })
  })
})

describe('saved scenarios', () => {
  it('saves scenarios and lists the most recent first', async () => {
    const first = await saveScenario(db(), scenario)
    const second = await saveScenario(db(), scenario, 'copy')
    const list = await listScenarios(db())
    expect(list.map((s) => [s.id, s.name])).toEqual([
      [second, 'copy'],
      [first, 'Read after write'],
    ])
    expect(list[1]?.scenario).toEqual(scenario)
  })
})
