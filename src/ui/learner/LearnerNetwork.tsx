import { useId, useState } from 'react'
import type { InterventionInput } from '../../core'
import {
  appStore,
  selectAct,
  selectFrame,
  useApp,
  type AppStore,
  type Frame,
  type HeldFrame,
} from '../../state/store'
import { formatMs } from '../format'
import './learner.css'

/**
 * "You are the network": the learner holds every message that carries events and chooses, one
 * by one, which arrives next, which is lost and which arrives twice, as the DSLabs debugger lets
 * a student choose the next message. Reordering is delivering in any order. Below the list, what
 * arrived last at each read model, so the order chosen can be read back with its outcome.
 */
export function LearnerNetwork({ store = appStore }: { store?: AppStore }) {
  const frame = useApp(selectFrame, store)
  const act = useApp(selectAct, store)
  const [said, setSaid] = useState('')
  const headingId = useId()
  if (!frame) return null
  const { holding, held, heldMore } = frame
  const used = holding || held.length > 0 || frame.interventions.some(isLearner)

  const run = (input: InterventionInput, done: string) => {
    const result = act(input)
    if (!result.ok) setSaid(result.problems.map((p) => p.message).join('; '))
    else if (result.outcome.kind === 'no-op') setSaid(capitalize(result.outcome.reason))
    else setSaid(done)
  }

  return (
    <section className="learner-network" aria-labelledby={headingId}>
      <h3 id={headingId}>Learner as the network</h3>
      <button
        type="button"
        className="hold"
        aria-pressed={holding}
        onClick={() =>
          run(
            { type: 'hold', on: !holding },
            holding
              ? 'The network delivers new messages by itself again.'
              : 'You hold the network.',
          )
        }
      >
        You are the network
      </button>
      <p className="muted">
        {holding
          ? 'Nothing is delivered by itself: choose which message arrives next, drop one, or deliver a copy twice. Requests, polls, acknowledgements and timers still run by themselves.'
          : 'Turn this on to hold every message that carries events and deliver them yourself, in any order.'}
      </p>
      {used && (
        <>
          {held.length === 0 ? (
            <p className="empty">Nothing on the wire: issue a command or press Play/Step</p>
          ) : (
            <HeldTable frame={frame} run={run} />
          )}
          {heldMore > 0 && (
            <p className="muted">
              {heldMore} more waiting after these; they are listed once the ones above are handled.
            </p>
          )}
          {!holding && held.length > 0 && (
            <p className="muted">
              The network delivers new messages by itself again; these are still yours to deliver or
              drop.
            </p>
          )}
          <Arrivals frame={frame} />
        </>
      )}
      <p role="status" className="said">
        {said}
      </p>
    </section>
  )
}

function HeldTable({
  frame,
  run,
}: {
  frame: Frame
  run: (input: InterventionInput, done: string) => void
}) {
  return (
    <div className="held-scroll" role="region" aria-label="Messages waiting for you" tabIndex={0}>
      <table className="held">
        <caption>
          {frame.held.length + frame.heldMore} message
          {frame.held.length + frame.heldMore === 1 ? '' : 's'} waiting for you
        </caption>
        <colgroup>
          <col className="id" />
          <col className="to" />
          <col className="events" />
          <col className="times" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">Id</th>
            <th scope="col">To</th>
            <th scope="col">Event(s)</th>
            <th scope="col">
              Sent at <span className="muted">waiting</span>
            </th>
          </tr>
        </thead>
        {frame.held.map((m) => {
          const what = `message ${m.id} (${carries(m)} to ${m.projection})`
          return (
            <tbody key={m.id} data-testid={`held-${m.id}`}>
              <tr>
                <th scope="row" className="number">
                  {m.id}
                </th>
                <td className="to">{m.projection}</td>
                <td className="events">
                  {m.events.slice(0, 3).map((e) => (
                    <span key={e.position} className="event">
                      #{e.position} {e.type}
                    </span>
                  ))}
                  {m.events.length > 3 && (
                    <span className="event muted">and {m.events.length - 3} more</span>
                  )}
                  {note(m) && <span className="kind">{note(m)}</span>}
                </td>
                <td className="number">
                  {formatMs(m.sentAt)}
                  <br />
                  <span className="muted">{formatMs(m.age)}</span>
                </td>
              </tr>
              <tr className="actions">
                <td colSpan={4}>
                  <button
                    type="button"
                    aria-label={`Deliver ${what}`}
                    onClick={() =>
                      run({ type: 'deliver', message: m.id }, `Delivered message ${m.id}.`)
                    }
                  >
                    Deliver
                  </button>
                  <button
                    type="button"
                    aria-label={`Drop ${what}`}
                    onClick={() => run({ type: 'drop', message: m.id }, `Dropped message ${m.id}.`)}
                  >
                    Drop
                  </button>
                  <button
                    type="button"
                    aria-label={`Duplicate ${what}`}
                    onClick={() =>
                      run(
                        { type: 'duplicate', message: m.id },
                        `A copy of message ${m.id} arrived; the message is still waiting.`,
                      )
                    }
                  >
                    Duplicate
                  </button>
                </td>
              </tr>
            </tbody>
          )
        })}
      </table>
    </div>
  )
}

/** What arrived last at each read model, in the order it arrived. */
function Arrivals({ frame }: { frame: Frame }) {
  return (
    <dl className="arrivals">
      {frame.arrivals.map((a) => (
        <div key={a.projection} data-testid={`arrivals-${a.projection}`}>
          <dt>Arrived at {a.projection}</dt>
          <dd>
            {a.copies.length === 0 ? (
              <span className="muted">nothing yet</span>
            ) : (
              <ol>
                {a.copies.map((c, i) => (
                  <li key={i}>
                    #{c.position} {c.type} <span className="muted">{c.outcome}</span>
                  </li>
                ))}
              </ol>
            )}
          </dd>
        </div>
      ))}
    </dl>
  )
}

/** "#2 TodoRenamed", "#1 NameChanged, #2 NameChanged", "#1 to #40 (40 events)". */
function carries(m: HeldFrame): string {
  const [first] = m.events
  const last = m.events[m.events.length - 1]
  if (!first || !last) return 'no events'
  if (m.events.length > 3)
    return `#${first.position} to #${last.position} (${m.events.length} events)`
  return m.events.map((e) => `#${e.position} ${e.type}`).join(', ')
}

/** A word on a message that is not a plain first push. */
function note(m: HeldFrame): string {
  if (m.kind === 'answer') return `answer to a ${m.purpose ?? 'request'}`
  return m.copy === 'first' ? '' : m.copy
}

function isLearner(i: Frame['interventions'][number]): boolean {
  const type = i.intervention.type
  return type === 'hold' || type === 'deliver' || type === 'drop' || type === 'duplicate'
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1)
}
