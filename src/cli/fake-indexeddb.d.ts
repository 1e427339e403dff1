// fake-indexeddb's "./auto" entry (installs IndexedDB globals when imported) ships no types.
declare module 'fake-indexeddb/auto' {}
