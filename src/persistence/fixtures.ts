/**
 * Fixture databases, one per released schema version, for the migration tests: each builds a
 * database exactly as the code of that version left it, from records written out literally (not
 * through today's repository functions, whose shapes move with the code). When version N+1 is
 * added to migrations.ts, add `N+1` here and keep every older builder as it is.
 */
import { Dexie } from 'dexie'
import { declareVersions } from './migrations'

/** A scenario as version 1 stored it: the validated document, defaults filled in. */
const V1_SCENARIO = {
  format: 'eventually.scenario/v1',
  name: 'Fixture',
  seed: 42,
  domain: 'todo',
  until: 1000,
  settle: 60000,
  commands: [],
  projections: [
    {
      id: 'p',
      handler: 'naive',
      delivery: { mode: 'push', guarantee: 'at-least-once', ackTimeout: 200 },
      link: {
        latency: { dist: 'constant', value: 10 },
        loss: 0,
        duplicate: 0,
        reorder: { p: 0, extra: { dist: 'uniform', min: 0, max: 500 } },
      },
    },
  ],
  faults: [],
  reads: [],
}

const event = (position: number, stream: string, version: number, type: string, at: number) => ({
  runId: 1,
  position,
  stream,
  version,
  id: `evt-${position}`,
  type,
  data: { id: stream.slice(5), title: `title ${position}` },
  at,
})

/** What a version-1 database holds, table by table. */
export const V1_RECORDS = {
  runs: [
    {
      id: 1,
      name: 'A run saved by version 1',
      createdAt: 1_700_000_000_000,
      updatedAt: 1_700_000_000_500,
      scenario: V1_SCENARIO,
      seed: 42,
      status: 'ended',
      head: 3,
      clock: 300,
      revision: 2,
    },
  ],
  events: [
    event(1, 'todo/t1', 1, 'TodoAdded', 0),
    event(2, 'todo/t2', 1, 'TodoAdded', 100),
    event(3, 'todo/t1', 2, 'TodoRenamed', 200),
  ],
  checkpoints: [{ runId: 1, projection: 'p', position: 3 }],
  rows: [
    { runId: 1, projection: 'p', key: 't1', row: { title: 'title 3', completed: false } },
    { runId: 1, projection: 'p', key: 't2', row: { title: 'title 2', completed: false } },
  ],
  scenarios: [{ id: 1, name: 'Fixture', scenario: V1_SCENARIO, savedAt: 1_700_000_000_000 }],
}

export const FIXTURES: Readonly<Record<number, Readonly<Record<string, readonly object[]>>>> = {
  1: V1_RECORDS,
}

/** Creates database `name` at schema `version` holding that version's fixture records. */
export async function buildFixture(name: string, version: number): Promise<void> {
  const records = FIXTURES[version]
  if (!records) throw new Error(`no fixture for schema version ${version}`)
  const db = new Dexie(name)
  declareVersions(db, version)
  await db.open()
  await db.transaction('rw', db.tables, async () => {
    for (const [table, rows] of Object.entries(records)) await db.table(table).bulkAdd(rows)
  })
  db.close()
}
