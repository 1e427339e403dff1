/**
 * Classroom networks fail: once loaded, the app works offline (public/sw.js caches what it
 * fetched), and a run, a lesson and a comparison still work with no network at all.
 */
import { expect, test } from '@playwright/test'
import { readAfterWrite } from '../src/scenarios/index.ts'
import { lessons } from '../src/scenarios/lessons/index.ts'

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
  // And the lessons: a step's link, reloaded offline, runs and explains itself.
  const lesson = lessons[0]!
  const step = lesson.steps[1]!
  await page.goto(`./#lesson=${lesson.id}&step=${step.id}`)
  await page.reload()
  await expect(page.getByRole('heading', { name: new RegExp(`: ${step.title}$`) })).toBeVisible()
  await page.keyboard.press('PageDown')
  await page.keyboard.press('PageDown')
  await expect(page.getByRole('heading', { name: 'What happened' })).toBeVisible()
  await expect(page.locator('.explanation .claims li.holds')).toHaveCount(step.claims.length)
  await page.getByRole('link', { name: 'Compare' }).click()
  await expect(page.getByRole('table').first()).toBeVisible()
  await context.setOffline(false)
})
