import { useState } from 'react'
import type { SavedRun } from '../../state/store'
import { selectRun, selectRuns, useApp } from '../../state/store'
import { download } from '../download'
import { formatMs } from '../format'
import { ImportExport } from './ImportExport'

/** The runs stored in this browser: open, rename, export, delete; and importing files. */
export function SavedRuns() {
  const runs = useApp(selectRuns)
  return (
    <section aria-labelledby="saved-heading" className="library">
      <h2 id="saved-heading">Saved runs</h2>
      <ImportExport />
      {runs.length === 0 ? (
        <p className="muted">
          No saved runs yet. Every run you start is saved here as it goes, and so is every run file
          you import.
        </p>
      ) : (
        <table className="runs">
          <caption>Runs stored in this browser, the most recently changed first</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Scenario</th>
              <th scope="col">State</th>
              <th scope="col">Events</th>
              <th scope="col">Simulated time</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {runs.map((r) => (
              <SavedRunRow key={r.id} run={r} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

const STATUS: Record<SavedRun['status'], string> = {
  running: 'stopped before the end',
  ended: 'finished',
  imported: 'imported',
}

function SavedRunRow({ run }: { run: SavedRun }) {
  const current = useApp(selectRun)
  const open = useApp((s) => s.openRun)
  const exportRun = useApp((s) => s.exportRun)
  const [mode, setMode] = useState<'view' | 'rename' | 'delete'>('view')
  const shown = 'runId' in current && current.runId === run.id
  const live = shown && current.kind === 'running'
  return (
    <tr data-testid={`saved-run-${run.id}`} aria-current={shown ? 'true' : undefined}>
      <th scope="row">
        {mode === 'rename' ? <RenameForm run={run} done={() => setMode('view')} /> : run.name}
      </th>
      <td>
        {run.scenarioName} <span className="muted">(seed {run.seed})</span>
      </td>
      <td data-testid="saved-state">{live ? 'running now' : STATUS[run.status]}</td>
      <td className="number" data-testid="saved-events">
        {run.events.toLocaleString('en')}
      </td>
      <td className="number">{formatMs(run.clock)}</td>
      <td className="actions">
        {mode === 'delete' ? (
          <DeleteConfirm run={run} done={() => setMode('view')} />
        ) : (
          <>
            <button
              type="button"
              onClick={() => void open(run.id)}
              disabled={live}
              aria-label={`Open ${run.name}`}
            >
              {run.status === 'running' ? 'Continue' : 'Open'}
            </button>
            <button
              type="button"
              onClick={() => setMode('rename')}
              aria-label={`Rename ${run.name}`}
            >
              Rename
            </button>
            <button
              type="button"
              aria-label={`Export ${run.name}`}
              onClick={() =>
                void exportRun(run.id).then((file) => file && download(file.name, file.text))
              }
            >
              Export
            </button>
            <button
              type="button"
              onClick={() => setMode('delete')}
              aria-label={`Delete ${run.name}`}
            >
              Delete
            </button>
          </>
        )}
      </td>
    </tr>
  )
}

function RenameForm({ run, done }: { run: SavedRun; done: () => void }) {
  const rename = useApp((s) => s.renameRun)
  const [name, setName] = useState(run.name)
  return (
    <form
      className="rename"
      onSubmit={(e) => {
        e.preventDefault()
        void rename(run.id, name).then(done)
      }}
    >
      <label>
        <span className="visually-hidden">New name for {run.name}</span>
        <input
          value={name}
          maxLength={200}
          autoFocus
          onChange={(e) => setName(e.target.value)}
          onKeyDown={(e) => e.key === 'Escape' && done()}
        />
      </label>
      <button type="submit">Save name</button>
      <button type="button" onClick={done}>
        Cancel
      </button>
    </form>
  )
}

function DeleteConfirm({ run, done }: { run: SavedRun; done: () => void }) {
  const remove = useApp((s) => s.deleteRun)
  return (
    <span role="group" aria-label={`Delete ${run.name}?`}>
      Delete it and its events?{' '}
      <button type="button" className="danger" autoFocus onClick={() => void remove(run.id)}>
        Yes, delete
      </button>
      <button type="button" onClick={done}>
        Keep it
      </button>
    </span>
  )
}
