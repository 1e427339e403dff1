import { describe, expect, it } from 'vitest'
import { createGlossaryStore } from './glossary'

describe('the glossary store', () => {
  it('starts closed, at no term', () => {
    const s = createGlossaryStore().getState()
    expect([s.open, s.term, s.request]).toEqual([false, null, 0])
  })

  it('opens at a term, and counts each request, even for the same term', () => {
    const store = createGlossaryStore()
    store.getState().openGlossary('checkpoint')
    expect(store.getState()).toMatchObject({ open: true, term: 'checkpoint', request: 1 })
    store.getState().openGlossary('checkpoint')
    expect(store.getState().request).toBe(2)
    store.getState().openGlossary()
    expect(store.getState()).toMatchObject({ open: true, term: null, request: 3 })
  })

  it('closes, and toggles between open and closed', () => {
    const store = createGlossaryStore()
    store.getState().openGlossary('lag')
    store.getState().closeGlossary()
    expect(store.getState().open).toBe(false)
    store.getState().toggleGlossary()
    expect(store.getState()).toMatchObject({ open: true, term: null })
    store.getState().toggleGlossary()
    expect(store.getState().open).toBe(false)
  })
})
