import { expect, type Page } from '@playwright/test'
import type { ScenarioInput } from '../src/core/index.ts'

/** Imports a scenario as a file through the app's Import button, and opens its run paused. */
export async function startImported(page: Page, scenario: ScenarioInput): Promise<void> {
  await page.goto('./')
  await page.locator('#import-file').setInputFiles({
    name: 'scenario.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(scenario)),
  })
  await expect(page.getByTestId('notice')).toContainText('as a saved scenario')
  await page.getByRole('button', { name: `Start “${scenario.name}”`, exact: true }).click()
  await expect(page.getByRole('slider', { name: 'Time' })).toBeVisible()
}
