import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Locator, type Page } from '@playwright/test'

/** Opens a built-in scenario as a run paused at 0, and returns the read side column. */
async function start(page: Page, name: string): Promise<Locator> {
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto('./')
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption({ label: name })
  await page.getByRole('button', { name: `Start “${name}”` }).click()
  const column = page.getByRole('region', { name: 'Read side' })
  await expect(column.getByRole('region').first()).toBeVisible()
  return column
}

/** Presses "Step forward" until `check` passes, as a teacher steps through a lesson. */
async function stepUntil(page: Page, check: () => Promise<unknown>) {
  await expect(async () => {
    try {
      await check()
    } catch (error) {
      await page.getByRole('button', { name: 'Step forward' }).click()
      throw error
    }
  }).toPass({ intervals: [50], timeout: 15_000 })
}

const quick = { timeout: 200 }

/** Scrolls an element up to just under the sticky playback bar, for a screenshot. */
async function showUnderBar(page: Page, selector: string) {
  await page.evaluate(`(() => {
    const bar = document.querySelector('.playback-bar').getBoundingClientRect().height
    const top = document.querySelector(${JSON.stringify(selector)}).getBoundingClientRect().top
    window.scrollBy(0, top - bar - 8)
  })()`)
}

async function query(column: Locator, projection: string, key: string, mode: string) {
  const box = column.getByRole('form', { name: 'Query a projection' })
  await box.getByLabel('Projection').selectOption(projection)
  await box.getByLabel('Key').fill(key)
  await box.getByLabel('Read mode').selectOption(mode)
  await box.getByRole('button', { name: 'Read', exact: true }).click()
}

test('rows that differ from the truth are marked mid-run and in sync at the end', async ({
  page,
}) => {
  const column = await start(page, 'Read after write')
  const pull = column.getByRole('region', { name: 'pull-reader', exact: true })
  await expect(pull.getByText('No rows yet')).toBeVisible()

  // The todo is added: the store has it, the pull reader has not polled yet.
  await stepUntil(page, () =>
    expect(pull.getByText('1 row differs from the truth')).toBeVisible(quick),
  )
  await expect(pull.getByText('position 1', { exact: true })).toBeVisible()
  await expect(pull.getByText('checkpoint 0', { exact: true })).toBeVisible()
  await expect(pull.getByText(/^behind by 1 event \/ /)).toBeVisible()
  const t1 = pull.getByRole('rowgroup').filter({ hasText: 'differs' })
  await expect(t1.getByRole('rowheader').first()).toHaveText(/t1\s*≠ differs/)
  await expect(t1.locator('td.differs')).toContainText('missing')
  await expect(t1.getByRole('row').nth(1)).toContainText('buy milk')

  await page.screenshot({ path: 'reports/screenshots/read-side.png', fullPage: true })

  await page.getByRole('button', { name: 'Jump to end' }).click()
  for (const id of ['push-reader', 'pull-reader']) {
    const panel = column.getByRole('region', { name: id, exact: true })
    await expect(panel.getByText('in sync: every row matches the truth')).toBeVisible()
    await expect(panel.getByText('caught up')).toBeVisible()
    await expect(panel.locator('tbody.differs')).toHaveCount(0)
    await expect(panel.getByRole('cell', { name: 'local = truth' })).toHaveCount(1)
  }
})

test('an eventual read answers stale at once; a strong read answers fresh, later, for messages', async ({
  page,
}) => {
  const column = await start(page, 'Read after write')
  const pull = column.getByRole('region', { name: 'pull-reader', exact: true })
  await stepUntil(page, () =>
    expect(pull.getByText('1 row differs from the truth')).toBeVisible(quick),
  )

  await query(column, 'pull-reader', 't1', 'eventual')
  const queries = column.getByTestId('query')
  await expect(queries.first()).toContainText('eventual read of t1 on pull-reader')
  await expect(queries.first()).toContainText('not found')
  await expect(queries.first()).toContainText('stale')
  await expect(queries.first()).toContainText('latency0 ms')
  await expect(queries.first()).toContainText('cost0 messages')

  await query(column, 'pull-reader', 't1', 'strong')
  await expect(column.getByText(/^Asks the store for every event/)).toBeVisible()
  await expect(queries.first()).toContainText('strong read of t1 on pull-reader')
  await expect(queries.first()).toContainText('waiting for an answer…')
  await stepUntil(page, () => expect(queries.first()).toContainText('fresh', quick))
  await expect(queries.first()).toContainText('title: buy milk, completed: false')
  await expect(queries.first()).toContainText(/latency[1-9][0-9.]* ms/)
  await expect(queries.first()).toContainText('cost2 messages')
  await expect(column.getByTestId('newest-answer')).toHaveText(
    /^Answer to the strong read of t1 on pull-reader: .*, fresh, after .+ ms, 2 messages\.$/,
  )
  await showUnderBar(page, '.query-box')
  await page.screenshot({ path: 'reports/screenshots/read-side-queries.png' })

  // A query asked later than the instant shown stays listed, greyed, and says so.
  await query(column, 'push-reader', 't1', 'eventual')
  await expect(queries.first()).toContainText('eventual read of t1 on push-reader')
  await page.getByRole('button', { name: 'Step back' }).click()
  await expect(queries.first()).toContainText('later than the time shown')
  await expect(queries.first()).toHaveClass(/later/)
  await expect(queries.nth(1)).not.toHaveClass(/later/)
})

test('out of order: the naive read model stays wrong, the ordered one converges', async ({
  page,
}) => {
  const column = await start(page, 'Out of order, at least once')
  const ordered = column.getByRole('region', { name: 'ordered', exact: true })
  await stepUntil(page, () =>
    expect(ordered.getByText(/rows? differs? from the truth/)).toBeVisible(quick),
  )
  await expect(ordered.locator('tbody.differs').first()).toContainText('≠ differs')
  await page.getByRole('button', { name: 'Jump to end' }).click()
  await expect(ordered.getByText('in sync: every row matches the truth')).toBeVisible()
  const naive = column.getByRole('region', { name: 'naive', exact: true })
  await expect(naive.getByText(/rows? differs? from the truth/)).toBeVisible()
  await expect(naive.locator('.differs-value').first()).toBeVisible()

  const { violations } = await new AxeBuilder({ page }).include('.read-side').analyze()
  const severe = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(
    severe.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(' ')})`),
  ).toEqual([])
  const overflow = await page.evaluate<number>(
    'document.documentElement.scrollWidth - document.documentElement.clientWidth',
  )
  expect(overflow).toBeLessThanOrEqual(0)
  await page.screenshot({ path: 'reports/screenshots/read-side-out-of-order.png', fullPage: true })
})

test('the read side has no serious accessibility violations mid-run', async ({ page }) => {
  const column = await start(page, 'Read after write')
  const push = column.getByRole('region', { name: 'push-reader', exact: true })
  await stepUntil(page, () =>
    expect(push.getByText('1 row differs from the truth')).toBeVisible(quick),
  )
  await query(column, 'push-reader', 't1', 'strong')
  const { violations } = await new AxeBuilder({ page }).analyze()
  const severe = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(
    severe.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(' ')})`),
  ).toEqual([])
})
