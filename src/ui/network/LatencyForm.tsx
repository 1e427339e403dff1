import { useId, useState, type FormEvent } from 'react'
import type { Distribution } from '../../core'
import {
  draftOf,
  fieldText,
  KIND_NAMES,
  KINDS,
  sameDistribution,
  toDistribution,
  type ParamField,
} from './distribution-form'
import { actWith, problemOf, type Act, type Feedback } from './feedback'
import { ApplyRow, For, NumberField, useDraft } from './fields'
import { LatencyCurve } from './LatencyCurve'

const OFFSET: ParamField = { key: 'offset', label: 'Offset', unit: 'ms', fallback: 0 }

interface LatencyFormProps {
  projection: string
  latency: Distribution
  now: number
  act: Act
}

/**
 * The link's latency: a kind and its parameters, applied with one button, beside the shape of
 * the distribution the link uses now. A mixture (from a scenario) is shown but not edited here.
 */
export function LatencyForm({ projection, latency, now, act }: LatencyFormProps) {
  const kindId = useId()
  const [draft, setDraft] = useDraft(JSON.stringify(latency), () => draftOf(latency))
  const [feedback, setFeedback] = useState<Feedback | null>(null)
  const fields = draft.kind === 'mixture' ? [] : [...KINDS[draft.kind], OFFSET]
  const parsed = toDistribution(draft)
  const dirty = draft.kind !== latency.dist || !parsed.ok || !sameDistribution(parsed.dist, latency)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!parsed.ok)
      return setFeedback({
        kind: 'problems',
        problems: parsed.problems.map((p) => ({
          field: p.field ? `latency.${p.field}` : 'latency',
          message: p.message,
        })),
      })
    if (!dirty)
      return setFeedback({ kind: 'note', text: 'Nothing to apply: this is the latency now.' })
    setFeedback(
      actWith(act, { type: 'link', projection, latency: parsed.dist }, now, 'Latency changed'),
    )
  }

  return (
    <form className="link-form latency" onSubmit={submit} noValidate>
      <fieldset>
        <legend>Latency</legend>
        <div className="latency-body">
          <div className="latency-fields">
            <div className="field">
              <label htmlFor={kindId}>
                Latency kind
                <For projection={projection} />
              </label>
              <select
                id={kindId}
                value={draft.kind}
                onChange={(e) => {
                  setDraft({ ...draft, kind: e.target.value as Distribution['dist'] })
                  setFeedback(null)
                }}
              >
                {KIND_NAMES.map((k) => (
                  <option key={k} value={k}>
                    {k}
                  </option>
                ))}
                {latency.dist === 'mixture' && (
                  <option value="mixture">mixture ({latency.parts.length} parts)</option>
                )}
              </select>
            </div>
            {fields.map((field) => (
              <NumberField
                key={field.key}
                label={field.label}
                projection={projection}
                unit={field.unit}
                value={fieldText(draft, field)}
                problem={problemOf(feedback, `latency.${field.key}`)}
                onChange={(text) => {
                  setDraft({ ...draft, values: { ...draft.values, [field.key]: text } })
                  if (feedback?.kind === 'problems') setFeedback(null)
                }}
              />
            ))}
            {draft.kind === 'mixture' && (
              <p className="muted">A mixture&rsquo;s parts are set in the scenario.</p>
            )}
          </div>
          <figure className="latency-now">
            <LatencyCurve dist={latency} width={200} height={100} />
            <figcaption>The link&rsquo;s latency now</figcaption>
          </figure>
        </div>
        <ApplyRow
          label="Apply latency"
          projection={projection}
          dirty={dirty && draft.kind !== 'mixture'}
          feedback={feedback}
          fields={fields.map((f) => `latency.${f.key}`)}
        />
      </fieldset>
    </form>
  )
}
