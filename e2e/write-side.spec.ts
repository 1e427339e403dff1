/**
 * The write side in a real browser: a learner issues commands by hand at the instant shown, sees
 * what the write model decided, and finds the new event among the recent events and in the event
 * store browser, which reads it back from IndexedDB.
 */
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { bookstoreOversell } from '../src/scenarios/index.ts'

const NAME = bookstoreOversell.name ?? ''

async function start(page: Page) {
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto('./')
  await expect(page.getByTestId('storage-status')).toContainText('saved in this browser')
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption({ label: NAME })
  await page.getByRole('button', { name: `Start “${NAME}”` }).click()
  const write = page.getByRole('region', { name: 'Write side' })
  await expect(write.getByRole('button', { name: 'Issue StockBook' })).toBeVisible()
  return write
}

test('commands issued by hand are decided, listed, and land in the store and in IndexedDB', async ({
  page,
}) => {
  const write = await start(page)
  await expect(write).toContainText('Takes effect at 0.00 s')
  await expect(write).toContainText('No events yet: issue a command or press Play')

  // Refused by validation: the field says why, and nothing is issued.
  const qty = write.getByRole('spinbutton', { name: 'qty' })
  await write.getByRole('textbox', { name: 'store' }).fill('s9')
  await write.getByRole('textbox', { name: 'isbn' }).fill('isbn-9')
  await qty.fill('0')
  await write.getByRole('button', { name: 'Issue StockBook' }).click()
  await expect(qty).toHaveAttribute('aria-invalid', 'true')
  await expect(qty).toHaveAccessibleDescription('qty must be at least 1')
  await expect(qty).toBeFocused()
  await expect(write.getByTestId('issued-command')).toHaveCount(0)

  // Rejected by the write model: there is no such book yet.
  await write.getByRole('combobox', { name: 'Command' }).selectOption('SellBook')
  await write.getByRole('textbox', { name: 'store' }).fill('s9')
  await write.getByRole('textbox', { name: 'isbn' }).fill('isbn-9')
  await write.getByRole('textbox', { name: 'Client' }).fill('till-9')
  await write.getByRole('button', { name: 'Issue SellBook' }).click()
  await expect(write.getByTestId('issue-status')).toHaveText(
    'SellBook rejected: book not in stock.',
  )
  const issued = write.getByTestId('issued-command')
  await expect(issued.first()).toContainText('rejected: book not in stock')
  await expect(issued.first()).toContainText('SellBook by till-9')

  // Accepted: the event gets a position, shown in the list, the recent events and IndexedDB.
  await write.getByRole('combobox', { name: 'Command' }).selectOption('StockBook')
  await write.getByRole('textbox', { name: 'store' }).fill('s9')
  await write.getByRole('textbox', { name: 'isbn' }).fill('isbn-9')
  await qty.fill('3')
  await write.getByRole('button', { name: 'Issue StockBook' }).click()
  await expect(write.getByTestId('issue-status')).toHaveText(/^StockBook accepted: event #\d+\.$/)
  const text = (await write.getByTestId('issue-status').textContent()) ?? ''
  const position = text.match(/#(\d+)/)?.[1] ?? ''
  await expect(issued).toHaveCount(2)
  await expect(issued.first()).toContainText(`accepted: event #${position}`)
  await expect(issued.first()).toContainText('{"store":"s9","isbn":"isbn-9","qty":3}')

  const recent = write.getByTestId('recent-event').filter({ hasText: 'book/s9/isbn-9' })
  await expect(recent).toHaveCount(1)
  await expect(recent.getByRole('cell').first()).toHaveText(position)
  await expect(recent).toContainText('BookStocked')

  const store = write.getByRole('region', { name: 'Event store' })
  const stored = store.getByTestId('stored-event').filter({ hasText: 'book/s9/isbn-9' })
  await expect(stored).toHaveCount(1)
  await expect(stored.getByRole('cell').first()).toHaveText(position)
  await expect(stored).toContainText('{"store":"s9","isbn":"isbn-9","qty":3}')
  await store.getByRole('textbox', { name: 'Stream' }).fill('book/s9/isbn-9')
  await expect(store.getByTestId('stored-event')).toHaveCount(1)
  await store.getByRole('textbox', { name: 'Stream' }).fill('')

  // Played on, the scenario's own events join the hand-issued one.
  await page.getByRole('button', { name: 'Jump to end' }).click()
  await expect(write.getByTestId('recent-event')).toHaveCount(4)
  await expect(store.getByTestId('stored-event')).toHaveCount(4)

  const { violations } = await new AxeBuilder({ page }).analyze()
  const severe = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(
    severe.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(', ')})`),
  ).toEqual([])
  const overflow = await page.evaluate<number>(
    'document.documentElement.scrollWidth - document.documentElement.clientWidth',
  )
  expect(overflow).toBeLessThanOrEqual(0)
  await write.screenshot({ path: 'reports/screenshots/write-side-column.png' })
  // From the top, so the sticky playback bar is drawn where it belongs.
  await page.evaluate('window.scrollTo(0, 0)')
  await page.screenshot({ path: 'reports/screenshots/write-side.png', fullPage: true })
})

test('a command issued after the time shown is greyed as later in this run', async ({ page }) => {
  const write = await start(page)
  await page.getByRole('button', { name: 'Step forward' }).click()
  await page.getByRole('button', { name: 'Step forward' }).click()
  await write.getByRole('textbox', { name: 'store' }).fill('s1')
  await write.getByRole('textbox', { name: 'isbn' }).fill('isbn-1')
  await write.getByRole('spinbutton', { name: 'qty' }).fill('2')
  await write.getByRole('button', { name: 'Issue StockBook' }).click()
  const issued = write.getByTestId('issued-command')
  await expect(issued).toContainText(/accepted: event #\d+/)
  await page.getByRole('button', { name: 'Jump to start' }).click()
  await expect(issued).toHaveAttribute('data-outcome', 'later')
  await expect(issued).toContainText('later in this run')

  await page.getByRole('button', { name: 'Presenter mode' }).click()
  await page.evaluate('window.scrollTo(0, 0)')
  await page.screenshot({ path: 'reports/screenshots/write-side-presenter.png', fullPage: true })
})
