import { useId, useState, type ReactNode } from 'react'
import { formatPercent, looseProblems, type Feedback } from './feedback'

/**
 * The small pieces the link forms are made of. Every control is named "<what> for <projection>"
 * (the projection part is visually hidden: the card's heading already says it on screen), so a
 * screen reader listing controls, or a test, can tell the cards apart.
 */

/** A draft that starts over whenever what it edits changes (an act, a seek, an undo). */
export function useDraft<T>(source: string, init: () => T): [T, (next: T) => void] {
  const [state, setState] = useState(() => ({ source, draft: init() }))
  if (state.source !== source) {
    const next = { source, draft: init() }
    setState(next)
    return [next.draft, (draft) => setState({ source, draft })]
  }
  return [state.draft, (draft) => setState({ source, draft })]
}

export function For({ projection }: { projection: string }) {
  return <span className="visually-hidden"> for {projection}</span>
}

interface NumberFieldProps {
  label: string
  projection: string
  unit?: string | null | undefined
  value: string
  onChange: (text: string) => void
  problem?: string | undefined
}

/** A number typed as text, with its unit beside it and its problem under it. */
export function NumberField({
  label,
  projection,
  unit,
  value,
  onChange,
  problem,
}: NumberFieldProps) {
  const id = useId()
  const describedBy = [unit ? `${id}-unit` : '', problem ? `${id}-problem` : '']
    .filter(Boolean)
    .join(' ')
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        <For projection={projection} />
      </label>
      <span className="input-unit">
        <input
          id={id}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          value={value}
          aria-invalid={problem ? true : undefined}
          aria-describedby={describedBy || undefined}
          onChange={(e) => onChange(e.target.value)}
        />
        {unit && <span id={`${id}-unit`}>{unit}</span>}
      </span>
      {problem && (
        <span id={`${id}-problem`} className="field-problem">
          {problem}
        </span>
      )}
    </div>
  )
}

interface PercentSliderProps {
  label: string
  projection: string
  /** A probability, 0 to 1. */
  value: number
  onChange: (p: number) => void
  problem?: string | undefined
}

/**
 * A probability as a slider in whole percent with the value written beside it. It only changes
 * the form's draft: the form's button applies it, so dragging does not record an intervention
 * per pixel.
 */
export function PercentSlider({ label, projection, value, onChange, problem }: PercentSliderProps) {
  const id = useId()
  const text = formatPercent(value)
  return (
    <div className="field slider">
      <label htmlFor={id}>
        {label}
        <For projection={projection} />
      </label>
      <span className="slider-row">
        <input
          id={id}
          type="range"
          min={0}
          max={100}
          step={1}
          value={Math.round(value * 100)}
          aria-valuetext={text}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-problem` : undefined}
          onChange={(e) => onChange(Number(e.target.value) / 100)}
        />
        <output htmlFor={id} className="percent">
          {text}
        </output>
      </span>
      {problem && (
        <span id={`${id}-problem`} className="field-problem">
          {problem}
        </span>
      )}
    </div>
  )
}

interface ApplyRowProps {
  label: string
  projection: string
  /** The draft differs from what the link does now. */
  dirty: boolean
  feedback: Feedback | null
  /** Fields shown with their own problem line; other problems are said here. */
  fields: readonly string[]
  extra?: ReactNode
}

/** The form's submit button, whether the draft is applied yet, and what the last press did. */
export function ApplyRow({ label, projection, dirty, feedback, fields, extra }: ApplyRowProps) {
  const loose = looseProblems(feedback, fields)
  const invalid = feedback?.kind === 'problems'
  return (
    <>
      <div className="apply-row">
        <button type="submit">
          {label}
          <For projection={projection} />
        </button>
        {extra}
        {dirty && <span className="pending">Not applied yet</span>}
      </div>
      <p role="status" className={`feedback ${feedback?.kind ?? ''}`}>
        {invalid
          ? `Not applied: ${loose.length > 0 ? loose.join('; ') : 'see the fields marked above'}.`
          : (feedback?.text ?? '')}
      </p>
    </>
  )
}
