import { useRef } from 'react'
import { selectNotice, selectStorage, useApp } from '../../state/store'
import { download } from '../download'

/** Import a run or scenario file, export the current scenario, and the answer to either. */
export function ImportExport() {
  const importFile = useApp((s) => s.importFile)
  const exportScenario = useApp((s) => s.exportScenario)
  const storage = useApp(selectStorage)
  const input = useRef<HTMLInputElement>(null)
  const canStore = storage.kind === 'saving' || storage.kind === 'other-tab'
  return (
    <div className="import-export">
      <input
        ref={input}
        id="import-file"
        type="file"
        accept=".json,application/json"
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        onChange={(e) => {
          const file = e.target.files?.[0]
          e.target.value = ''
          if (file) void importFile(file)
        }}
      />
      <button type="button" disabled={!canStore} onClick={() => input.current?.click()}>
        Import a run or scenario file…
      </button>
      <button
        type="button"
        onClick={() => {
          const file = exportScenario()
          download(file.name, file.text)
        }}
      >
        Export this scenario
      </button>
      <Notice />
    </div>
  )
}

function Notice() {
  const notice = useApp(selectNotice)
  const dismiss = useApp((s) => s.dismissNotice)
  if (!notice) return null
  return (
    <div
      role={notice.tone === 'error' ? 'alert' : 'status'}
      className={`notice ${notice.tone}`}
      data-testid="notice"
    >
      <p>{notice.text}</p>
      {notice.problems && (
        <ul data-testid="problems">
          {notice.problems.map((p, i) => (
            <li key={i}>
              {p.path ? <code>{p.path}</code> : null}
              {p.path ? ': ' : ''}
              {p.message}
            </li>
          ))}
        </ul>
      )}
      <button type="button" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  )
}
