/** The library of saved runs: import, export, rename, rebuild and delete, over fake-indexeddb. */
import { describe, expect, it } from 'vitest'
import { exportBundle, simulate } from '../core'
import { getRun, readAllEvents } from '../persistence'
import { load, outOfOrder, readAfterWrite } from '../scenarios'
import { finished, profile } from './test-support'

describe('the library of saved runs', () => {
  it('refuses a broken file with its problems and leaves the saved runs as they were', async () => {
    const browser = profile()
    const store = browser.tab()
    await store.getState().init()
    await store.getState().runScenario()
    await finished(store)
    const before = await readAllEvents(browser.db(), store.getState().runs[0]?.id ?? 0)
    const file = (text: string, size = text.length) => ({
      name: 'run.json',
      size,
      text: () => Promise.resolve(text),
    })
    const good = exportBundle({
      scenario: load(readAfterWrite),
      events: simulate(load(readAfterWrite)).events,
    })
    const broken = [
      good.slice(0, good.length / 2),
      good.replace('"position":2', '"position":1'),
      '{"format":"something/v9"}',
      good.replace('"type":"TodoAdded"', '"type":"<img src=x onerror=alert(1)>"'),
    ]
    for (const text of broken) {
      await store.getState().importFile(file(text))
      const notice = store.getState().notice
      expect(notice?.tone).toBe('error')
      expect(notice?.text).toMatch(/was not imported/)
    }
    await store.getState().importFile(file('x', 50 * 1024 * 1024))
    expect(store.getState().notice?.text).toMatch(/50\.0 MB/)
    expect(store.getState().runs).toHaveLength(1)
    expect(await readAllEvents(browser.db(), store.getState().runs[0]?.id ?? 0)).toEqual(before)

    await store.getState().importFile(file(good))
    expect(store.getState().notice).toMatchObject({ tone: 'info', text: /as a saved run/ })
    expect(store.getState().runs).toHaveLength(2)
  })

  it('renames, exports and deletes a run, and rebuilds a wrong read model with progress', async () => {
    const browser = profile()
    const store = browser.tab()
    await store.getState().init()
    store.getState().loadScenario(outOfOrder)
    await store.getState().runScenario()
    await finished(store)
    const id = store.getState().runs[0]?.id ?? 0
    await store.getState().renameRun(id, '  Monday class  ')
    expect(store.getState().runs[0]?.name).toBe('Monday class')
    const exported = await store.getState().exportRun(id)
    expect(exported?.name).toBe('monday-class.eventually-run.json')
    expect(exported?.text).toContain('"format": "eventually.run/v1"')

    const seen: number[] = []
    const unsubscribe = store.subscribe((s) => s.rebuild && seen.push(s.rebuild.done))
    await store.getState().rebuildProjection(id, 'naive')
    unsubscribe()
    expect(seen.length).toBeGreaterThan(0)
    expect(store.getState().notice?.text).toMatch(
      /Rebuilt naive from position 0: .* had been wrong/,
    )
    expect(store.getState().rebuild).toBeNull()

    await store.getState().deleteRun(id)
    expect(store.getState().runs).toEqual([])
    expect(store.getState().run.kind).toBe('idle')
    expect(await getRun(browser.db(), id)).toBeUndefined()
  })
})
