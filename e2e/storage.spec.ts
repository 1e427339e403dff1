/**
 * The event store in a real browser: runs on IndexedDB give the engine's own result, a reload in
 * the middle of a run reopens it and it ends as if never interrupted, bad files change nothing,
 * and two tabs share the store without fighting over it.
 */
import AxeBuilder from '@axe-core/playwright'
import { writeFileSync } from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
import { Rng, simulate, type ScenarioInput } from '../src/core/index.ts'
import { builtIns, largePush, load } from '../src/scenarios/index.ts'

const fingerprint = (page: Page) => page.getByTestId('trace-hash')
const savedRuns = (page: Page) => page.getByRole('table', { name: /^Runs stored in this browser/ })
const status = (page: Page) => page.getByTestId('storage-status')

async function importText(page: Page, name: string, text: string | Buffer) {
  const buffer = typeof text === 'string' ? Buffer.from(text) : text
  await page.locator('#import-file').setInputFiles({ name, mimeType: 'application/json', buffer })
}

async function runImported(page: Page, scenario: ScenarioInput) {
  await importText(page, 'scenario.json', JSON.stringify(scenario))
  await expect(page.getByTestId('notice')).toContainText('as a saved scenario')
  await page.getByRole('button', { name: `Run “${scenario.name}”` }).click()
}

test('every lesson and random variants give the engine’s own fingerprint on IndexedDB, also reopened', async ({
  page,
}) => {
  test.setTimeout(90_000)
  await page.goto('./')
  await expect(status(page)).toContainText('saved in this browser')
  for (const { scenario } of builtIns) {
    await page
      .getByRole('combobox', { name: 'Scenario' })
      .selectOption({ label: scenario.name ?? '' })
    await page.getByRole('button', { name: `Run “${scenario.name}”` }).click()
    await expect(fingerprint(page)).toHaveText(simulate(load(scenario)).traceHash)
  }
  // Random variants: other seeds and fault settings, imported as scenario files.
  const rng = Rng.stream(2026, 'e2e variants')
  for (let i = 0; i < 3; i++) {
    const base = builtIns[Math.floor(rng.next() * builtIns.length)]?.scenario ?? largePush(500)
    const variant: ScenarioInput = {
      ...base,
      name: `Variant ${i}`,
      seed: Math.floor(rng.next() * 1e9),
    }
    await runImported(page, variant)
    await expect(fingerprint(page)).toHaveText(simulate(load(variant)).traceHash)
  }
  // Reopened after a reload, the last run is recomputed from what was stored. A reload while
  // its last save is still in flight would reopen it as stopped before its end (tested below):
  // wait until the list of runs says it is stored to the end.
  const last = await fingerprint(page).textContent()
  await expect(savedRuns(page).getByRole('row', { name: /Variant 2/ })).toContainText('finished')
  await page.reload()
  await expect(page.getByTestId('restored')).toContainText('It had finished')
  await expect(fingerprint(page)).toHaveText(last ?? '')
  await expect(savedRuns(page).getByRole('row')).toHaveCount(builtIns.length + 3 + 1)
})

test('a reload in the middle of a run reopens it, says how far it got, and ends as if never interrupted', async ({
  page,
}) => {
  test.setTimeout(90_000)
  const big = largePush(20_000)
  const want = simulate(load(big))
  await page.goto('./')
  await runImported(page, big)
  const line = page.getByTestId('progress-line')
  await expect(line).toContainText(/[1-9][\d,]* saved/)
  await page.reload()
  const restored = page.getByTestId('restored')
  await expect(restored).toContainText('It had stopped before its end')
  const saved = Number(
    (await restored.textContent())?.match(/with ([\d,]+) events saved/)?.[1]?.replace(/,/g, ''),
  )
  expect(saved).toBeGreaterThan(0)
  expect(saved).toBeLessThan(want.events.length)
  // It comes back paused where it was, and goes on to the same end when asked.
  await page.getByRole('button', { name: 'Continue' }).click()
  await expect(fingerprint(page)).toHaveText(want.traceHash, { timeout: 60_000 })
  await expect(page.getByTestId('events')).toHaveText(String(want.events.length))
  const row = savedRuns(page).getByRole('row', { name: big.name ?? '' })
  // The last save (the final rows of four read models, after checking the recomputed events
  // against the stored ones) lands after the summary shows: on a loaded machine, seconds after.
  await expect(row.getByTestId('saved-state')).toHaveText('finished', { timeout: 30_000 })
  await expect(row.getByTestId('saved-events')).toHaveText(want.events.length.toLocaleString('en'))
})

test('bad files are refused with what is wrong, and the stored run stays as it was', async ({
  page,
}, testInfo) => {
  test.setTimeout(60_000)
  const lesson = builtIns[0]?.scenario ?? largePush(100)
  const expected = simulate(load(lesson))
  await page.goto('./')
  await page.getByRole('button', { name: /^Run/ }).click()
  await expect(fingerprint(page)).toHaveText(expected.traceHash)
  const table = savedRuns(page)
  await expect(table.getByTestId('saved-state').first()).toHaveText('finished')
  const before = await table.textContent()

  const bundle = JSON.stringify({
    format: 'eventually.run/v1',
    scenario: load(lesson),
    events: expected.events,
  })
  const bad: [string, string | Buffer, RegExp][] = [
    ['truncated.json', bundle.slice(0, bundle.length / 2), /not valid JSON/],
    ['types.json', bundle.replace('"position":1', '"position":"one"'), /position/],
    ['duplicate.json', bundle.replace('"position":2', '"position":1'), /position/],
    [
      'hostile.json',
      bundle.replace('"type":"TodoAdded"', '"type":"<img src=x onerror=alert(1)>"'),
      /type/,
    ],
    ['other.json', '{"format":"something/v9"}', /not an Eventually file/],
  ]
  // Playwright passes at most 50 MB by value: the junk file goes through the disk.
  const junk = testInfo.outputPath('junk.json')
  writeFileSync(junk, Buffer.alloc(50 * 1024 * 1024, 'x'))
  for (const [name, text, why] of bad) {
    await importText(page, name, text)
    const notice = page.getByTestId('notice')
    await expect(notice).toContainText(`“${name}” was not imported`)
    await expect(notice).toContainText(why)
    await expect(page.locator('img')).toHaveCount(0)
    await expect(table).toHaveText(before ?? '')
    if (name === 'duplicate.json')
      await page.screenshot({ path: 'reports/screenshots/import-refused.png', fullPage: true })
  }
  await page.locator('#import-file').setInputFiles(junk)
  await expect(page.getByTestId('notice')).toContainText('it is 50.0 MB')
  await expect(table).toHaveText(before ?? '')
  await page.reload()
  await expect(fingerprint(page)).toHaveText(expected.traceHash)
  await expect(savedRuns(page)).toHaveText(before ?? '')
})

test('two tabs: one saves, the other runs in memory and says so, and can take over', async ({
  context,
}) => {
  test.setTimeout(60_000)
  const first = await context.newPage()
  await first.goto('./')
  await expect(status(first)).toContainText('saved in this browser')
  await first.getByRole('button', { name: /^Run/ }).click()
  await expect(fingerprint(first)).toBeVisible()

  const second = await context.newPage()
  await second.goto('./')
  await expect(status(second)).toContainText('open in another tab')
  await expect(savedRuns(second).getByRole('row')).toHaveCount(2)
  await second.screenshot({ path: 'reports/screenshots/second-tab.png', fullPage: true })
  await second.getByRole('combobox', { name: 'Scenario' }).selectOption({ index: 1 })
  await second.getByRole('button', { name: /^Run/ }).click()
  await expect(fingerprint(second)).toBeVisible()
  await expect(second.getByTestId('progress-line')).toHaveCount(0)
  await expect(savedRuns(second).getByRole('row')).toHaveCount(2)

  // The first tab's new run shows up in the second tab's list.
  await first.getByRole('button', { name: /^Run/ }).click()
  await expect(savedRuns(second).getByRole('row')).toHaveCount(3)

  await second.getByRole('button', { name: 'Save runs in this tab instead' }).click()
  await expect(status(second)).toContainText('saved in this browser')
  await expect(status(first)).toContainText('open in another tab')
  await second.close()
  await expect(status(first)).toContainText('saved in this browser')
})

test('the event store browser lists what IndexedDB holds, newest first, by stream and type', async ({
  page,
}) => {
  const big = largePush(60)
  const expected = simulate(load(big))
  await page.goto('./')
  await runImported(page, big)
  await expect(fingerprint(page)).toHaveText(expected.traceHash)
  const browser = page.getByRole('region', { name: 'Event store' })
  const rows = browser.getByTestId('stored-event')
  await expect(rows).toHaveCount(25)
  const newest = expected.events.at(-1)
  await expect(rows.first().getByRole('cell').first()).toHaveText(String(newest?.position))
  await expect(rows.first()).toContainText(JSON.stringify(newest?.data))
  await browser.getByRole('button', { name: 'Older' }).click()
  await expect(rows.first().getByRole('cell').first()).toHaveText(
    String((newest?.position ?? 0) - 25),
  )
  await browser.getByRole('button', { name: 'Newer' }).click()

  const stream = newest?.stream ?? ''
  await browser.getByRole('textbox', { name: 'Stream' }).fill(stream)
  const inStream = expected.events.filter((e) => e.stream === stream)
  await expect(rows).toHaveCount(Math.min(25, inStream.length))
  await expect(rows.first()).toContainText(`${inStream.at(-1)?.version}`)
  await browser.getByRole('textbox', { name: 'Stream' }).fill('')
  await browser.getByRole('combobox', { name: 'Type' }).selectOption('TodoAdded')
  const added = expected.events.filter((e) => e.type === 'TodoAdded')
  await expect(rows).toHaveCount(Math.min(25, added.length))
  await expect(rows.first().getByRole('cell').first()).toHaveText(String(added.at(-1)?.position))
  await browser.getByRole('combobox', { name: 'Type' }).selectOption('TodoRemoved')
  await expect(rows).toHaveCount(0)
  await expect(browser).toContainText('No stored event matches')

  const { violations } = await new AxeBuilder({ page }).analyze()
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([])
  await browser.getByRole('combobox', { name: 'Type' }).selectOption('')
  await page.screenshot({ path: 'reports/screenshots/event-store.png', fullPage: true })
})
