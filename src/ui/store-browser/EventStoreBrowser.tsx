import { useEffect, useId, useState } from 'react'
import type { StoredEvent } from '../../state/store'
import { eventTypesOf, useApp } from '../../state/store'
import { formatMs } from '../format'

const PAGE = 25

interface Props {
  readonly runId: number
  readonly domain: string
  /** Changes when there is more to see (the run's stored head); refetches the first page. */
  readonly head: number
}

/**
 * The events of the shown run as IndexedDB holds them, newest first, like an event store's own
 * browser: position, stream, version, type, time and data, filtered by stream or type, a page
 * at a time. Data is shown as text, never as markup.
 */
export function EventStoreBrowser({ runId, domain, head }: Props) {
  const browse = useApp((s) => s.browseEvents)
  const [stream, setStream] = useState('')
  const [type, setType] = useState('')
  // Each entry is where a page starts (`before`); the last is the page shown.
  const [pages, setPages] = useState<(number | undefined)[]>([undefined])
  const [events, setEvents] = useState<readonly StoredEvent[] | null>(null)
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
    void browse(runId, query).then((found) => live && setEvents(found))
    return () => {
      live = false
    }
  }, [browse, runId, before, stream, type, head])

  const shown = events?.slice(0, PAGE) ?? []
  const more = (events?.length ?? 0) > PAGE
  const filter = (set: (v: string) => void) => (value: string) => {
    set(value)
    setPages([undefined])
  }
  return (
    <section aria-labelledby={`${id}-heading`} className="store-browser">
      <h2 id={`${id}-heading`}>Event store</h2>
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
      {events === null ? (
        <p className="muted">Reading the stored events…</p>
      ) : shown.length === 0 ? (
        <p className="muted">No stored event matches.</p>
      ) : (
        <table className="events">
          <caption>Events stored in IndexedDB for this run, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Position</th>
              <th scope="col">Stream</th>
              <th scope="col">Version</th>
              <th scope="col">Type</th>
              <th scope="col">Time</th>
              <th scope="col">Data</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((e) => (
              <tr key={e.position} data-testid="stored-event">
                <td className="number">{e.position}</td>
                <td>
                  <code>{e.stream}</code>
                </td>
                <td className="number">{e.version}</td>
                <td>{e.type}</td>
                <td className="number">{formatMs(e.at)}</td>
                <td>
                  <code className="data">{JSON.stringify(e.data)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
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
