import { useEffect, useId, useRef, useState } from 'react'
import { createPortal } from 'react-dom'
import { glossaryStore, useGlossary, type GlossaryStore } from '../../state/glossary'
import {
  glossary,
  glossaryEntry,
  normalizeTerm,
  type GlossaryEntry,
} from '../../scenarios/glossary'
import './glossary.css'

/** The id of an entry's term in the page: `glossary-read-your-writes`. */
export function glossaryAnchor(term: string): string {
  return `glossary-${term.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`
}

/** Whether an entry's term or one of its aliases contains the filter's words. */
function matches(entry: GlossaryEntry, filter: string): boolean {
  const words = normalizeTerm(filter)
  return [entry.term, ...(entry.aliases ?? [])].some((n) => normalizeTerm(n).includes(words))
}

/**
 * The glossary beside the page: a non-modal side panel (an `<aside>` landmark) with every term
 * and its definition, alphabetically, a filter, and `see` links between entries. Opened at a term,
 * it scrolls that term into view, highlights it and focuses it; opened without one, it focuses
 * the filter. Escape or Close closes it and gives focus back to whatever opened it.
 */
export function GlossaryPanel({ store = glossaryStore }: { store?: GlossaryStore }) {
  const open = useGlossary((s) => s.open, store)
  return open ? <OpenPanel store={store} /> : null
}

function OpenPanel({ store }: { store: GlossaryStore }) {
  const term = useGlossary((s) => s.term, store)
  const request = useGlossary((s) => s.request, store)
  const entry = term === null ? undefined : glossaryEntry(term)
  const [filter, setFilter] = useState('')
  // A request for an entry the filter hides clears the filter, during the render that shows it.
  const [handled, setHandled] = useState(request)
  if (handled !== request) {
    setHandled(request)
    if (entry && !matches(entry, filter)) setFilter('')
  }
  const shown = glossary.filter((e) => matches(e, filter))

  const panel = useRef<HTMLElement>(null)
  const filterBox = useRef<HTMLInputElement>(null)
  const opener = useRef<Element | null>(null)
  const headingId = useId()
  const filterId = useId()

  // On closing (unmounting), focus goes back to the opener.
  useEffect(
    () => () => {
      const back = opener.current
      if (back instanceof HTMLElement && back.isConnected) back.focus()
    },
    [],
  )
  useEffect(() => {
    // Focus goes back to what opened the panel last from outside it (a link in a lesson, the
    // header's button), not to a `see` link inside it.
    const active = document.activeElement
    if (!panel.current?.contains(active)) opener.current = active
    const target = entry && document.getElementById(glossaryAnchor(entry.term))
    if (target) {
      // jsdom has no scrollIntoView.
      if (typeof target.scrollIntoView === 'function') target.scrollIntoView({ block: 'center' })
      target.focus({ preventScroll: true })
    } else filterBox.current?.focus()
    // Only a new request moves focus: typing in the filter must not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [request])

  // In a portal at the end of the body: a complementary landmark must not sit inside <main>.
  return createPortal(
    <aside
      ref={panel}
      className="glossary-panel"
      aria-labelledby={headingId}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return
        event.preventDefault()
        store.getState().closeGlossary()
      }}
    >
      <div className="glossary-top">
        <header className="glossary-header">
          <h2 id={headingId}>Glossary</h2>
          <button
            type="button"
            className="primary"
            onClick={() => store.getState().closeGlossary()}
          >
            Close
          </button>
        </header>
        <div className="glossary-filter">
          <label htmlFor={filterId}>Filter terms</label>
          <input
            ref={filterBox}
            id={filterId}
            type="search"
            autoComplete="off"
            spellCheck={false}
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
          />
        </div>
        <p role="status" className="glossary-count">
          {shown.length === glossary.length
            ? `${glossary.length} terms`
            : shown.length === 0
              ? `No term matches "${filter.trim()}".`
              : `${shown.length} of ${glossary.length} terms`}
        </p>
      </div>
      <dl className="glossary-list">
        {shown.map((e) => (
          <Entry
            key={e.term}
            entry={e}
            current={e === entry}
            onSee={(see) => store.getState().openGlossary(see)}
          />
        ))}
      </dl>
    </aside>,
    document.body,
  )
}

function Entry({
  entry,
  current,
  onSee,
}: {
  entry: GlossaryEntry
  current: boolean
  onSee: (term: string) => void
}) {
  return (
    <div className={current ? 'glossary-entry current' : 'glossary-entry'} data-term={entry.term}>
      <dt id={glossaryAnchor(entry.term)} tabIndex={-1}>
        {entry.term}
      </dt>
      <dd>
        <p>{entry.definition}</p>
        {entry.aliases && entry.aliases.length > 0 && (
          <p className="glossary-aliases">Also: {entry.aliases.join(', ')}</p>
        )}
        {entry.see && entry.see.length > 0 && (
          <p className="glossary-see">
            See:{' '}
            {entry.see.map((s, i) => (
              <span key={s}>
                {i > 0 && ', '}
                <button type="button" onClick={() => onSee(s)}>
                  {s}
                </button>
              </span>
            ))}
          </p>
        )}
      </dd>
    </div>
  )
}
