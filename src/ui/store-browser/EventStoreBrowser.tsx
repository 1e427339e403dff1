import { useEffect, useId, useState } from 'react'
import type { StoredEvent } from '../../state/store'
import { eventTypesOf, useApp } from '../../state/store'
import { formatMs } from '../format'
import { EventTable } from './EventTable'

const PAGE = 25

type Found =
  | { readonly kind: 'reading' }
  | { readonly kind: 'ok'; readonly events: readonly StoredEvent[] }
  /** Nothing stored here: the run was deleted, or storage is not open in this tab. */
  | { readonly kind: 'missing' }
  | { readonly kind: 'error'; readonly message: string }

interface Props {
  readonly runId: number
  readonly domain: string
  /** Changes when there is more to see (the run's stored head); refetches the first page. */
  readonly head: number
  /** Formats a simulated time; the playground passes the playback bar's format. */
  readonly time?: (ms: number) => string
}

/**
 * The events of the shown run as IndexedDB holds them, newest first, like an event store's own
 * browser: position, stream, version, type, time and data, filtered by stream or type, a page
 * at a time. Data is shown as text, never as markup.
 */
export function EventStoreBrowser({ runId, domain, head, time = formatMs }: Props) {
  const browse = useApp((s) => s.browseEvents)
  const [stream, setStream] = useState('')
  const [type, setType] = useState('')
  // Each entry is where a page starts (`before`); the last is the page shown.
  const [pages, setPages] = useState<(number | undefined)[]>([undefined])
  const [found, setFound] = useState<Found>({ kind: 'reading' })
  const before = pages[pages.length - 1]
  const id = useId()

  useEffect(() => {
    let live = true
    const query = {
      limit: PAGE + 1,
      ...(before !== undefined ? { before } : {}),
      ...(stream ? { stream } : {}),
      ...(type ? { type } : {}),
    }
    browse(runId, query).then(
      (events) => live && setFound(events ? { kind: 'ok', events } : { kind: 'missing' }),
      (error: unknown) =>
        live &&
        setFound({
          kind: 'error',
          message: error instanceof Error ? error.message : String(error),
        }),
    )
    return () => {
      live = false
    }
  }, [browse, runId, before, stream, type, head])

  const events = found.kind === 'ok' ? found.events : []
  const shown = events.slice(0, PAGE)
  const more = events.length > PAGE
  const filter = (set: (v: string) => void) => (value: string) => {
    set(value)
    setPages([undefined])
  }
  return (
    <section aria-labelledby={`${id}-heading`} className="store-browser">
      <h3 id={`${id}-heading`}>Event store</h3>
      <p className="hint">What IndexedDB holds for this run, newest first.</p>
      <div className="filters">
        <label>
          Stream{' '}
          <input
            value={stream}
            placeholder="all streams, or e.g. todo/t1"
            onChange={(e) => filter(setStream)(e.target.value.trim())}
          />
        </label>
        <label>
          Type{' '}
          <select value={type} onChange={(e) => filter(setType)(e.target.value)}>
            <option value="">all types</option>
            {eventTypesOf(domain).map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
      </div>
      {found.kind === 'reading' ? (
        <p className="muted">Reading the stored events…</p>
      ) : found.kind === 'missing' ? (
        <p className="muted">Nothing of this run is stored in this browser (any more).</p>
      ) : found.kind === 'error' ? (
        <p role="alert" className="error">
          The stored events could not be read: {found.message}
        </p>
      ) : shown.length === 0 ? (
        <p className="muted">
          {stream || type ? 'No stored event matches.' : 'No event is stored yet.'}
        </p>
      ) : (
        <EventTable
          events={shown}
          caption="Events stored in IndexedDB for this run, newest first"
          label="Stored events"
          rowTestId="stored-event"
          time={time}
        />
      )}
      <div className="pager">
        <button
          type="button"
          disabled={pages.length === 1}
          onClick={() => setPages(pages.slice(0, -1))}
        >
          Newer
        </button>
        <button
          type="button"
          disabled={!more}
          onClick={() => setPages([...pages, shown[shown.length - 1]?.position])}
        >
          Older
        </button>
      </div>
    </section>
  )
}
