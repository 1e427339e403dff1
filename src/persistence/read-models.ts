import type { ReadModelView, Row } from '../core'

/** What changed in one projection's read model since it was last saved. */
export interface ReadModelChanges {
  readonly projection: string
  readonly checkpoint: number
  readonly put: readonly { readonly key: string; readonly row: Row }[]
  readonly remove: readonly string[]
}

/** A diff, and the snapshot that becomes "saved" once the diff is committed. */
export interface ReadModelDiff {
  readonly changes: readonly ReadModelChanges[]
  readonly snapshot: ReadonlyMap<string, Saved>
}

export interface Saved {
  readonly checkpoint: number
  readonly rows: readonly (Row | undefined)[]
}

/**
 * Saves read models incrementally. Rows are immutable objects (the engine replaces a changed row),
 * so comparing references against the last saved snapshot finds exactly the rows that changed:
 * a tick writes what it changed, not the whole read model. A diff becomes the saved state only
 * when `accept` is called after its batch committed; a failed batch is simply diffed again.
 */
export class ReadModelTracker {
  private saved = new Map<string, Saved>()

  diff(views: readonly ReadModelView[]): ReadModelDiff {
    const changes: ReadModelChanges[] = []
    const snapshot = new Map<string, Saved>()
    for (const view of views) {
      const before = this.saved.get(view.id)
      const rows = view.rows.slice()
      snapshot.set(view.id, { checkpoint: view.checkpoint, rows })
      const put: { key: string; row: Row }[] = []
      const remove: string[] = []
      const n = Math.max(rows.length, before?.rows.length ?? 0)
      for (let id = 0; id < n; id++) {
        const row = rows[id]
        if (row === before?.rows[id]) continue
        if (row === undefined) remove.push(view.keyName(id))
        else put.push({ key: view.keyName(id), row })
      }
      if (put.length > 0 || remove.length > 0 || before?.checkpoint !== view.checkpoint)
        changes.push({ projection: view.id, checkpoint: view.checkpoint, put, remove })
    }
    return { changes, snapshot }
  }

  accept(diff: ReadModelDiff): void {
    this.saved = new Map(diff.snapshot)
  }
}
