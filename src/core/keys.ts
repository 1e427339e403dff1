/**
 * Read-model keys as small integers. Every event is tagged with its key's number once, when it is
 * appended; from then on the truth and every projection index plain arrays by that number instead
 * of hashing strings in maps, several times per delivery.
 */
export class KeyTable {
  private readonly ids = new Map<string, number>()
  private readonly names: string[] = []

  get size(): number {
    return this.names.length
  }

  /** The key's number, given a new one if the key was never seen. */
  intern(key: string): number {
    let id = this.ids.get(key)
    if (id === undefined) {
      id = this.names.length
      this.ids.set(key, id)
      this.names.push(key)
    }
    return id
  }

  /** The key's number, or -1. */
  find(key: string): number {
    return this.ids.get(key) ?? -1
  }

  name(id: number): string {
    return this.names[id] ?? ''
  }

  /** Forgets keys first seen after the table had `size` keys. */
  truncate(size: number): void {
    for (let id = this.names.length - 1; id >= size; id--) this.ids.delete(this.names[id] as string)
    this.names.length = Math.min(this.names.length, size)
  }
}
