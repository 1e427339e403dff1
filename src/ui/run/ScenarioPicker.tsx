import { scenarioChoices, selectLoadScenario, selectScenario, useApp } from '../../state/store'

/** Picks one of the built-in scenarios; the description says what it shows. */
export function ScenarioPicker() {
  const scenario = useApp(selectScenario)
  const load = useApp(selectLoadScenario)
  const current = scenarioChoices.find((c) => c.scenario === scenario)
  return (
    <div className="picker">
      <label htmlFor="scenario-picker">Scenario</label>
      <select
        id="scenario-picker"
        value={current?.id ?? ''}
        onChange={(e) => {
          const choice = scenarioChoices.find((c) => c.id === e.target.value)
          if (choice) load(choice.scenario)
        }}
      >
        {scenarioChoices.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
      {scenario.description && <p className="description">{scenario.description}</p>}
    </div>
  )
}
