import { useMemo } from 'react'
import {
  commandForms,
  selectAct,
  selectFrame,
  selectRun,
  selectStorage,
  selectUnsaved,
  useApp,
  type StorageStatus,
} from '../../state/store'
import { readout, unitFor } from '../playback/time-text'
import { EventStoreBrowser } from '../store-browser/EventStoreBrowser'
import { CommandForm } from './CommandForm'
import { handPositions, issuedCommands } from './describe'
import { IssuedCommands } from './IssuedCommands'
import { RecentEvents } from './RecentEvents'
import './write-side.css'

/**
 * Where commands become events: issue one by hand at the instant shown, see what the write model
 * decided, the store's newest events at that instant, and what IndexedDB holds for the run.
 */
export function WriteSide() {
  const frame = useApp(selectFrame)
  const act = useApp(selectAct)
  const run = useApp(selectRun)
  const interventions = frame?.interventions
  const issued = useMemo(() => issuedCommands(interventions ?? []), [interventions])
  const byHand = useMemo(() => handPositions(issued), [issued])
  const domain = frame?.domain ?? ''
  const forms = useMemo(() => commandForms(domain), [domain])
  if (!frame) return null

  const unit = unitFor(frame.end)
  const time = (ms: number) => readout(ms, unit)
  const at = time(frame.now)
  const inThePast = frame.now < frame.frontier || frame.interventions.some((iv) => !iv.applied)
  const runId = 'runId' in run ? run.runId : null
  const last = issued[0]
  return (
    <div className="write-side-body">
      <section aria-labelledby="write-issue-heading">
        <h3 id="write-issue-heading">Issue a command</h3>
        <CommandForm key={domain} forms={forms} at={at} inThePast={inThePast} act={act} />
      </section>
      <section aria-labelledby="write-issued-heading">
        <h3 id="write-issued-heading">Issued by hand</h3>
        <IssuedCommands issued={issued} time={time} />
        {last && last.outcome.kind === 'later' && (
          <p className="hint">Greyed commands come later in this run than the time shown.</p>
        )}
      </section>
      <section aria-labelledby="write-recent-heading">
        <h3 id="write-recent-heading">Recent events</h3>
        <RecentEvents events={frame.recent} head={frame.head} byHand={byHand} at={at} time={time} />
      </section>
      {runId !== null && frame.saved !== null ? (
        <EventStoreBrowser runId={runId} domain={frame.domain} head={frame.saved} time={time} />
      ) : (
        <InMemory />
      )}
    </div>
  )
}

/** Why there is no event store browser: the run is not in IndexedDB. */
function InMemory() {
  const storage = useApp(selectStorage)
  const unsaved = useApp(selectUnsaved)
  return (
    <section aria-labelledby="write-store-heading" className="store-browser">
      <h3 id="write-store-heading">Stored events</h3>
      <p className="notice" data-testid="store-browser-off">
        The event store browser reads the events this run saved in IndexedDB, and this run is not
        saved: {unsaved ?? whyNotSaved(storage)} The recent events above are what the store holds at
        the time shown.
      </p>
    </section>
  )
}

function whyNotSaved(storage: StorageStatus): string {
  switch (storage.kind) {
    case 'opening':
      return 'the browser’s storage is still opening.'
    case 'saving':
      return 'it started before this tab could save runs.'
    case 'other-tab':
      return 'another tab saves runs; this one runs in memory.'
    case 'unavailable':
      return `this browser offers no IndexedDB here (${storage.message}).`
    case 'blocked':
      return 'an older tab keeps the database closed to this one.'
    case 'outdated':
      return 'a newer version of the app took over the database; reload this tab.'
  }
}
