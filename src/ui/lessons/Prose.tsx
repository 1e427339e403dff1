import { useMemo, type ReactNode } from 'react'
import { openGlossary } from '../../state/glossary'
import { glossaryEntry } from '../../scenarios/glossary'
import type { Prose as ProseText } from '../../scenarios/lessons'
import { parseProse, type Inline } from '../../scenarios/prose'
import './prose.css'

/**
 * Lesson prose as elements: a `<p>` per paragraph, `<strong>`, `<code>`, and glossary links as
 * buttons that open the glossary at their term. Built from parsed data, never from HTML, so a
 * lesson cannot inject markup. A link to a term the glossary lacks shows its words as text (the
 * glossary test keeps that from happening in the shipped lessons).
 */
export function Prose({ text }: { text: ProseText }) {
  const paragraphs = useMemo(() => parseProse(text), [text])
  return paragraphs.map((pieces, i) => <p key={i}>{pieces.map(piece)}</p>)
}

function piece(p: Inline, key: number): ReactNode {
  switch (p.kind) {
    case 'text':
      return p.text
    case 'strong':
      return <strong key={key}>{p.children.map(piece)}</strong>
    case 'code':
      return <code key={key}>{p.text}</code>
    case 'term':
      return <TermLink key={key} term={p.term} shown={p.text} />
  }
}

function TermLink({ term, shown }: { term: string; shown: string }) {
  const entry = glossaryEntry(term)
  if (!entry) return shown
  // The name keeps the words on screen (speech control users say what they see) and names the
  // entry: "Glossary: checkpoint", or "Glossary: read mode (strong read)" when they differ.
  const same = shown.toLowerCase() === entry.term.toLowerCase()
  return (
    <button
      type="button"
      className="glossary-link"
      aria-label={same ? `Glossary: ${entry.term}` : `Glossary: ${entry.term} (${shown})`}
      onClick={() => openGlossary(entry.term)}
    >
      {shown}
    </button>
  )
}
