import { useState, type FormEvent } from 'react'
import type { InterventionInput, LinkSpec } from '../../core'
import { parseNumber, sameDistribution } from './distribution-form'
import { actWith, problemOf, type Act, type Feedback } from './feedback'
import { ApplyRow, NumberField, PercentSlider, useDraft } from './fields'

interface WireFaultsFormProps {
  projection: string
  link: LinkSpec
  now: number
  act: Act
}

interface Draft {
  loss: number
  duplicate: number
  reorder: number
  /** The extra delay of a reordered message, as uniform min/max text. */
  min: string
  max: string
}

const FIELDS = ['loss', 'duplicate', 'reorder.p', 'reorder.extra.min', 'reorder.extra.max']

function draftOf(link: LinkSpec): Draft {
  const extra = link.reorder.extra
  const uniform = extra.dist === 'uniform' && !extra.offset
  return {
    loss: link.loss,
    duplicate: link.duplicate,
    reorder: link.reorder.p,
    min: uniform ? String(extra.min) : '0',
    max: uniform ? String(extra.max) : '500',
  }
}

/**
 * What the link does to each message: lose it, send it twice, hold it back so a later one
 * overtakes it. The sliders change a draft; "Apply faults" records one intervention with the
 * settings that changed.
 */
export function WireFaultsForm({ projection, link, now, act }: WireFaultsFormProps) {
  const source = JSON.stringify([link.loss, link.duplicate, link.reorder])
  const [draft, setDraft] = useDraft(source, () => draftOf(link))
  const [feedback, setFeedback] = useState<Feedback | null>(null)
  const initial = draftOf(link)
  const uniformNow = link.reorder.extra.dist === 'uniform' && !link.reorder.extra.offset
  const change = (next: Partial<Draft>) => {
    setDraft({ ...draft, ...next })
    if (feedback?.kind === 'problems') setFeedback(null)
  }

  const min = parseNumber(draft.min)
  const max = parseNumber(draft.max)
  const extraChanged = draft.min !== initial.min || draft.max !== initial.max
  const extra =
    extraChanged && min !== null && max !== null
      ? { dist: 'uniform' as const, min, max }
      : link.reorder.extra
  const input: InterventionInput = {
    type: 'link',
    projection,
    ...(draft.loss !== link.loss ? { loss: draft.loss } : {}),
    ...(draft.duplicate !== link.duplicate ? { duplicate: draft.duplicate } : {}),
    ...(draft.reorder !== link.reorder.p || !sameDistribution(extra, link.reorder.extra)
      ? { reorder: { p: draft.reorder, extra } }
      : {}),
  }
  const dirty = Object.keys(input).length > 2 || extraChanged

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const typed = [
      ['reorder.extra.min', min],
      ['reorder.extra.max', max],
    ] as const
    const bad = typed.filter(([, v]) => v === null)
    if (bad.length > 0)
      return setFeedback({
        kind: 'problems',
        problems: bad.map(([field]) => ({ field, message: 'must be a number' })),
      })
    if (!dirty)
      return setFeedback({ kind: 'note', text: 'Nothing to apply: these are the settings now.' })
    setFeedback(actWith(act, input, now, 'Faults changed'))
  }

  return (
    <form className="link-form wire" onSubmit={submit} noValidate>
      <fieldset>
        <legend>Loss, duplicates, reordering</legend>
        <PercentSlider
          label="Loss"
          projection={projection}
          value={draft.loss}
          problem={problemOf(feedback, 'loss')}
          onChange={(loss) => change({ loss })}
        />
        <PercentSlider
          label="Duplicate"
          projection={projection}
          value={draft.duplicate}
          problem={problemOf(feedback, 'duplicate')}
          onChange={(duplicate) => change({ duplicate })}
        />
        <PercentSlider
          label="Reorder"
          projection={projection}
          value={draft.reorder}
          problem={problemOf(feedback, 'reorder.p')}
          onChange={(reorder) => change({ reorder })}
        />
        <div
          className="pair"
          role="group"
          aria-label={`Extra delay of a reordered message for ${projection}`}
        >
          <p className="pair-title" aria-hidden="true">
            Extra delay when reordered
          </p>
          {!uniformNow && (
            <p className="muted">
              Now {link.reorder.extra.dist}; a min and max typed here make it uniform.
            </p>
          )}
          <NumberField
            label="Extra min"
            projection={projection}
            unit="ms"
            value={draft.min}
            problem={problemOf(feedback, 'reorder.extra.min')}
            onChange={(text) => change({ min: text })}
          />
          <NumberField
            label="Extra max"
            projection={projection}
            unit="ms"
            value={draft.max}
            problem={problemOf(feedback, 'reorder.extra.max')}
            onChange={(text) => change({ max: text })}
          />
        </div>
        <ApplyRow
          label="Apply faults"
          projection={projection}
          dirty={dirty}
          feedback={feedback}
          fields={FIELDS}
        />
      </fieldset>
    </form>
  )
}
