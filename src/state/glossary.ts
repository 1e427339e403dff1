import { useStore } from 'zustand'
import { createStore } from 'zustand/vanilla'

/**
 * Whether the glossary panel is open, and at which term: its own tiny store, apart from the run's,
 * so that any lesson link, the header's button and the `g` key open it the same way.
 */
export interface GlossaryState {
  readonly open: boolean
  /** The term asked for, as the link wrote it (the panel looks it up); null: no particular one. */
  readonly term: string | null
  /**
   * Counts the requests: asking for the term already shown scrolls to it and focuses it again,
   * as following the same link twice should.
   */
  readonly request: number
  openGlossary(term?: string): void
  closeGlossary(): void
  toggleGlossary(): void
}

export function createGlossaryStore() {
  return createStore<GlossaryState>()((set, get) => ({
    open: false,
    term: null,
    request: 0,
    openGlossary: (term) =>
      set((s) => ({ open: true, term: term ?? null, request: s.request + 1 })),
    closeGlossary: () => set({ open: false }),
    toggleGlossary: () => (get().open ? get().closeGlossary() : get().openGlossary()),
  }))
}

export type GlossaryStore = ReturnType<typeof createGlossaryStore>

export const glossaryStore: GlossaryStore = createGlossaryStore()

/** Opens the panel, at `term` (a term or an alias, any case, singular or plural) if given. */
export const openGlossary = (term?: string): void => glossaryStore.getState().openGlossary(term)
export const closeGlossary = (): void => glossaryStore.getState().closeGlossary()
/** Opens the panel at the top when closed, closes it when open (the `g` key). */
export const toggleGlossary = (): void => glossaryStore.getState().toggleGlossary()

export function useGlossary<T>(
  selector: (state: GlossaryState) => T,
  store: GlossaryStore = glossaryStore,
): T {
  return useStore(store, selector)
}
