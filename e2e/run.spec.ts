import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'
import { simulate } from '../src/core/index.ts'
import { defaultScenario, load, outOfOrder } from '../src/scenarios/index.ts'

test('running the default scenario shows the numbers the engine computes', async ({ page }) => {
  const expected = simulate(load(defaultScenario))
  await page.goto('./')

  await page.getByRole('button', { name: /^Run/ }).click()

  await expect(page.getByRole('heading', { name: `Result: ${expected.name}` })).toBeVisible()
  await expect(page.getByTestId('events')).toHaveText(String(expected.events.length))
  await expect(page.getByTestId('rejected')).toHaveText(String(expected.rejected.length))
  const ids = Object.keys(expected.projections)
  await expect(page.getByTestId('projection-count')).toHaveText(String(ids.length))
  for (const id of ids) {
    const p = expected.projections[id]!
    const row = page.getByTestId(`projection-${id}`)
    await expect(row.getByRole('rowheader')).toHaveText(id)
    await expect(row.getByTestId('state')).toHaveText(p.consistent ? /^converged at / : 'diverged')
    await expect(row.getByRole('cell').nth(3)).toHaveText(String(p.stats.delivered))
  }
  await expect(page.getByTestId('anomaly')).toHaveCount(Math.min(20, expected.anomalies.length))
  const reads = page.getByTestId('read')
  await expect(reads).toHaveCount(expected.reads.length)
  for (const [i, r] of expected.reads.entries())
    await expect(reads.nth(i)).toContainText(r.value === null ? 'not found' : 'found')
})

test('the read right after the write misses the todo, the later one sees it', async ({ page }) => {
  await page.goto('./')
  await page.getByRole('button', { name: /^Run/ }).click()
  const reads = page.getByTestId('read')
  await expect(reads.first()).toContainText('not found')
  await expect(reads.first()).toContainText('stale')
  await expect(reads.last()).toContainText('found (fresh)')
})

test('the result is accessible and readable at 1280x800', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto('./')
  await page.getByRole('button', { name: /^Run/ }).focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('table', { name: 'Projections at the end of the run' })).toBeVisible()
  const { violations } = await new AxeBuilder({ page }).analyze()
  const severe = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(severe.map((v) => `${v.id}: ${v.help}`)).toEqual([])
  // A string, because the e2e specs are type-checked without the DOM library.
  const overflow = await page.evaluate<number>(
    'document.documentElement.scrollWidth - document.documentElement.clientWidth',
  )
  expect(overflow).toBeLessThanOrEqual(0)
  await page.screenshot({ path: 'reports/screenshots/first-run-1280.png', fullPage: true })
})

test('the out-of-order scenario shows the naive read model wrong and the ordered one right', async ({
  page,
}) => {
  const expected = simulate(load(outOfOrder))
  await page.goto('./')
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption({ label: expected.name })
  await page.getByRole('button', { name: `Run “${expected.name}”` }).click()
  for (const id of ['naive', 'idempotent', 'ordered', 'order-tolerant']) {
    const state = page.getByTestId(`projection-${id}`).getByTestId('state')
    await expect(state).toHaveText(expected.projections[id]?.consistent ? /^converged/ : 'diverged')
  }
  await expect(page.getByTestId('anomaly').filter({ hasText: 'resurrection' })).toHaveCount(1)
  const { violations } = await new AxeBuilder({ page }).analyze()
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([])
  await page.screenshot({ path: 'reports/screenshots/out-of-order.png', fullPage: true })
})
