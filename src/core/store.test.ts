/**
 * The in-memory event store: a global, gap-free order of positions, a version per stream, and
 * optimistic concurrency that writes all of a batch or nothing.
 */
import { describe, expect, it } from 'vitest'
import { MemoryEventStore } from './store'

const e = (type: string, n: number) => ({ type, data: { n } })

/** Three streams interleaved: a1 a2 b1 a3 c1 c2 at positions 1..6. */
function filled(): MemoryEventStore {
  const store = new MemoryEventStore()
  store.append('a', 'any', [e('A', 1), e('A', 2)], 10)
  store.append('b', 'any', [e('B', 1)], 20)
  store.append('a', 'any', [e('A', 3)], 30)
  store.append('c', 'any', [e('C', 1), e('C', 2)], 40)
  return store
}

describe('MemoryEventStore', () => {
  it('gives appended events the next positions, stream versions, ids and the time', () => {
    const store = new MemoryEventStore()
    store.append('a', 'any', [e('A', 1)], 5)
    const result = store.append('a', 1, [e('A', 2), e('A', 3)], 7)
    expect(result).toEqual({
      ok: true,
      events: [
        { position: 2, stream: 'a', version: 2, id: 'evt-2', type: 'A', data: { n: 2 }, at: 7 },
        { position: 3, stream: 'a', version: 3, id: 'evt-3', type: 'A', data: { n: 3 }, at: 7 },
      ],
    })
    expect(store.head()).toBe(3)
    expect(store.version('a')).toBe(3)
  })

  it.each([
    ['a new stream', 'new', 0],
    ['an existing stream', 'a', 3],
  ])('appends to %s when the expected version is its version', (_, stream, expected) => {
    const store = filled()
    expect(store.append(stream, expected, [e('X', 1)], 50).ok).toBe(true)
    expect(store.version(stream)).toBe(expected + 1)
  })

  it.each([
    ['behind', 'a', 2, 3],
    ['ahead', 'a', 4, 3],
    ['for a stream that does not exist', 'new', 1, 0],
  ])(
    'refuses a batch whose expected version is %s, writes nothing and says why',
    (_, stream, expected, actual) => {
      const store = filled()
      const before = store.readAfter(0, 100)
      const result = store.append(stream, expected, [e('X', 1), e('X', 2)], 50)
      expect(result).toEqual({
        ok: false,
        actual,
        reason: `wrong expected version: ${stream} is at version ${actual}, not ${expected}`,
      })
      expect(store.readAfter(0, 100)).toEqual(before)
      expect(store.head()).toBe(6)
      expect(store.version(stream)).toBe(actual)
    },
  )

  it('reads the events after a position, in order, at most `limit` of them', () => {
    const store = filled()
    const positions = (after: number, limit: number) =>
      store.readAfter(after, limit).map((x) => x.position)
    expect(positions(0, 100)).toEqual([1, 2, 3, 4, 5, 6])
    expect(positions(2, 3)).toEqual([3, 4, 5])
    expect(positions(5, 10)).toEqual([6])
    expect(positions(6, 10)).toEqual([])
    expect(positions(1, 0)).toEqual([])
  })

  it('reads one stream in version order', () => {
    const store = filled()
    expect(store.readStream('a').map((x) => [x.version, x.position])).toEqual([
      [1, 1],
      [2, 2],
      [3, 4],
    ])
    expect(store.readStream('missing')).toEqual([])
  })

  it('finds an event by position and reports the head', () => {
    const store = filled()
    expect(store.get(4)).toMatchObject({ stream: 'a', version: 3, at: 30 })
    expect(store.get(0)).toBeUndefined()
    expect(store.get(7)).toBeUndefined()
    expect(store.head()).toBe(6)
    expect(new MemoryEventStore().head()).toBe(0)
  })

  it('forgets everything after a position, streams and versions included', () => {
    const store = filled()
    store.truncateAfter(3)
    expect(store.head()).toBe(3)
    expect(store.readAfter(0, 100).map((x) => x.position)).toEqual([1, 2, 3])
    expect(store.version('a')).toBe(2)
    expect(store.version('c')).toBe(0)
    expect(store.readStream('c')).toEqual([])
    expect(store.get(4)).toBeUndefined()
  })

  it('continues after a truncation as if the forgotten events had never been appended', () => {
    const store = filled()
    store.truncateAfter(3)
    const result = store.append('c', 0, [e('C', 9)], 99)
    expect(result.ok && result.events[0]).toMatchObject({ position: 4, stream: 'c', version: 1 })
    expect(store.append('a', 2, [e('A', 9)], 99).ok).toBe(true)
  })

  it('keeps everything when truncating at or past the head, and nothing when truncating at 0', () => {
    const store = filled()
    store.truncateAfter(6)
    store.truncateAfter(100)
    expect(store.head()).toBe(6)
    store.truncateAfter(0)
    expect(store.head()).toBe(0)
    expect(store.version('a')).toBe(0)
  })
})
