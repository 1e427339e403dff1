import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'

test('the app loads under a sub-path with its heading and no console errors', async ({ page }) => {
  const errors: string[] = []
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text())
  })
  page.on('pageerror', (error) => errors.push(error.message))

  await page.goto('./')

  await expect(page.getByRole('heading', { level: 1, name: 'Eventually' })).toBeVisible()
  await expect(page.getByRole('main')).toBeVisible()
  expect(errors).toEqual([])
})

test('the page has no serious or critical accessibility violations', async ({ page }) => {
  await page.goto('./')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()

  const { violations } = await new AxeBuilder({ page }).analyze()
  const severe = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(severe.map((v) => `${v.id}: ${v.help}`)).toEqual([])
})
