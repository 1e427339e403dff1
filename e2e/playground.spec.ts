/**
 * The playground's time controls, by mouse and by keyboard alone, and runs shared as links: a
 * link reproduces its run exactly, and a damaged or hostile one opens nothing of it.
 */
import AxeBuilder from '@axe-core/playwright'
import { startImported } from './scenario-file'
import { expect, test, type Locator, type Page } from '@playwright/test'
import {
  parseInterventions,
  Simulation,
  buildResult,
  type Intervention,
} from '../src/core/index.ts'
import { builtIns, largePush, load, outOfOrder, readAfterWrite } from '../src/scenarios/index.ts'
import { encodeShare } from '../src/state/share.ts'

const time = (page: Page) => page.getByRole('slider', { name: 'Time' })
const speed = (page: Page) => page.getByRole('slider', { name: 'Speed' })
const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true })
const focused = (l: Locator) =>
  l.evaluate((e: { matches: (selector: string) => boolean }) => e.matches(':focus'))
/**
 * What the playground shows of the run's state at the instant on screen: the store's newest
 * events, every link and every read model. (Not the IndexedDB browser, which catches up with a
 * save a moment later, nor hints that depend on how far the run was computed.)
 */
async function shown(page: Page): Promise<string> {
  const parts = [
    page.locator('section[aria-labelledby="write-recent-heading"]'),
    page.getByRole('region', { name: 'Network', exact: true }),
    page.getByRole('region', { name: 'Read side', exact: true }),
  ]
  return (await Promise.all(parts.map((p) => p.innerText()))).join('\n')
}

async function start(page: Page, name = readAfterWrite.name ?? '') {
  await page.goto('./')
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption({ label: name })
  await page.getByRole('button', { name: `Start “${name}”` }).click()
  await expect(time(page)).toHaveAttribute('aria-valuetext', /^0(\.0+)? (ms|s) of/)
}

async function severeViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze()
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)
}

async function seconds(page: Page): Promise<number> {
  const text = (await time(page).getAttribute('aria-valuetext')) ?? ''
  const [, value, unit] = /^([\d.]+) (ms|s)/.exec(text) ?? []
  return Number(value) * (unit === 's' ? 1000 : 1)
}

test('each transport control moves the run: play, pause, step, step back, speed, start, end', async ({
  page,
}) => {
  await start(page, outOfOrder.name)
  await button(page, 'Step forward').click()
  const first = await shown(page)
  await button(page, 'Step forward').click()
  await button(page, 'Step forward').click()
  const third = await shown(page)
  expect(third).not.toBe(first)
  await button(page, 'Step back').click()
  await button(page, 'Step back').click()
  expect(await shown(page)).toBe(first)

  await expect(speed(page)).toHaveAttribute('aria-valuetext', '1× speed')
  await speed(page).focus()
  await page.keyboard.press('ArrowRight')
  await expect(speed(page)).toHaveAttribute('aria-valuetext', '2× speed')
  // Slowly, so that it is still playing when paused.
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft')
  await expect(speed(page)).toHaveAttribute('aria-valuetext', '0.2× speed')

  await button(page, 'Play').click()
  await expect(button(page, 'Pause')).toBeVisible()
  await expect.poll(() => seconds(page)).toBeGreaterThan(20)
  await button(page, 'Pause').click()
  const paused = await seconds(page)
  await page.waitForTimeout(300)
  expect(await seconds(page)).toBe(paused)

  await button(page, 'Jump to end').click()
  await expect(page.getByRole('heading', { name: /^Result: / })).toBeVisible()
  await button(page, 'Jump to start').click()
  await expect(time(page)).toHaveAttribute('aria-valuetext', /^0(\.0+)? (ms|s) of/)
})

test('each shortcut does what the help says, and the help lists them all', async ({ page }) => {
  await start(page, outOfOrder.name)
  await page.locator('body').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('ArrowRight')
  const second = await shown(page)
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('ArrowLeft')
  expect(await shown(page)).toBe(second)

  await page.keyboard.press(']')
  await page.keyboard.press(']')
  await expect(speed(page)).toHaveAttribute('aria-valuetext', '5× speed')
  await page.keyboard.press('[')
  await expect(speed(page)).toHaveAttribute('aria-valuetext', '2× speed')
  // Slowly, so that it is still playing when the same key pauses it.
  for (let i = 0; i < 4; i++) await page.keyboard.press('[')
  await expect(speed(page)).toHaveAttribute('aria-valuetext', '0.1× speed')

  for (const key of [' ', '.']) {
    await page.keyboard.press(key)
    await expect(button(page, 'Pause')).toBeVisible()
    await page.keyboard.press(key)
    await expect(button(page, 'Play')).toBeVisible()
  }

  await page.keyboard.press('End')
  await expect(page.getByRole('heading', { name: /^Result: / })).toBeVisible()
  await page.keyboard.press('Home')
  await expect(time(page)).toHaveAttribute('aria-valuetext', /^0(\.0+)? (ms|s) of/)

  await page.keyboard.press('?')
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(help).toBeVisible()
  for (const text of ['Play or pause', 'Step forward', 'Step back', 'Slower', 'Faster'])
    await expect(help).toContainText(text)
  expect(await severeViolations(page)).toEqual([])
  await page.keyboard.press('Escape')
  await expect(help).toBeHidden()
})

test('scrubbing back and forth shows the same state as stepping there', async ({ page }) => {
  await start(page, outOfOrder.name)
  const states: { at: number; text: string }[] = []
  for (let i = 0; i < 6; i++) {
    await button(page, 'Step forward').click()
    states.push({ at: await seconds(page), text: await shown(page) })
  }
  await button(page, 'Jump to end').click()
  await expect(page.getByRole('heading', { name: /^Result: / })).toBeVisible()
  // The scrubber is a native slider: set its value as a drag would, back to each stepped time.
  for (const { at, text } of states.reverse()) {
    await time(page).fill(String(at))
    await expect.poll(() => seconds(page)).toBe(at)
    expect(await shown(page)).toBe(text)
  }
})

test('a whole lesson plays from the keyboard alone', async ({ page }) => {
  await page.goto('./')
  const lesson = builtIns[1]?.scenario ?? outOfOrder
  // Tab to the scenario picker, choose the lesson, tab to Start and press it.
  const picker = page.getByRole('combobox', { name: 'Scenario' })
  for (let i = 0; i < 20 && !(await focused(picker)); i++) await page.keyboard.press('Tab')
  await expect(picker).toBeFocused()
  // A focused select takes the next option on ArrowDown without opening.
  await page.keyboard.press('ArrowDown')
  await expect(picker).toHaveValue(/./)
  expect(await picker.locator('option:checked').textContent()).toBe(lesson.name)
  const startButton = page.getByRole('button', { name: `Start “${lesson.name}”` })
  for (let i = 0; i < 5 && !(await focused(startButton)); i++) await page.keyboard.press('Tab')
  await expect(startButton).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(time(page)).toBeVisible()
  // The presenter's remote: "." plays and pauses whatever has focus. Slowly, so that it is still
  // playing when paused.
  await page.keyboard.press('[')
  await page.keyboard.press('[')
  await expect(speed(page)).toHaveAttribute('aria-valuetext', '0.2× speed')
  await page.keyboard.press('.')
  await expect(button(page, 'Pause')).toBeVisible()
  await expect.poll(() => seconds(page)).toBeGreaterThan(0)
  await page.keyboard.press('.')
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('ArrowLeft')
  await page.keyboard.press('End')
  await expect(page.getByRole('heading', { name: `Result: ${lesson.name}` })).toBeVisible()
  expect(await severeViolations(page)).toEqual([])
})

test('a shared link opens its run exactly, interventions included, in a fresh browser', async ({
  browser,
}) => {
  const scenario = load(readAfterWrite)
  const projection = scenario.projections[0]?.id ?? ''
  const raw = [
    { type: 'partition', projection, at: 0, step: 2 },
    { type: 'heal', projection, at: 400, step: 9 },
  ]
  const parsed = parseInterventions(raw, scenario)
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems))
  const interventions: Intervention[] = parsed.interventions
  const want = buildResult(new Simulation(scenario, { interventions }).run())
  const plain = buildResult(new Simulation(scenario).run())
  expect(want.traceHash).not.toBe(plain.traceHash)

  const hash = await encodeShare({ scenario, interventions })
  const context = await browser.newContext()
  const page = await context.newPage()
  // A link without a time opens its run at the end.
  await page.goto(`./#${hash}`)
  await expect(page.getByTestId('trace-hash')).toHaveText(want.traceHash)
  await context.close()
})

test('a damaged or hostile link says what is wrong, runs nothing of it and injects nothing', async ({
  page,
}) => {
  const scenario = load(readAfterWrite)
  const good = await encodeShare({ scenario, interventions: [] })
  const hostile = await encodeShare({
    scenario: { ...scenario, name: '<img src=x onerror="window.pwned=1">' },
    interventions: [{ type: 'crash', projection: '<script>', at: 0, step: 0 }],
  })
  const cases: [string, RegExp][] = [
    ['run=1.!!!!', /not valid base64/],
    [`${good.slice(0, good.length - 12)}`, /damaged/],
    ['run=9.abc', /newer version/],
    [hostile, /interventions are not valid/],
  ]
  for (const [hash, why] of cases) {
    await page.goto(`./#${hash}`)
    const alert = page.getByTestId('link-error')
    await expect(alert).toContainText(why)
    await expect(alert).toContainText('The scenario chosen below is open instead.')
    await expect(time(page)).toHaveCount(0)
    await expect(page.locator('img')).toHaveCount(0)
    expect(await page.evaluate(() => (globalThis as { pwned?: number }).pwned)).toBeUndefined()
    await expect(page.getByRole('combobox', { name: 'Scenario' })).toBeVisible()
  }
})

for (const view of [
  { name: '1280x800', width: 1280, height: 800, presenter: false },
  { name: '1920x1080-presenter', width: 1920, height: 1080, presenter: true },
])
  test(`the main views at ${view.name}: nothing overflows, no serious accessibility violations`, async ({
    page,
  }) => {
    test.setTimeout(60_000)
    await page.setViewportSize({ width: view.width, height: view.height })
    await page.goto('./')
    const shot = (what: string) =>
      page.screenshot({ path: `reports/screenshots/playground-${what}-${view.name}.png` })
    await shot('first-page')
    await start(page, outOfOrder.name)
    if (view.presenter) await button(page, 'Presenter mode').click()
    for (let i = 0; i < 6; i++) await button(page, 'Step forward').click()
    await page.waitForTimeout(300)
    await shot('mid-run')
    const width = await page.evaluate(
      () =>
        (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } })
          .document.documentElement.scrollWidth,
    )
    expect(width).toBeLessThanOrEqual(view.width)
    expect(await severeViolations(page)).toEqual([])
    await page.keyboard.press('?')
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible()
    await shot('help')
    await page.keyboard.press('Escape')
    await button(page, 'Jump to end').click()
    await expect(page.getByRole('heading', { name: /^Result: / })).toBeVisible()
    await page.getByRole('region', { name: 'Read side', exact: true }).scrollIntoViewIfNeeded()
    await shot('end')
    expect(await severeViolations(page)).toEqual([])
  })

test('acting in the past forks the run and says so; undo brings the old future back; its link reproduces it', async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000)
  const fingerprint = page.getByTestId('trace-hash')
  await start(page)
  await button(page, 'Step forward').click()
  await button(page, 'Step forward').click()
  await button(page, 'Partition push-reader').click()
  await button(page, 'Jump to end').click()
  const partitioned = (await fingerprint.textContent()) ?? ''
  expect(partitioned).toMatch(/^[0-9a-f]{16}$/)

  await button(page, 'Jump to start').click()
  await button(page, 'Step forward').click()
  await button(page, 'Crash pull-reader').click()
  const notice = page.getByTestId('fork-notice')
  await expect(notice).toContainText('You changed the past')
  await expect(notice).toContainText('1 later intervention was discarded')
  await button(page, 'Jump to end').click()
  await expect(fingerprint).not.toHaveText(partitioned)

  await button(page, 'Undo').click()
  await expect(notice).toBeEmpty()
  await button(page, 'Jump to end').click()
  await expect(fingerprint).toHaveText(partitioned)
  // The state shown, without the notes each tab keeps of what was done in it.
  const state = (p: Page) =>
    Promise.all([
      p.locator('section[aria-labelledby="write-recent-heading"]').innerText(),
      p.getByRole('region', { name: 'Read side', exact: true }).innerText(),
      p.getByTestId('link-status').allInnerTexts(),
    ])
  const here = await state(page)

  await button(page, 'Link to this run').click()
  const link = await page.getByRole('textbox', { name: 'Link to this run' }).inputValue()
  expect(link).toContain('#run=1.')
  const fresh = await browser.newContext()
  const other = await fresh.newPage()
  await other.goto(link)
  await expect(other.getByTestId('trace-hash')).toHaveText(partitioned)
  expect(await state(other)).toEqual(here)
  await fresh.close()
})

test('while a big run computes ahead, the panels hold still and say so, and show where it stops', async ({
  page,
}) => {
  test.setTimeout(90_000)
  const big = largePush(60_000)
  await startImported(page, big)
  await button(page, 'Jump to end').click()
  const note = page.getByTestId('computing-note')
  await expect(note).toContainText('Computing ahead: the panels below still show 0 ms')
  const columns = page.locator('.columns')
  await expect(columns).toHaveAttribute('aria-busy', 'true')
  await expect(page.getByTestId('progress-line')).toContainText(/[1-9][\d,]* events appended/)
  // A key press shows at once all the same.
  await page.locator('body').press(']')
  await expect(page.locator('.speed-value')).toHaveText('2×')
  await page.screenshot({
    path: 'reports/screenshots/playground-computing-1280.png',
    fullPage: true,
  })
  expect(await severeViolations(page)).toEqual([])
  await button(page, 'Stop').click()
  await expect(note).toHaveCount(0)
  await expect(columns).toHaveAttribute('aria-busy', 'false')
  // The panels now show the instant it stopped at, which the time control reads out too.
  expect(await seconds(page)).toBeGreaterThan(0)
})
