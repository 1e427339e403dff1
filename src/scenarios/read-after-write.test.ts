/**
 * The default lesson: a todo is added, then read at once from a push and a pull read model.
 */
import { describe, expect, it } from 'vitest'
import { simulate } from '../core'
import { load, readAfterWrite } from '.'

describe('the read-after-write lesson', () => {
  const result = simulate(load(readAfterWrite))
  const readsAt = (at: number) => result.reads.filter((r) => r.at === at)

  it('misses the new todo when it is read a millisecond after it was added', () => {
    expect(readsAt(1).map((r) => r.projection)).toEqual(['push-reader', 'pull-reader'])
    for (const read of readsAt(1)) expect(read).toMatchObject({ value: null, fresh: false })
  })

  it('sees the todo, renamed, when it is read half a second after the rename', () => {
    expect(readsAt(1500)).toHaveLength(2)
    for (const read of readsAt(1500))
      expect(read).toMatchObject({
        key: 't1',
        mode: 'eventual',
        client: 'alice',
        value: { title: 'buy oat milk', completed: false },
        fresh: true,
      })
  })

  it('ends with both read models equal to the truth', () => {
    for (const id of ['push-reader', 'pull-reader'])
      expect(result.projections[id]).toMatchObject({ consistent: true, state: result.truth })
  })
})
