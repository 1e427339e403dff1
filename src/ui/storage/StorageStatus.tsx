import type { StorageStatus as Status } from '../../state/store'
import { selectStorage, selectUnsaved, useApp } from '../../state/store'

const MESSAGES: Record<Status['kind'], string> = {
  opening: 'Opening the event store in this browser…',
  saving: 'Runs are saved in this browser as they go: a reload finds them where they were.',
  'other-tab':
    'Eventually is open in another tab, and that tab saves the runs. This tab runs in memory: nothing you run here is saved.',
  unavailable:
    'This browser does not let the site store data (a private window, or storage turned off). Everything works, but runs are kept in memory only and a reload loses them.',
  blocked:
    'Eventually was updated. Close its other tabs to finish the update: until then nothing is saved.',
  outdated:
    'Eventually was updated in another tab. Reload this tab to go on saving; this run goes on in memory.',
}

/** Where this tab's runs go, in one line, and what the learner can do about it. */
export function StorageStatus() {
  const storage = useApp(selectStorage)
  const unsaved = useApp(selectUnsaved)
  const takeOver = useApp((s) => s.takeOver)
  const trouble = storage.kind !== 'saving' && storage.kind !== 'opening'
  return (
    <div className="storage">
      <p
        role="status"
        className={trouble ? 'storage-line trouble' : 'storage-line'}
        data-testid="storage-status"
      >
        {MESSAGES[storage.kind]}
        {storage.kind === 'other-tab' && (
          <>
            {' '}
            <button type="button" className="link" onClick={takeOver}>
              Save runs in this tab instead
            </button>
          </>
        )}
      </p>
      {unsaved && (
        <p role="alert" className="error" data-testid="unsaved">
          This run is no longer being saved. {unsaved}
        </p>
      )}
    </div>
  )
}
