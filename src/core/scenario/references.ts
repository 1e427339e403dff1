/**
 * References from faults, reads and commands (`via`) to projection ids. They are checked on the
 * document as given, loosely typed, so that they can be listed even when another part of the
 * document has the wrong shape (zod skips the cross-field pass then): a learner fixing a typo in
 * `domain` should not discover a misspelt projection id only on the next try.
 */

export interface ReferenceProblem {
  readonly path: readonly (string | number)[]
  readonly message: string
}

export const MAX_PROJECTIONS = 16

/**
 * Every reference to a projection id the document does not declare, in document order. Nothing
 * when the declarations themselves are unreliable (not a list, too long, an id that is not a
 * string): their own problem is reported, and guessing what was meant would add noise.
 */
export function unknownProjections(doc: unknown): ReferenceProblem[] {
  if (!isObject(doc) || !Array.isArray(doc.projections)) return []
  if (doc.projections.length > MAX_PROJECTIONS) return []
  const ids = new Set<string>()
  for (const p of doc.projections) {
    if (!isObject(p) || typeof p.id !== 'string') return []
    ids.add(p.id)
  }
  const out: ReferenceProblem[] = []
  const check = (id: unknown, path: (string | number)[]) => {
    if (typeof id === 'string' && !ids.has(id))
      out.push({ path, message: `unknown projection ${quote(id)}` })
  }
  each(doc.faults, (f, i) => check(f.projection, ['faults', i, 'projection']))
  each(doc.commands, (c, i) => {
    if (isObject(c.via)) check(c.via.projection, ['commands', i, 'via', 'projection'])
  })
  each(doc.reads, (r, i) => check(r.projection, ['reads', i, 'projection']))
  return out
}

function each(list: unknown, visit: (item: Record<string, unknown>, i: number) => void): void {
  if (Array.isArray(list)) list.forEach((item, i) => isObject(item) && visit(item, i))
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x)
}

/** Echoes a user's string in a message, cut short: an over-long id must not make a huge message. */
export function quote(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text)
}
