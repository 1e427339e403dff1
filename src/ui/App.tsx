import {
  selectRun,
  selectRuns,
  selectRunScenario,
  selectScenarioName,
  useApp,
} from '../state/store'
import { SavedRuns } from './library/SavedRuns'
import { RunProgress } from './run/RunProgress'
import { RunSummaryView } from './run/RunSummaryView'
import { ScenarioPicker } from './run/ScenarioPicker'
import { StorageStatus } from './storage/StorageStatus'
import { EventStoreBrowser } from './store-browser/EventStoreBrowser'
import './app.css'

export function App() {
  const run = useApp(selectRun)
  const runScenario = useApp(selectRunScenario)
  const name = useApp(selectScenarioName)
  const runs = useApp(selectRuns)
  const runId = 'runId' in run ? run.runId : null
  const shown = runs.find((r) => r.id === runId)
  return (
    <main>
      <h1>Eventually</h1>
      <p className="lede">
        A playground that makes eventual consistency visible: commands become events, a simulated
        network delivers them late, twice or out of order, and you watch the read models catch up.
      </p>
      <StorageStatus />
      <ScenarioPicker />
      <button type="button" className="primary" onClick={() => void runScenario()}>
        Run “{name}”
      </button>
      {(run.kind === 'running' || run.kind === 'stopped' || run.kind === 'open') && (
        <RunProgress run={run} />
      )}
      {run.kind === 'done' && <RunSummaryView run={run} />}
      {shown && <EventStoreBrowser runId={shown.id} domain={shown.domain} head={shown.events} />}
      {run.kind === 'error' && (
        <p role="alert" className="error">
          {run.message}
        </p>
      )}
      <SavedRuns />
    </main>
  )
}
