import {
  scenarioChoices,
  selectLoadScenario,
  selectSavedScenarios,
  selectScenario,
  useApp,
} from '../../state/store'

/** Picks a built-in scenario or one saved in this browser; the description says what it shows. */
export function ScenarioPicker() {
  const scenario = useApp(selectScenario)
  const saved = useApp(selectSavedScenarios)
  const load = useApp(selectLoadScenario)
  const choices = [
    ...scenarioChoices,
    ...saved.map((s) => ({ id: `saved-${s.id}`, name: s.name, scenario: s.scenario })),
  ]
  // A refresh of the saved list brings new objects: a saved scenario is found by its content.
  const text = JSON.stringify(scenario)
  const current =
    choices.find((c) => c.scenario === scenario) ??
    choices.find((c) => c.id.startsWith('saved-') && JSON.stringify(c.scenario) === text)
  return (
    <div className="picker">
      <label htmlFor="scenario-picker">Scenario</label>
      <select
        id="scenario-picker"
        value={current?.id ?? ''}
        onChange={(e) => {
          const choice = choices.find((c) => c.id === e.target.value)
          if (choice) load(choice.scenario)
        }}
      >
        <optgroup label="Built in">
          {scenarioChoices.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </optgroup>
        {saved.length > 0 && (
          <optgroup label="Saved in this browser">
            {saved.map((s) => (
              <option key={s.id} value={`saved-${s.id}`}>
                {s.name}
              </option>
            ))}
          </optgroup>
        )}
      </select>
      {scenario.description && <p className="description">{scenario.description}</p>}
    </div>
  )
}
