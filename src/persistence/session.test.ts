/**
 * Durable runs: a run saves its events, read models and clock as it goes; reopened after a crash it
 * replays to where it was and ends exactly as a run never interrupted.
 */
import { describe, expect, it } from 'vitest'
import { buildResult, simulate, type Scenario } from '../core'
import { largePush, load, outOfOrder } from '../scenarios'
import { readAllEvents } from './events'
import { readCheckpoints, readRows } from './projections'
import { rebuildReadModel, type RebuildProgress } from './rebuild'
import { getRun } from './runs'
import { RunSession } from './session'
import { injectFaults, useTestDb, type WriteFaults } from './testing'

let faults: WriteFaults
const db = useTestDb((d) => (faults = injectFaults(d)))
const busy: Scenario = load(largePush(1200))
const wrongOrder: Scenario = load(outOfOrder)

/** Advances in ticks of `steps`, saving after each, to the end (or `ticks` ticks). */
async function drive(session: RunSession, steps: number, ticks = Infinity): Promise<void> {
  for (let i = 0; i < ticks && !session.sim.done && !session.divergence; i++) {
    session.advance({ maxSteps: steps })
    await session.save()
  }
}

/** What a finished run stored, in the shape of the engine's result. */
async function stored(runId: number, scenario: Scenario) {
  const ids = scenario.projections.map((p) => p.id)
  return {
    events: await readAllEvents(db(), runId),
    checkpoints: await readCheckpoints(db(), runId),
    rows: Object.fromEntries(
      await Promise.all(ids.map(async (id) => [id, await readRows(db(), runId, id)] as const)),
    ),
  }
}

function expected(scenario: Scenario) {
  const result = simulate(scenario)
  const ps = Object.entries(result.projections)
  return {
    result,
    events: result.events,
    checkpoints: Object.fromEntries(ps.map(([id, p]) => [id, p.checkpoint])),
    rows: Object.fromEntries(ps.map(([id, p]) => [id, p.state])),
  }
}

describe('a run saved as it goes', () => {
  it('stores every event, read-model row, checkpoint and its end', async () => {
    const session = await RunSession.start(db(), busy)
    await drive(session, 250)
    const want = expected(busy)
    expect(await stored(session.runId, busy)).toEqual({
      events: want.events,
      checkpoints: want.checkpoints,
      rows: want.rows,
    })
    const run = await getRun(db(), session.runId)
    expect(run).toMatchObject({ status: 'ended', head: want.events.length, clock: session.sim.now })
  }, 30_000)

  it('writes only the rows that changed since the last save', async () => {
    const session = await RunSession.start(db(), busy)
    await drive(session, 400, 3)
    let rowWrites = 0
    faults.failWhen = (table, request) => {
      if (table === 'rows' && request.type === 'put') rowWrites += request.values.length
      return false
    }
    await session.save()
    expect(rowWrites).toBe(0)
    session.advance({ maxSteps: 5 })
    await session.save()
    expect(rowWrites).toBeGreaterThan(0)
    expect(rowWrites).toBeLessThanOrEqual(5 * busy.projections.length)
  }, 30_000)

  it('leaves everything stored as it was when a save fails, and the next save writes it all', async () => {
    const session = await RunSession.start(db(), busy)
    await drive(session, 300, 2)
    const before = await stored(session.runId, busy)
    const run = await getRun(db(), session.runId)
    session.advance({ maxSteps: 300 })
    faults.failWhen = (table) => table === 'rows'
    await expect(session.save()).rejects.toMatchObject({ kind: 'quota' })
    expect(await stored(session.runId, busy)).toEqual(before)
    expect(await getRun(db(), session.runId)).toEqual(run)
    await drive(session, 300)
    const want = expected(busy)
    expect((await stored(session.runId, busy)).rows).toEqual(want.rows)
  }, 30_000)
})

describe('reopening a run', () => {
  it('ends exactly as a run never interrupted, losing only the unsaved tick', async () => {
    const first = await RunSession.start(db(), busy)
    await drive(first, 300, 3)
    const saved = await getRun(db(), first.runId)
    first.advance({ maxSteps: 300 }) // never saved: the tab closes here
    const again = await RunSession.reopen(db(), first.runId)
    expect(again.restored).toEqual({ head: saved?.head, clock: saved?.clock, status: 'running' })
    expect(saved?.head).toBeGreaterThan(0)
    await drive(again, 200)
    const want = expected(busy)
    expect(again.divergence).toBeNull()
    expect(JSON.stringify(buildResult(again.sim, { trace: true }))).toBe(
      JSON.stringify(simulate(busy, { trace: true })),
    )
    expect(await stored(first.runId, busy)).toEqual({
      events: want.events,
      checkpoints: want.checkpoints,
      rows: want.rows,
    })
  }, 30_000)

  it('does not move stored read models back while it replays what was stored', async () => {
    const first = await RunSession.start(db(), busy)
    await drive(first, 300, 4)
    const before = await stored(first.runId, busy)
    const again = await RunSession.reopen(db(), first.runId)
    again.advance({ maxSteps: 100 })
    expect(again.catchingUp).toBe(true)
    await again.save()
    expect(await stored(first.runId, busy)).toEqual(before)
  }, 30_000)

  it('reports where stored events differ from the replay and writes nothing', async () => {
    const first = await RunSession.start(db(), busy)
    await drive(first, 300, 2)
    const event = (await readAllEvents(db(), first.runId))[9]
    if (!event) throw new Error('expected at least 10 stored events')
    await db().events.put({ runId: first.runId, ...event, data: { ...event.data, edited: 1 } })
    const before = await stored(first.runId, busy)
    const again = await RunSession.reopen(db(), first.runId)
    await drive(again, 300)
    expect(again.divergence).toMatchObject({ position: 10 })
    expect(again.divergence?.reason).toMatch(/other data/)
    expect(await stored(first.runId, busy)).toEqual(before)
  }, 30_000)

  it('opens at once without reading the events, and finds a stored gap while it catches up', async () => {
    const first = await RunSession.start(db(), busy)
    await drive(first, 300, 3)
    const before = await stored(first.runId, busy)
    await db().events.delete([first.runId, 5])
    const again = await RunSession.reopen(db(), first.runId)
    expect(again.store.uncheckedCount).toBe(0)
    expect(again.divergence).toBeNull()
    await drive(again, 300)
    expect(again.divergence).toEqual({
      position: 5,
      reason: 'position 5 is missing from the stored run',
    })
    expect((await stored(first.runId, busy)).events).toEqual(
      before.events.filter((e) => e.position !== 5),
    )
  }, 30_000)
})

describe('rebuilding a projection from position 0', () => {
  it('replaces rows a naive handler got wrong with the in-order fold, with progress', async () => {
    const session = await RunSession.start(db(), wrongOrder)
    await drive(session, 50)
    const result = buildResult(session.sim)
    const naive = Object.entries(result.projections).find(([, p]) => !p.consistent)
    if (!naive) throw new Error('the out-of-order lesson should leave one projection wrong')
    const [id, projection] = naive
    // Union of both sides: a naive handler can also keep a row the truth deleted (resurrection).
    const wrongKeys = [
      ...new Set([...Object.keys(result.truth), ...Object.keys(projection.state)]),
    ].filter((k) => JSON.stringify(projection.state[k]) !== JSON.stringify(result.truth[k]))
    expect(await readRows(db(), session.runId, id)).toEqual(projection.state)
    const progress: RebuildProgress[] = []
    const rebuilt = await rebuildReadModel(db(), session.runId, id, (p) => progress.push(p))
    expect(await readRows(db(), session.runId, id)).toEqual(result.truth)
    expect(rebuilt.changed).toEqual(wrongKeys.sort())
    expect(rebuilt.checkpoint).toBe(result.events.length)
    expect(progress.at(-1)).toEqual({ done: result.events.length, total: result.events.length })
  })

  it('reads in pages and leaves the saved rows alone when the write fails', async () => {
    const session = await RunSession.start(db(), busy)
    await drive(session, 500)
    const id = busy.projections[0]?.id ?? ''
    const before = await stored(session.runId, busy)
    const progress: number[] = []
    faults.failWhen = (table) => table === 'rows'
    await expect(
      rebuildReadModel(db(), session.runId, id, (p) => progress.push(p.done)),
    ).rejects.toMatchObject({ kind: 'quota' })
    expect(await stored(session.runId, busy)).toEqual(before)
    expect(progress.length).toBeGreaterThan(2)
    expect(progress).toEqual([...progress].sort((a, b) => a - b))
  }, 30_000)
})
