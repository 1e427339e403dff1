import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Locator, type Page } from '@playwright/test'

/**
 * The network column: a card per projection's link whose settings change mid-run. "Read after
 * write" has two: push-reader (push, at least once, ack timeout 300 ms, exponential latency)
 * and pull-reader (pull every 500 ms). Commands append events at 0, 1000 and 2000 ms.
 */
const SCENARIO = 'Read after write'

async function start(page: Page) {
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto('./')
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption({ label: SCENARIO })
  await page.getByRole('button', { name: `Start “${SCENARIO}”` }).click()
  await expect(page.getByRole('article', { name: 'Link to push-reader' })).toBeVisible()
}

const card = (page: Page, id: string) => page.getByRole('article', { name: `Link to ${id}` })
const number = async (where: Locator, testId: string) =>
  Number(await where.getByTestId(testId).textContent())

/** Moves the time shown, and waits until the cards show it. */
async function seek(page: Page, ms: number, shown: string) {
  await page.getByRole('slider', { name: 'Time' }).fill(String(ms))
  await expect(page.locator('.network-hint')).toContainText(`take effect at ${shown}`)
}

/** Scrolls the columns' headings to just under the sticky playback bar. */
async function showColumns(page: Page) {
  await page.evaluate(`window.scrollTo(0, document.getElementById('network-heading')
    .getBoundingClientRect().top + window.scrollY
    - document.querySelector('.playback-bar').getBoundingClientRect().height - 16)`)
}

/** How far the widest element of any card sticks out of it, in px (0: nothing does). */
const SPILL = `Math.max(0, ...[...document.querySelectorAll('.link-card')].flatMap((card) => {
  const right = card.getBoundingClientRect().right
  return [...card.querySelectorAll('*')].map((e) => e.getBoundingClientRect().right - right)
}))`

async function jumpToEnd(page: Page) {
  await page.getByRole('button', { name: 'Jump to end' }).click()
  await expect(page.getByRole('heading', { name: /^Result:/ })).toBeVisible()
}

test('loss at 100 % mid-run: nothing more is delivered and the dropped count grows', async ({
  page,
}) => {
  await start(page)
  await seek(page, 500, '500 ms')
  const push = card(page, 'push-reader')
  const delivered = await number(push, 'delivered')
  expect(delivered).toBeGreaterThan(0)
  expect(await number(push, 'dropped')).toBe(0)

  // By keyboard: the slider moves a draft, the button applies it.
  const loss = push.getByRole('slider', { name: 'Loss for push-reader' })
  await loss.focus()
  await page.keyboard.press('End')
  await expect(push.getByText('100 %')).toBeVisible()
  await expect(push.getByText('Not applied yet')).toBeVisible()
  await push.getByRole('button', { name: 'Apply faults for push-reader' }).press('Enter')
  await expect(push.getByText('Faults changed at 500 ms.')).toBeVisible()

  await jumpToEnd(page)
  expect(await number(push, 'delivered')).toBe(delivered)
  expect(await number(push, 'dropped')).toBeGreaterThan(0)
  expect(await number(push, 'behind')).toBe(2)
  // The other link is untouched.
  expect(await number(card(page, 'pull-reader'), 'behind')).toBe(0)
})

test('duplication and reordering mid-run: duplicates arrive, and the settings hold from then on', async ({
  page,
}) => {
  await start(page)
  await seek(page, 500, '500 ms')
  const push = card(page, 'push-reader')
  const duplicates = await number(push, 'duplicates')
  await push.getByRole('slider', { name: 'Duplicate for push-reader' }).focus()
  await page.keyboard.press('End')
  await push.getByRole('slider', { name: 'Reorder for push-reader' }).focus()
  await page.keyboard.press('End')
  await push.getByRole('textbox', { name: 'Extra max for push-reader' }).fill('800')
  await push.getByRole('button', { name: 'Apply faults for push-reader' }).click()
  await expect(push.getByText('Faults changed at 500 ms.')).toBeVisible()

  await jumpToEnd(page)
  expect(await number(push, 'duplicates')).toBeGreaterThanOrEqual(duplicates + 2)
  await expect(push.getByRole('slider', { name: 'Duplicate for push-reader' })).toHaveValue('100')
  await expect(push.getByRole('slider', { name: 'Reorder for push-reader' })).toHaveValue('100')
  await expect(push.getByRole('textbox', { name: 'Extra max for push-reader' })).toHaveValue('800')
  expect(await number(push, 'behind')).toBe(0)

  // Before the change the link was as the scenario set it.
  await seek(page, 100, '100 ms')
  await expect(push.getByRole('slider', { name: 'Reorder for push-reader' })).toHaveValue('0')
  await expect(push.getByRole('textbox', { name: 'Extra max for push-reader' })).toHaveValue('500')
})

test('a longer latency mid-run holds the next event on the wire', async ({ page }) => {
  await start(page)
  await seek(page, 500, '500 ms')
  const push = card(page, 'push-reader')
  const delivered = await number(push, 'delivered')
  await push
    .getByRole('combobox', { name: 'Latency kind for push-reader' })
    .selectOption('constant')
  await push.getByRole('textbox', { name: 'Delay for push-reader' }).fill('abc')
  await push.getByRole('button', { name: 'Apply latency for push-reader' }).click()
  await expect(push.getByText('must be a number')).toBeVisible()
  await push.getByRole('textbox', { name: 'Delay for push-reader' }).fill('2000')
  await push.getByRole('button', { name: 'Apply latency for push-reader' }).click()
  await expect(push.getByText('Latency changed at 500 ms.')).toBeVisible()
  await expect(push.getByRole('img', { name: /^constant 2 s/ })).toBeVisible()

  // The event appended at 1000 ms is still travelling at 1500 ms.
  await seek(page, 1500, '1.50 s')
  expect(await number(push, 'delivered')).toBe(delivered)
  expect(await number(push, 'in-flight')).toBeGreaterThan(0)
  await jumpToEnd(page)
  expect(await number(push, 'behind')).toBe(0)
})

test('delivery settings change within the mode and show their new values', async ({ page }) => {
  await start(page)
  await seek(page, 500, '500 ms')
  const pull = card(page, 'pull-reader')
  await pull.getByRole('textbox', { name: 'Poll interval for pull-reader' }).fill('100')
  await pull.getByRole('textbox', { name: 'Batch for pull-reader' }).fill('0')
  await pull.getByRole('button', { name: 'Apply delivery for pull-reader' }).click()
  // The store's own check: a batch holds at least one event.
  await expect(pull.getByText('must be at least 1')).toBeVisible()
  await pull.getByRole('textbox', { name: 'Batch for pull-reader' }).fill('10')
  await pull.getByRole('button', { name: 'Apply delivery for pull-reader' }).click()
  await expect(pull.getByText('Delivery changed at 500 ms.')).toBeVisible()

  const push = card(page, 'push-reader')
  await push
    .getByRole('combobox', { name: 'Guarantee for push-reader' })
    .selectOption('at-most-once')
  await push.getByRole('textbox', { name: 'Ack timeout for push-reader' }).fill('150')
  await push.getByRole('button', { name: 'Apply delivery for push-reader' }).click()
  await expect(push.getByText('Delivery changed at 500 ms.')).toBeVisible()

  await page.getByRole('button', { name: 'Step forward' }).click()
  await jumpToEnd(page)
  await expect(pull.getByRole('textbox', { name: 'Poll interval for pull-reader' })).toHaveValue(
    '100',
  )
  await expect(pull.getByRole('textbox', { name: 'Batch for pull-reader' })).toHaveValue('10')
  await expect(push.getByRole('combobox', { name: 'Guarantee for push-reader' })).toHaveValue(
    'at-most-once',
  )
  await expect(push.getByRole('textbox', { name: 'Ack timeout for push-reader' })).toHaveValue(
    '150',
  )
  expect(await number(pull, 'behind')).toBe(0)
})

test('a partitioned link delivers nothing; healed, the projection converges', async ({ page }) => {
  await start(page)
  const push = card(page, 'push-reader')
  await push.getByRole('button', { name: 'Partition push-reader' }).click()
  await expect(push.getByTestId('link-status')).toHaveText(/partitioned/)
  await expect(push.getByText('Partitioned push-reader at 0 ms.')).toBeVisible()

  await seek(page, 2500, '2.50 s')
  await expect(push.getByTestId('link-status')).toHaveText(/partitioned/)
  expect(await number(push, 'delivered')).toBe(0)
  expect(await number(push, 'dropped')).toBeGreaterThan(0)
  expect(await number(push, 'behind')).toBe(3)

  await push.getByRole('button', { name: 'Heal push-reader' }).click()
  await expect(push.getByTestId('link-status')).toHaveText(/running/)
  await expect(push.getByRole('button', { name: 'Partition push-reader' })).toBeVisible()
  await jumpToEnd(page)
  expect(await number(push, 'delivered')).toBeGreaterThanOrEqual(3)
  expect(await number(push, 'behind')).toBe(0)
  await expect(push.getByText('Caught up')).toBeVisible()
})

test('a crashed projection takes nothing in; restarted, it converges', async ({ page }) => {
  await start(page)
  const pull = card(page, 'pull-reader')
  await pull.getByRole('button', { name: 'Crash pull-reader' }).click()
  await expect(pull.getByTestId('link-status')).toHaveText(/crashed/)

  await seek(page, 2500, '2.50 s')
  await expect(pull.getByTestId('link-status')).toHaveText(/crashed/)
  expect(await number(pull, 'delivered')).toBe(0)
  expect(await number(pull, 'behind')).toBe(3)

  await pull.getByRole('button', { name: 'Restart pull-reader' }).click()
  await expect(pull.getByTestId('link-status')).toHaveText(/running/)
  await jumpToEnd(page)
  expect(await number(pull, 'behind')).toBe(0)
  expect(await number(pull, 'delivered')).toBeGreaterThanOrEqual(3)
})

test('the cards are accessible and fit their column at 1280x800', async ({ page }) => {
  test.setTimeout(60_000) // an axe scan and four screenshots
  await start(page)
  await seek(page, 1500, '1.50 s')
  const push = card(page, 'push-reader')
  // A problem shown beside its field is part of the scan.
  await push.getByRole('textbox', { name: 'Extra min for push-reader' }).fill('900')
  await push.getByRole('button', { name: 'Apply faults for push-reader' }).click()
  await expect(push.getByText('max must not be less than min')).toBeVisible()

  const { violations } = await new AxeBuilder({ page }).analyze()
  const severe = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(severe.map((v) => `${v.id}: ${v.help}`)).toEqual([])
  const overflow = await page.evaluate<number>(
    'document.documentElement.scrollWidth - document.documentElement.clientWidth',
  )
  expect(overflow).toBeLessThanOrEqual(0)
  // Nothing in a card sticks out of it.
  const spill = await page.evaluate<number>(SPILL)
  expect(spill).toBeLessThanOrEqual(0)

  await showColumns(page)
  await page.screenshot({ path: 'reports/screenshots/network.png' })
  await page.getByRole('button', { name: 'Presenter mode' }).click()
  await showColumns(page)
  await page.screenshot({ path: 'reports/screenshots/network-presenter.png' })
  expect(await page.evaluate<number>(SPILL)).toBeLessThanOrEqual(0)

  // Whole columns, with the bar unstuck so that it does not cover the cards in the pictures.
  await page.addStyleTag({ content: '.playback-bar { position: static }' })
  const column = page.locator('.network-side')
  await column.screenshot({ path: 'reports/screenshots/network-presenter-column.png' })
  await page.getByRole('button', { name: 'Presenter mode' }).click()
  await column.screenshot({ path: 'reports/screenshots/network-column.png' })
})
