import { useId, useState, type FormEvent } from 'react'
import type { InterventionInput, ProjectionSpec } from '../../core'
import { parseNumber } from './distribution-form'
import { actWith, problemOf, type Act, type Feedback } from './feedback'
import { ApplyRow, For, NumberField, useDraft } from './fields'

type Delivery = ProjectionSpec['delivery']
type Guarantee = Extract<Delivery, { mode: 'push' }>['guarantee']

interface DeliveryFormProps {
  projection: string
  delivery: Delivery
  now: number
  act: Act
}

/** The settings a delivery mode has, as the form types them. */
interface Draft {
  guarantee: Guarantee
  /** Ack timeout (push) or poll interval (pull), ms. */
  wait: string
  /** Pull only: events per poll. */
  batch: string
}

function draftOf(d: Delivery): Draft {
  return d.mode === 'push'
    ? { guarantee: d.guarantee, wait: String(d.ackTimeout), batch: '' }
    : { guarantee: 'at-least-once', wait: String(d.interval), batch: String(d.batch) }
}

/**
 * How events reach the projection: pushed by the publisher (at least once, redelivered after an
 * ack timeout, or at most once) or pulled on a poll interval in batches. The mode is the
 * scenario's; its settings change mid-run.
 */
export function DeliveryForm({ projection, delivery, now, act }: DeliveryFormProps) {
  const guaranteeId = useId()
  const [draft, setDraft] = useDraft(JSON.stringify(delivery), () => draftOf(delivery))
  const [feedback, setFeedback] = useState<Feedback | null>(null)
  const change = (next: Partial<Draft>) => {
    setDraft({ ...draft, ...next })
    if (feedback?.kind === 'problems') setFeedback(null)
  }
  const push = delivery.mode === 'push'
  const waitField = push ? 'ackTimeout' : 'interval'
  const wait = parseNumber(draft.wait)
  const batch = parseNumber(draft.batch)
  const input: InterventionInput =
    delivery.mode === 'push'
      ? {
          type: 'delivery',
          projection,
          ...(draft.guarantee !== delivery.guarantee ? { guarantee: draft.guarantee } : {}),
          ...(wait !== delivery.ackTimeout && wait !== null ? { ackTimeout: wait } : {}),
        }
      : {
          type: 'delivery',
          projection,
          ...(wait !== delivery.interval && wait !== null ? { interval: wait } : {}),
          ...(batch !== delivery.batch && batch !== null ? { batch } : {}),
        }
  const initial = draftOf(delivery)
  const dirty =
    draft.guarantee !== initial.guarantee ||
    draft.wait !== initial.wait ||
    draft.batch !== initial.batch

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const typed: [string, number | null][] = push
      ? [[waitField, wait]]
      : [
          [waitField, wait],
          ['batch', batch],
        ]
    const bad = typed.filter(([, v]) => v === null)
    if (bad.length > 0)
      return setFeedback({
        kind: 'problems',
        problems: bad.map(([field]) => ({ field, message: 'must be a number' })),
      })
    if (Object.keys(input).length === 2)
      return setFeedback({ kind: 'note', text: 'Nothing to apply: these are the settings now.' })
    setFeedback(actWith(act, input, now, 'Delivery changed'))
  }

  return (
    <form className="link-form delivery" onSubmit={submit} noValidate>
      <fieldset>
        <legend>
          Delivery: <strong>{delivery.mode}</strong>
        </legend>
        <div className="pair">
          {push && (
            <div className="field">
              <label htmlFor={guaranteeId}>
                Guarantee
                <For projection={projection} />
              </label>
              <select
                id={guaranteeId}
                value={draft.guarantee}
                onChange={(e) => change({ guarantee: e.target.value as Guarantee })}
              >
                <option value="at-least-once">at-least-once</option>
                <option value="at-most-once">at-most-once</option>
              </select>
            </div>
          )}
          <NumberField
            label={push ? 'Ack timeout' : 'Poll interval'}
            projection={projection}
            unit="ms"
            value={draft.wait}
            problem={problemOf(feedback, waitField)}
            onChange={(text) => change({ wait: text })}
          />
          {!push && (
            <NumberField
              label="Batch"
              projection={projection}
              unit="events"
              value={draft.batch}
              problem={problemOf(feedback, 'batch')}
              onChange={(text) => change({ batch: text })}
            />
          )}
        </div>
        <ApplyRow
          label="Apply delivery"
          projection={projection}
          dirty={dirty}
          feedback={feedback}
          fields={[waitField, 'batch', 'guarantee']}
        />
      </fieldset>
    </form>
  )
}
