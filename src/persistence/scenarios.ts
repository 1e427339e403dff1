import type { Scenario } from '../core'
import type { EventuallyDb, ScenarioRecord } from './db'
import { failure, storageError } from './errors'

/** Saves a validated scenario under a name (names need not be unique); returns its id. */
export async function saveScenario(
  db: EventuallyDb,
  scenario: Scenario,
  name: string = scenario.name,
): Promise<number> {
  try {
    return await db.scenarios.add({ name, scenario, savedAt: db.now() })
  } catch (error) {
    throw storageError(error, `Saving the scenario "${name.slice(0, 40)}"`)
  }
}

/** Every saved scenario, the most recent first. */
export async function listScenarios(db: EventuallyDb): Promise<ScenarioRecord[]> {
  return db.scenarios.orderBy('savedAt').reverse().toArray()
}

export async function getScenario(db: EventuallyDb, id: number): Promise<ScenarioRecord> {
  const record = await db.scenarios.get(id)
  if (!record) throw failure('missing', `Opening scenario ${id}`)
  return record
}

export async function deleteScenario(db: EventuallyDb, id: number): Promise<void> {
  await db.scenarios.delete(id)
}
