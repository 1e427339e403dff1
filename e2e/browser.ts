import { existsSync } from 'node:fs'
import { chromium, type LaunchOptions } from '@playwright/test'

// `npx playwright install` cannot download on the CI machine, so Debian's chromium is the
// usual browser there; on a laptop Playwright's own build is preferred when present.
const SYSTEM_CHROMIUM = '/usr/bin/chromium'

// Software rendering in a container: no sandbox, no GPU, small /dev/shm, no phoning home.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]

/** The chromium to launch; `undefined` means Playwright's own, which it finds by itself. */
export function chromiumExecutable(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const override = env['CHROMIUM_PATH']
  if (override) {
    if (!existsSync(override)) throw new Error(`CHROMIUM_PATH=${override} does not exist.`)
    return override
  }
  if (existsSync(chromium.executablePath())) return undefined
  if (existsSync(SYSTEM_CHROMIUM)) return SYSTEM_CHROMIUM
  throw new Error(
    'No Chromium found. Run `npx playwright install chromium`, or `apt-get install chromium` ' +
      '(Debian), or point CHROMIUM_PATH at a Chromium binary.',
  )
}

export function chromiumLaunchOptions(): LaunchOptions {
  const executablePath = chromiumExecutable()
  return executablePath ? { executablePath, args: CHROMIUM_ARGS } : { args: CHROMIUM_ARGS }
}
