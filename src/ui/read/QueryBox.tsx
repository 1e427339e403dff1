import { useId, useState, type FormEvent } from 'react'
import type { InterventionInput } from '../../core'
import type { ActResult } from '../../state/store'
import { READ_MODE_WORDS, READ_MODES, type ReadInput, type ReadMode } from './read-words'

interface Props {
  readonly projections: readonly string[]
  /** Keys seen in the rows, offered as suggestions. */
  readonly keys: readonly string[]
  /** Clients seen in the commands, offered for read-your-writes. */
  readonly clients: readonly string[]
  readonly onRead: (input: InterventionInput) => ActResult
}

type Problem = { readonly path: string; readonly message: string }

/** Which field a problem from `act` is about, by its path. */
const FIELD_OF: Record<string, string> = {
  'read.projection': 'Projection',
  'read.key': 'Key',
  'read.mode': 'Read mode',
  'read.client': 'Client',
  'read.maxLag': 'Max lag',
  'read.maxAge': 'Max age',
}

/**
 * Asks a projection for a key with a read mode, at the instant shown. The input goes through
 * `act`, which checks it as it checks a shared link; its problems are shown beside the form.
 */
export function QueryBox({ projections, keys, clients, onRead }: Props) {
  const id = useId()
  const [chosen, setProjection] = useState('')
  const [key, setKey] = useState('')
  const [mode, setMode] = useState<ReadMode>('eventual')
  const [client, setClient] = useState('')
  const [maxLag, setMaxLag] = useState('')
  const [maxAge, setMaxAge] = useState('')
  const [problems, setProblems] = useState<readonly Problem[]>([])
  // A projection chosen earlier may not exist in the run now shown.
  const projection = projections.includes(chosen) ? chosen : (projections[0] ?? '')
  const invalid = (path: string) => problems.some((p) => p.path === path) || undefined

  function submit(event: FormEvent) {
    event.preventDefault()
    const read: ReadInput = {
      projection,
      key: key.trim(),
      mode,
      ...(mode === 'read-your-writes' && client.trim() ? { client: client.trim() } : {}),
      ...(mode === 'bounded' && maxLag !== '' ? { maxLag: Number(maxLag) } : {}),
      ...(mode === 'bounded' && maxAge !== '' ? { maxAge: Number(maxAge) } : {}),
    }
    const result = onRead({ type: 'read', read })
    setProblems(result.ok ? [] : result.problems)
  }

  if (projections.length === 0) return null
  return (
    <form className="query-box" aria-labelledby={`${id}-heading`} onSubmit={submit} noValidate>
      <h3 id={`${id}-heading`}>Query a projection</h3>
      <div className="query-fields">
        <label htmlFor={`${id}-projection`}>Projection</label>
        <select
          id={`${id}-projection`}
          value={projection}
          onChange={(e) => setProjection(e.target.value)}
        >
          {projections.map((p) => (
            <option key={p}>{p}</option>
          ))}
        </select>
        <label htmlFor={`${id}-key`}>Key</label>
        <input
          id={`${id}-key`}
          type="text"
          list={`${id}-keys`}
          value={key}
          placeholder={keys[0] ? `e.g. ${keys[0]}` : undefined}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={invalid('read.key')}
          onChange={(e) => setKey(e.target.value)}
        />
        <datalist id={`${id}-keys`}>
          {keys.map((k) => (
            <option key={k} value={k} />
          ))}
        </datalist>
        <label htmlFor={`${id}-mode`}>Read mode</label>
        <select
          id={`${id}-mode`}
          value={mode}
          aria-describedby={`${id}-mode-words`}
          aria-invalid={invalid('read.mode')}
          onChange={(e) => setMode(e.target.value as ReadMode)}
        >
          {READ_MODES.map((m) => (
            <option key={m}>{m}</option>
          ))}
        </select>
        <p id={`${id}-mode-words`} className="mode-words">
          {READ_MODE_WORDS[mode]}
        </p>
        {mode === 'read-your-writes' && (
          <>
            <label htmlFor={`${id}-client`}>Client</label>
            <input
              id={`${id}-client`}
              type="text"
              list={`${id}-clients`}
              value={client}
              placeholder={clients[0] ? `e.g. ${clients[0]}` : undefined}
              autoComplete="off"
              spellCheck={false}
              aria-invalid={invalid('read.client')}
              onChange={(e) => setClient(e.target.value)}
            />
            <datalist id={`${id}-clients`}>
              {clients.map((c) => (
                <option key={c} value={c} />
              ))}
            </datalist>
          </>
        )}
        {mode === 'bounded' && (
          <>
            <label htmlFor={`${id}-max-lag`}>Max lag (events)</label>
            <input
              id={`${id}-max-lag`}
              type="number"
              min={0}
              step={1}
              inputMode="numeric"
              value={maxLag}
              aria-invalid={invalid('read.maxLag') ?? invalid('read.mode')}
              onChange={(e) => setMaxLag(e.target.value)}
            />
            <label htmlFor={`${id}-max-age`}>Max age (ms)</label>
            <input
              id={`${id}-max-age`}
              type="number"
              min={0}
              step={1}
              inputMode="numeric"
              value={maxAge}
              aria-invalid={invalid('read.maxAge') ?? invalid('read.mode')}
              onChange={(e) => setMaxAge(e.target.value)}
            />
          </>
        )}
      </div>
      <button type="submit" className="primary">
        Read
      </button>
      <div role="alert" className="query-problems">
        {problems.length > 0 && (
          <ul>
            {problems.map((p) => (
              <li key={`${p.path}: ${p.message}`}>
                {FIELD_OF[p.path] ?? (p.path || 'Query')}: {p.message}
              </li>
            ))}
          </ul>
        )}
      </div>
    </form>
  )
}
