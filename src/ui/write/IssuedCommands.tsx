import { dataText, outcomeText, type IssuedCommand } from './describe'

interface Props {
  readonly issued: readonly IssuedCommand[]
  /** Formats a simulated time as the playback bar does. */
  readonly time: (ms: number) => string
}

/**
 * The commands issued by hand in this run, newest first, with what the write model decided. One
 * issued after the time shown (the learner went back before it) is greyed: it happens later.
 */
export function IssuedCommands({ issued, time }: Props) {
  if (issued.length === 0)
    return (
      <p className="muted empty">
        Nothing issued by hand yet. The scenario’s own commands show up in the events below.
      </p>
    )
  return (
    <ol className="issued" aria-label="Commands issued by hand, newest first">
      {issued.map((c) => (
        <li
          key={c.index}
          className={`issued-item ${c.outcome.kind}`}
          data-testid="issued-command"
          data-outcome={c.outcome.kind}
        >
          <div className="issued-head">
            <span className="time">{time(c.at)}</span> <strong>{c.type}</strong>
            {c.client !== null && <span className="client"> by {c.client}</span>}
          </div>
          <code className="data">{dataText(c.data)}</code>
          <div className="outcome">{outcomeText(c.outcome)}</div>
        </li>
      ))}
    </ol>
  )
}
