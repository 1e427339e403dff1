import { useId, useState } from 'react'
import { selectAct, useApp } from '../../state/store'

const HANDLERS = ['naive', 'idempotent', 'ordered', 'order-tolerant'] as const

/**
 * Deploys another handler, or the same one afresh: a rebuild from the store at the instant shown,
 * as an intervention of the run. While it rebuilds, the projection takes no deliveries.
 */
export function HandlerControl({
  projection,
  handler,
  rebuilding,
}: {
  projection: string
  handler: string
  rebuilding: boolean
}) {
  const act = useApp(selectAct)
  const id = useId()
  const [choice, setChoice] = useState(handler)
  const [note, setNote] = useState('')
  const rebuild = () => {
    const result = act({
      type: 'rebuild',
      projection,
      ...(choice !== handler ? { handler: choice as (typeof HANDLERS)[number] } : {}),
    })
    setNote(
      !result.ok
        ? result.problems.map((p) => p.message).join('; ')
        : result.outcome.kind === 'no-op'
          ? result.outcome.reason
          : `Rebuilding ${projection} with the ${choice} handler.`,
    )
  }
  return (
    <div className="handler-control">
      <label htmlFor={id}>Handler for {projection}</label>
      <select id={id} value={choice} onChange={(e) => setChoice(e.target.value)}>
        {HANDLERS.map((h) => (
          <option key={h} value={h}>
            {h}
          </option>
        ))}
      </select>
      <button type="button" onClick={rebuild} aria-disabled={rebuilding || undefined}>
        {choice === handler ? `Rebuild ${projection}` : `Rebuild ${projection} as ${choice}`}
      </button>
      <span role="status" className="muted">
        {note}
      </span>
    </div>
  )
}
