import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import type { InterventionInput } from '../../core'
import type { ActResult, CommandForm as Form } from '../../state/store'
import { outcomeText } from './describe'
import { buildCommand, fieldOf, type Draft, type FieldProblem } from './form-values'

export interface CommandFormProps {
  readonly forms: readonly Form[]
  /** The time shown, as the playback bar writes it ("1.25 s"). */
  readonly at: string
  /** The time shown is before what was computed: acting here changes what comes after. */
  readonly inThePast: boolean
  readonly act: (input: InterventionInput) => ActResult
}

const DEFAULT_CLIENT = 'you'

/**
 * Issues a command by hand at the instant shown: one form per command type of the domain, a
 * field per data field, and the client who issues it. What `act` refuses is shown next to the
 * field it concerns; what it decides is announced in the status line.
 */
export function CommandForm({ forms, at, inThePast, act }: CommandFormProps) {
  const id = useId()
  const [draft, setDraft] = useState<Draft>({
    type: forms[0]?.type ?? '',
    values: {},
    client: DEFAULT_CLIENT,
    expectedVersion: '',
  })
  const [problems, setProblems] = useState<readonly FieldProblem[]>([])
  const [said, setSaid] = useState('')
  const formRef = useRef<HTMLFormElement>(null)
  // After a refusal, straight to the first field to fix.
  useEffect(() => {
    if (problems.length > 0)
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
  }, [problems])
  const form = forms.find((f) => f.type === draft.type) ?? forms[0]
  if (!form) return <p className="muted">This domain has no commands to issue.</p>

  const problemOf = (field: string) => problems.find((p) => p.field === field)
  const general = problems.filter(
    (p) => p.field === '' || p.field === '@type' || !isShown(form.fields, p.field),
  )
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch })

  const submit = (e: FormEvent) => {
    e.preventDefault()
    const built = buildCommand(form, draft)
    const result: ActResult = built.ok
      ? act({ type: 'command', command: built.command })
      : { ok: false, problems: [] }
    const found = built.ok
      ? result.ok
        ? []
        : result.problems.map((p) => ({ field: fieldOf(p.path), message: p.message }))
      : built.problems
    setProblems(found)
    let text: string
    if (result.ok) {
      const o = result.outcome
      text = `${form.type} ${o.kind === 'accepted' || o.kind === 'rejected' ? outcomeText(o) : o.kind}.`
    } else
      text = `${form.type} was not issued: ${found.length} problem${found.length === 1 ? '' : 's'} to fix.`
    // The same words twice would not be announced again: say that it happened again.
    setSaid(text === said ? `${text} Again.` : text)
  }

  const input = (
    field: string,
    label: string,
    kind: 'text' | 'number',
    value: string,
    onChange: (v: string) => void,
    hint?: string,
  ) => {
    const problem = problemOf(field)
    const inputId = `${id}-${field}`
    const described = [problem && `${inputId}-problem`, hint && `${inputId}-hint`]
      .filter(Boolean)
      .join(' ')
    return (
      <div className="field" key={field}>
        <label htmlFor={inputId}>{label}</label>
        <input
          id={inputId}
          type={kind === 'number' ? 'number' : 'text'}
          inputMode={kind === 'number' ? 'numeric' : undefined}
          autoComplete="off"
          spellCheck={false}
          value={value}
          aria-invalid={problem ? true : undefined}
          aria-describedby={described || undefined}
          onChange={(e) => onChange(e.target.value)}
        />
        {hint && (
          <span id={`${inputId}-hint`} className="hint">
            {hint}
          </span>
        )}
        {problem && (
          <span id={`${inputId}-problem`} className="problem">
            {label} {problem.message}
          </span>
        )}
      </div>
    )
  }

  return (
    <form ref={formRef} className="command-form" noValidate onSubmit={submit}>
      <div className="field">
        <label htmlFor={`${id}-type`}>Command</label>
        <select
          id={`${id}-type`}
          value={form.type}
          onChange={(e) => {
            setDraft({ ...draft, type: e.target.value })
            setProblems([])
          }}
        >
          {forms.map((f) => (
            <option key={f.type} value={f.type}>
              {f.type}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="data-fields">
        <legend>Data</legend>
        {form.fields.map((f) =>
          input(f.name, f.name, f.kind, draft.values[f.name] ?? '', (v) =>
            set({ values: { ...draft.values, [f.name]: v } }),
          ),
        )}
      </fieldset>
      <div className="issued-by">
        {input('@client', 'Client', 'text', draft.client, (v) => set({ client: v }))}
        {input(
          '@expectedVersion',
          'Expected version',
          'number',
          draft.expectedVersion,
          (v) => set({ expectedVersion: v }),
          'empty: any version',
        )}
      </div>
      {general.length > 0 && (
        <ul className="problem" aria-label="Problems with this command">
          {general.map((p, i) => (
            <li key={i}>
              {p.field && !p.field.startsWith('@') ? `${p.field} ${p.message}` : p.message}
            </li>
          ))}
        </ul>
      )}
      <div className="submit-row">
        <button type="submit" className="primary" aria-describedby={`${id}-when`}>
          Issue {form.type}
        </button>
        <p id={`${id}-when`} className="hint">
          Takes effect at {at}
          {inThePast &&
            ': earlier than what was computed, so the rest of the run is computed again'}
          .
        </p>
      </div>
      <p role="status" className="said" data-testid="issue-status">
        {said}
      </p>
    </form>
  )
}

function isShown(fields: readonly { name: string }[], field: string): boolean {
  return field === '@client' || field === '@expectedVersion' || fields.some((f) => f.name === field)
}
