/**
 * The glossary panel: opened from the header's button and by the `g` key, filtered, followed
 * from one entry to another, closed with Escape with focus given back; accessible, and readable
 * on a projector.
 */
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { glossary } from '../src/scenarios/glossary.ts'

const headerButton = (page: Page) => page.getByRole('button', { name: 'Glossary', exact: true })
const panel = (page: Page) => page.getByRole('complementary', { name: 'Glossary' })
const filter = (page: Page) => panel(page).getByRole('searchbox', { name: 'Filter terms' })
const entry = (page: Page, term: string) => panel(page).locator(`[data-term="${term}"]`)
const terms = (page: Page) => panel(page).locator('dt')

async function open(page: Page): Promise<void> {
  await page.goto('./')
  await expect(page.getByRole('heading', { level: 1, name: 'Eventually' })).toBeVisible()
}

test('the header button opens the glossary at the filter, and Escape closes it', async ({
  page,
}) => {
  await open(page)
  await expect(panel(page)).toHaveCount(0)
  await headerButton(page).click()
  await expect(panel(page)).toBeVisible()
  await expect(headerButton(page)).toHaveAttribute('aria-expanded', 'true')
  await expect(terms(page)).toHaveCount(glossary.length)
  await expect(terms(page).first()).toHaveText(glossary[0]?.term ?? '')
  await expect(filter(page)).toBeFocused()

  await page.keyboard.press('Escape')
  await expect(panel(page)).toHaveCount(0)
  await expect(headerButton(page)).toBeFocused()
  await expect(headerButton(page)).toHaveAttribute('aria-expanded', 'false')
})

test('g opens and closes the glossary, but types a g in a text field', async ({ page }) => {
  await open(page)
  await page.keyboard.press('g')
  await expect(panel(page)).toBeVisible()
  await expect(filter(page)).toBeFocused()
  // Typing in the filter is typing, not the shortcut.
  await page.keyboard.type('stag')
  await expect(filter(page)).toHaveValue('stag')
  await expect(panel(page)).toBeVisible()
  // From outside a text field, g closes it again.
  await panel(page).getByRole('button', { name: 'Close' }).focus()
  await page.keyboard.press('g')
  await expect(panel(page)).toHaveCount(0)
})

test('the filter narrows the list, and a "see" link jumps to its entry', async ({ page }) => {
  await open(page)
  await headerButton(page).click()
  await filter(page).fill('stale')
  await expect(terms(page)).toHaveText(['stale read', 'staleness'])
  await expect(panel(page).getByRole('status')).toHaveText(`2 of ${glossary.length} terms`)

  // "read mode" is hidden by the filter: following the link clears it and lands on the entry.
  await entry(page, 'stale read').getByRole('button', { name: 'read mode' }).click()
  await expect(filter(page)).toHaveValue('')
  await expect(terms(page)).toHaveCount(glossary.length)
  const readMode = entry(page, 'read mode')
  await expect(readMode).toHaveClass(/current/)
  await expect(readMode.locator('dt')).toBeFocused()
  await expect(readMode.locator('dt')).toBeInViewport()

  // And on from there; Escape still gives focus back to the header's button.
  await readMode.getByRole('button', { name: 'read repair' }).click()
  await expect(entry(page, 'read repair').locator('dt')).toBeFocused()
  await expect(panel(page).locator('.glossary-entry.current')).toHaveCount(1)
  await page.keyboard.press('Escape')
  await expect(panel(page)).toHaveCount(0)
  await expect(headerButton(page)).toBeFocused()
})

test('the glossary is accessible and readable, also in presenter mode at 1920x1080', async ({
  page,
}) => {
  test.setTimeout(60_000) // two axe scans and two screenshots
  await page.setViewportSize({ width: 1920, height: 1080 })
  await open(page)
  await headerButton(page).click()
  await filter(page).fill('read')
  await entry(page, 'stale read').getByRole('button', { name: 'staleness' }).click()
  await expect(entry(page, 'staleness').locator('dt')).toBeFocused()

  const scan = async () => {
    const { violations } = await new AxeBuilder({ page }).analyze()
    expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([])
  }
  await scan()
  await page.screenshot({ path: 'reports/screenshots/glossary.png' })

  await page.getByRole('button', { name: 'Presenter mode' }).click()
  await entry(page, 'staleness').getByRole('button', { name: 'lag' }).click()
  await expect(entry(page, 'lag').locator('dt')).toBeInViewport()
  await scan()
  // The panel fits the window: nothing sticks out sideways.
  const box = await panel(page).boundingBox()
  expect(box && box.x + box.width).toBeLessThanOrEqual(1920)
  const overflow = await panel(page).evaluate(
    (e: { scrollWidth: number; clientWidth: number }) => e.scrollWidth - e.clientWidth,
  )
  expect(overflow).toBeLessThanOrEqual(0)
  await page.screenshot({ path: 'reports/screenshots/glossary-presenter.png' })
})
