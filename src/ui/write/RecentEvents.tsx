import type { StoredEvent } from '../../state/store'
import { EventTable } from '../store-browser/EventTable'

interface Props {
  readonly events: readonly StoredEvent[]
  /** The store's head at the time shown. */
  readonly head: number
  /** Positions appended by commands issued by hand. */
  readonly byHand: ReadonlySet<number>
  readonly at: string
  readonly time: (ms: number) => string
}

/** The store's newest events at the instant shown, as the engine holds them (no IndexedDB). */
export function RecentEvents({ events, head, byHand, at, time }: Props) {
  if (events.length === 0)
    return <p className="muted empty">No events yet: issue a command or press Play.</p>
  return (
    <EventTable
      events={events}
      caption={
        events.length === head
          ? `All ${head} event${head === 1 ? '' : 's'} at ${at}, newest first`
          : `The ${events.length} newest of ${head} events at ${at}, newest first`
      }
      label="Recent events"
      rowTestId="recent-event"
      time={time}
      tag={(e) => (byHand.has(e.position) ? 'by hand' : null)}
    />
  )
}
