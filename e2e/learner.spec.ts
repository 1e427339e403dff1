import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { outOfOrder } from '../src/scenarios/index.ts'

/**
 * The learner as the network, on the out-of-order lesson: nothing arrives by itself, and the
 * order the learner chooses decides which read models end up right. Needs the LearnerNetwork
 * component placed in the playground (the network column).
 */

const name = outOfOrder.name ?? ''
const EVENTS = 7
const TYPES = [
  'NameChanged',
  'NameChanged',
  'WarehouseCharacteristicsDecided',
  'EventPublished',
  'EventPublished',
  'ThingCreated',
  'ThingDeleted',
]

/** The button that acts on the held message carrying `position` to `projection`. */
function button(page: Page, verb: 'Deliver' | 'Drop' | 'Duplicate', projection: string, n: number) {
  const type = TYPES[n - 1] ?? ''
  return page.getByRole('button', {
    name: new RegExp(`^${verb} message \\d+ \\(#${n} ${type} to ${projection}\\)$`),
  })
}

test('the learner delivers out of order, duplicates and drops, and the read models show it', async ({
  page,
}) => {
  // About forty clicks, each acting on the run and re-rendering the page.
  test.setTimeout(120_000)
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto('./')
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption({ label: name })
  await page.getByRole('button', { name: `Start “${name}”` }).click()

  const toggle = page.getByRole('button', { name: 'You are the network' })
  await expect(toggle).toHaveAttribute('aria-pressed', 'false')
  await toggle.click()
  await expect(toggle).toHaveAttribute('aria-pressed', 'true')
  await expect(
    page.getByText('Nothing on the wire: issue a command or press Play/Step'),
  ).toBeVisible()

  // Step until every command has been published: nothing is delivered meanwhile.
  const step = page.getByRole('button', { name: 'Step forward' })
  for (let i = 0; i < 30 && !(await button(page, 'Deliver', 'naive', EVENTS).isVisible()); i++)
    await step.click()
  for (let n = 1; n <= EVENTS; n++)
    for (const p of ['naive', 'idempotent', 'ordered', 'order-tolerant'])
      await expect(button(page, 'Deliver', p, n)).toBeVisible()
  await expect(page.getByTestId('arrivals-naive')).toContainText('nothing yet')

  const { violations } = await new AxeBuilder({ page }).analyze()
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([])
  const overflow = await page.evaluate<number>(
    'document.documentElement.scrollWidth - document.documentElement.clientWidth',
  )
  expect(overflow).toBeLessThanOrEqual(0)
  await page.screenshot({ path: 'reports/screenshots/learner-network.png', fullPage: true })

  // naive: "Annie" (#2) before "Anna" (#1): the older name wins.
  for (const n of [2, 1, 3, 4, 5, 6, 7]) await button(page, 'Deliver', 'naive', n).click()
  await expect(page.getByTestId('arrivals-naive').getByRole('listitem').nth(0)).toHaveText(
    '#2 NameChanged applied',
  )
  await expect(page.getByTestId('arrivals-naive').getByRole('listitem').nth(1)).toHaveText(
    '#1 NameChanged applied',
  )

  // ordered: everything backwards; it buffers until #1 comes, then applies in order.
  for (let n = EVENTS; n >= 1; n--) await button(page, 'Deliver', 'ordered', n).click()
  await expect(page.getByTestId('arrivals-ordered').getByRole('listitem').first()).toHaveText(
    '#7 ThingDeleted buffered',
  )

  // idempotent: in order, with a copy of the warehouse decision on top; the copy is skipped.
  await button(page, 'Duplicate', 'idempotent', 3).click()
  await expect(button(page, 'Deliver', 'idempotent', 3)).toBeVisible()
  for (let n = 1; n <= EVENTS; n++) await button(page, 'Deliver', 'idempotent', n).click()

  // order-tolerant: the warehouse decision is lost, and a scripted link never sends it again.
  await button(page, 'Drop', 'order-tolerant', 3).click()
  await expect(button(page, 'Deliver', 'order-tolerant', 3)).toHaveCount(0)
  for (const n of [1, 2, 4, 5, 6, 7]) await button(page, 'Deliver', 'order-tolerant', n).click()

  await expect(
    page.getByText('Nothing on the wire: issue a command or press Play/Step'),
  ).toBeVisible()
  await page.getByRole('button', { name: 'Jump to end' }).click()
  await expect(page.getByRole('heading', { name: `Result: ${name}` })).toBeVisible()
  const state = (id: string) => page.getByTestId(`projection-${id}`).getByTestId('state')
  await expect(state('naive')).toHaveText('diverged')
  await expect(state('ordered')).toHaveText(/^converged/)
  await expect(state('idempotent')).toHaveText(/^converged/)
  await expect(state('order-tolerant')).toHaveText('diverged')
})
