/**
 * Lesson prose (see `Prose` in lessons/types.ts) parsed into plain data: paragraphs of text,
 * strong words, code and glossary links. The UI renders this data as elements, never as HTML, so
 * a lesson cannot inject markup; anything that is not one of the three marks stays text.
 */

export type Inline =
  | { readonly kind: 'text'; readonly text: string }
  /** `**words**`: may hold code and links, not another strong. */
  | { readonly kind: 'strong'; readonly children: readonly Inline[] }
  | { readonly kind: 'code'; readonly text: string }
  /** `[[term]]` or `[[term|shown words]]`. */
  | { readonly kind: 'term'; readonly term: string; readonly text: string }

export type Paragraph = readonly Inline[]

// One alternative per mark; the earliest match in the text wins, so marks never overlap.
const LINK = String.raw`\[\[([^[\]|]+)(?:\|([^[\]|]+))?\]\]`
const STRONG = String.raw`\*\*(.+?)\*\*`
const CODE = '`([^`]+)`'

function inline(text: string, strong: boolean): Inline[] {
  const marks = new RegExp(strong ? `${LINK}|${CODE}` : `${LINK}|${STRONG}|${CODE}`, 'g')
  const out: Inline[] = []
  let from = 0
  const pushText = (to: number) => {
    if (to > from) out.push({ kind: 'text', text: text.slice(from, to) })
  }
  for (const m of text.matchAll(marks)) {
    pushText(m.index)
    const [whole, term, shown] = m
    const strongText = strong ? undefined : m[3]
    const code = strong ? m[3] : m[4]
    if (term !== undefined) {
      const trimmed = term.trim()
      out.push({ kind: 'term', term: trimmed, text: shown?.trim() ?? trimmed })
    } else if (strongText !== undefined) {
      out.push({ kind: 'strong', children: inline(strongText, true) })
    } else {
      out.push({ kind: 'code', text: code ?? '' })
    }
    from = m.index + whole.length
  }
  pushText(text.length)
  return out
}

/** Paragraphs (separated by a blank line), each a list of inline pieces; empty ones dropped. */
export function parseProse(prose: string): Paragraph[] {
  return prose
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => inline(p, false))
}

/** The glossary terms a piece of prose links to, in order, as written in the links. */
export function proseTerms(prose: string): string[] {
  const terms: string[] = []
  const visit = (pieces: readonly Inline[]) => {
    for (const piece of pieces) {
      if (piece.kind === 'term') terms.push(piece.term)
      else if (piece.kind === 'strong') visit(piece.children)
    }
  }
  for (const paragraph of parseProse(prose)) visit(paragraph)
  return terms
}
