import { useId, useState } from 'react'
import type { ProjectionFrame } from '../../state/store'
import { DeliveryForm } from './DeliveryForm'
import { actWith, type Act, type Feedback } from './feedback'
import { LatencyForm } from './LatencyForm'
import { WireFaultsForm } from './WireFaultsForm'

interface LinkCardProps {
  projection: ProjectionFrame
  /** Simulated ms of the state shown: where a change takes effect. */
  now: number
  act: Act
}

/**
 * One projection's link at the instant shown: whether it is up, what is on the wire, and every
 * setting the learner can change there. Each change is an intervention at `now`.
 */
export function LinkCard({ projection: p, now, act }: LinkCardProps) {
  const headingId = useId()
  return (
    <article className="link-card" aria-labelledby={headingId} data-status={p.status}>
      <header className="link-head">
        <h3 id={headingId}>Link to {p.id}</h3>
        <StatusBadge status={p.status} />
      </header>
      <dl className="link-counts">
        <Count label="In flight" value={p.inFlight} testId="in-flight" />
        <Count label="Delivered" value={p.delivered} testId="delivered" />
        <Count label="Dropped" value={p.dropped} testId="dropped" />
        <Count label="Duplicates" value={p.duplicates} testId="duplicates" />
      </dl>
      <p className="link-lag">
        {p.behindEvents === 0 ? (
          <>
            Caught up: <span data-testid="behind">0</span> events behind
          </>
        ) : (
          <>
            Behind by <span data-testid="behind">{p.behindEvents}</span>{' '}
            {p.behindEvents === 1 ? 'event' : 'events'}
          </>
        )}
      </p>
      <FaultButtons projection={p} now={now} act={act} />
      {p.link.script && p.link.script.length > 0 && (
        <p className="link-script">
          This link follows a script: the events it lists arrive as scripted, whatever the settings
          below say; they apply to the other events.
        </p>
      )}
      <DeliveryForm projection={p.id} delivery={p.delivery} now={now} act={act} />
      <LatencyForm projection={p.id} latency={p.link.latency} now={now} act={act} />
      <WireFaultsForm projection={p.id} link={p.link} now={now} act={act} />
    </article>
  )
}

const SYMBOL: Record<ProjectionFrame['status'], string> = {
  running: '▶',
  partitioned: '⊘',
  crashed: '✕',
  'crashed and partitioned': '✕',
  rebuilding: '↻',
  'rebuilding and partitioned': '↻',
}

/** The state in words, with a symbol and a border style as extra cues: never colour alone. */
function StatusBadge({ status }: { status: ProjectionFrame['status'] }) {
  return (
    <p className="status-badge" data-testid="link-status">
      <span aria-hidden="true">{SYMBOL[status]} </span>
      {status}
    </p>
  )
}

function Count(props: { label: string; value: number; testId: string }) {
  return (
    <div>
      <dt>{props.label}</dt>
      <dd data-testid={props.testId}>{props.value}</dd>
    </div>
  )
}

/** Cut the link off or heal it, take the service down or bring it back: by its state now. */
function FaultButtons({
  projection: p,
  now,
  act,
}: { projection: ProjectionFrame } & Omit<LinkCardProps, 'projection'>) {
  const [feedback, setFeedback] = useState<Feedback | null>(null)
  const press = (type: 'partition' | 'heal' | 'crash' | 'restart', what: string) =>
    setFeedback(actWith(act, { type, projection: p.id }, now, what))
  return (
    <div className="fault-buttons" role="group" aria-label={`Faults of ${p.id}`}>
      <div className="buttons">
        {p.partitioned ? (
          <button type="button" onClick={() => press('heal', `Healed ${p.id}`)}>
            Heal {p.id}
          </button>
        ) : (
          <button
            type="button"
            className="danger"
            onClick={() => press('partition', `Partitioned ${p.id}`)}
          >
            Partition {p.id}
          </button>
        )}
        {p.crashed ? (
          <button type="button" onClick={() => press('restart', `Restarted ${p.id}`)}>
            Restart {p.id}
          </button>
        ) : (
          <button
            type="button"
            className="danger"
            onClick={() => press('crash', `Crashed ${p.id}`)}
          >
            Crash {p.id}
          </button>
        )}
      </div>
      <p role="status" className={`feedback ${feedback?.kind ?? ''}`}>
        {feedback?.kind === 'problems'
          ? feedback.problems.map((x) => x.message).join('; ')
          : (feedback?.text ?? '')}
      </p>
    </div>
  )
}
