import { selectRun, selectRunScenario, selectScenarioName, useApp } from '../state/store'
import { RunSummaryView } from './run/RunSummaryView'
import { ScenarioPicker } from './run/ScenarioPicker'
import './app.css'

export function App() {
  const run = useApp(selectRun)
  const runScenario = useApp(selectRunScenario)
  const name = useApp(selectScenarioName)
  return (
    <main>
      <h1>Eventually</h1>
      <p className="lede">
        A playground that makes eventual consistency visible: commands become events, a simulated
        network delivers them late, twice or out of order, and you watch the read models catch up.
      </p>
      <ScenarioPicker />
      <button type="button" className="primary" onClick={runScenario}>
        Run “{name}”
      </button>
      {run.kind === 'done' && <RunSummaryView summary={run.summary} />}
      {run.kind === 'error' && (
        <p role="alert" className="error">
          This scenario cannot run: {run.message}
        </p>
      )}
    </main>
  )
}
