import { defineConfig, devices } from '@playwright/test'
import { chromiumLaunchOptions } from './e2e/browser.ts'

// E2E_PORT lets two checkouts run their suites side by side.
const PORT = Number(process.env['E2E_PORT'] ?? 4173)
// Serving under a sub-path, as GitHub Pages does, makes any absolute asset URL fail.
const BASE_PATH = '/eventually/'
const CI = Boolean(process.env['CI'])

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  forbidOnly: CI,
  retries: CI ? 1 : 0,
  ...(CI ? { workers: 2 } : {}),
  // Not test-results/: Playwright empties that folder on every run.
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}${BASE_PATH}`,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: { ...devices['Desktop Chrome'], launchOptions: chromiumLaunchOptions() },
    },
  ],
  // Serves the existing production build; `npm run build` must have run first.
  webServer: {
    command: `npx vite preview --base ${BASE_PATH} --port ${PORT} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${PORT}${BASE_PATH}`,
    reuseExistingServer: !CI,
  },
})
