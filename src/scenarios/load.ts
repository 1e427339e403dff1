import { formatProblems, parseScenario, type Scenario, type ScenarioInput } from '../core'

/** Fixtures are data checked in code review; a fixture that does not validate is a bug. */
export function load(input: ScenarioInput): Scenario {
  const result = parseScenario(input)
  if (!result.ok)
    throw new Error(
      `invalid built-in scenario "${String(input.name)}":\n${formatProblems(result.problems)}`,
    )
  return result.scenario
}
