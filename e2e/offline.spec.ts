/**
 * Classroom networks fail: once loaded, the app works offline (public/sw.js caches what it
 * fetched), and a run still plays from the keyboard with no network at all.
 */
import { expect, test } from '@playwright/test'
import { readAfterWrite } from '../src/scenarios/index.ts'

test('once loaded, the app reloads and runs with the network gone', async ({ page, context }) => {
  await page.goto('./')
  await expect(page.getByRole('heading', { name: 'Eventually', level: 1 })).toBeVisible()
  // The service worker takes over this page, then a reload goes through it and fills its cache.
  await page.waitForFunction(
    () =>
      (globalThis as unknown as { navigator: { serviceWorker: { controller: unknown } } }).navigator
        .serviceWorker.controller !== null,
    null,
    { timeout: 15_000 },
  )
  await page.reload()
  await expect(page.getByRole('heading', { name: 'Eventually', level: 1 })).toBeVisible()
  await context.setOffline(true)
  await page.reload()
  await expect(page.getByRole('heading', { name: 'Eventually', level: 1 })).toBeVisible()
  await page
    .getByRole('combobox', { name: 'Scenario' })
    .selectOption({ label: readAfterWrite.name ?? '' })
  await page
    .getByRole('button', { name: `Run “${readAfterWrite.name}” to the end`, exact: true })
    .click()
  await expect(page.getByRole('heading', { name: /^Result: / })).toBeVisible()
  await expect(page.getByRole('group', { name: /^Space-time diagram/ })).toBeVisible()
  await context.setOffline(false)
})
