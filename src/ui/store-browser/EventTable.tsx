import { Fragment, useId } from 'react'
import type { StoredEvent } from '../../state/store'

interface Props {
  readonly events: readonly StoredEvent[]
  readonly caption: string
  /** What the scrolling box is called, for keyboard users who focus it to scroll. */
  readonly label: string
  readonly rowTestId: string
  readonly time: (ms: number) => string
  /** A word after the type of some events ("by hand"), or null. */
  readonly tag?: (e: StoredEvent) => string | null
}

/**
 * Events as an event store lists them, sized for a narrow column: position, stream, version and
 * time in their own columns, the type with its data below it (data is the widest thing and
 * wraps). Wider than its box, the table scrolls inside it, never the page. Data is shown as
 * text, never as markup.
 */
export function EventTable({ events, caption, label, rowTestId, time, tag }: Props) {
  const id = useId()
  // The caption sits outside the scrolling box, so it stays whole when the table scrolls.
  return (
    <>
      <p id={id} className="table-caption">
        {caption}
      </p>
      <div className="table-scroll" role="group" aria-label={label} tabIndex={0}>
        <table className="events compact" aria-labelledby={id}>
          <thead>
            <tr>
              <th scope="col">
                <abbr title="Position">Pos.</abbr>
              </th>
              <th scope="col">Stream</th>
              <th scope="col">
                <abbr title="Version">Ver.</abbr>
              </th>
              <th scope="col">Time</th>
              <th scope="col">Type and data</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => {
              const mark = tag?.(e) ?? null
              return (
                <tr
                  key={e.position}
                  data-testid={rowTestId}
                  className={mark ? 'tagged' : undefined}
                >
                  <td className="number">{e.position}</td>
                  <td>
                    <code className="stream">{breakable(e.stream)}</code>
                  </td>
                  <td className="number">{e.version}</td>
                  <td className="number">{time(e.at)}</td>
                  <td>
                    <span className="type">{e.type}</span>
                    {mark && <span className="tag"> {mark}</span>}
                    <code className="data">{JSON.stringify(e.data)}</code>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
    </>
  )
}

/** A stream id that may wrap after each slash: `book/` `s1/` `isbn-1`. */
function breakable(stream: string) {
  return stream.split('/').map((part, i, all) => (
    <Fragment key={i}>
      {part}
      {i < all.length - 1 && (
        <>
          /<wbr />
        </>
      )}
    </Fragment>
  ))
}
