/**
 * The app itself, built with the project's Vite config and served by `vite preview` on a free
 * port, open in headless Chromium on a fresh on-disk profile (IndexedDB as a user has it), with
 * the input probe (bench/browser/input-probe.ts) injected before the app's scripts. As
 * bench/bench-page.ts does for the storage bench page, everything goes to one temp folder that
 * `close` removes.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type BrowserContext, type CDPSession, type Page } from '@playwright/test'
import { build, preview, transformWithOxc, type InlineConfig } from 'vite'
import { CHROMIUM_ARGS } from '../e2e/browser'
import { executable } from './bench-page'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const PROBE = fileURLToPath(new URL('./browser/input-probe.ts', import.meta.url))

export interface AppPage {
  readonly page: Page
  /** A DevTools session on the page, for a CPU profile. */
  cdp(): Promise<CDPSession>
  close(): Promise<void>
  /** `chromium --version`. */
  readonly browser: string
}

/** A port nobody listens on now (another checkout may be running its own bench or e2e). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      )
    })
  })
}

export async function openAppPage(log: (line: string) => void): Promise<AppPage> {
  const work = mkdtempSync(join(tmpdir(), 'eventually-input-bench-'))
  const config: InlineConfig = {
    root: ROOT,
    configFile: join(ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    cacheDir: join(work, 'vite'),
    // Unminified, so that long animation frames and profiles name the app's functions; the code
    // is otherwise the production build (React's production bundle, the same modules).
    build: { outDir: join(work, 'dist'), emptyOutDir: true, minify: false },
    preview: { host: '127.0.0.1', port: await freePort(), strictPort: true },
  }
  log('input: building the app...')
  await build(config)
  const server = await preview(config)
  const url = server.resolvedUrls?.local[0]
  if (!url) throw new Error('vite preview did not say where it listens')

  // A classic script: the types stripped, and the `export {}` that marks a module dropped.
  const probe = (
    await transformWithOxc(readFileSync(PROBE, 'utf8'), PROBE, { lang: 'ts' })
  ).code.replace(/^export \{\};?$/m, '')
  const executablePath = executable()
  let context: BrowserContext | null = null
  try {
    context = await chromium.launchPersistentContext(join(work, 'profile'), {
      executablePath,
      args: CHROMIUM_ARGS,
      headless: true,
      viewport: { width: 1280, height: 900 },
    })
    await context.addInitScript({ content: probe })
    const page = context.pages()[0] ?? (await context.newPage())
    page.on('pageerror', (error) => console.error(`page error: ${error.message}`))
    await page.goto(url)
    const version = execFileSync(executablePath, ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim()
    const opened = context
    return {
      page,
      cdp: () => opened.newCDPSession(page),
      async close() {
        await opened.close()
        await server.close()
        rmSync(work, { recursive: true, force: true })
      },
      browser: `${version} (${executablePath})`,
    }
  } catch (error) {
    await context?.close()
    await server.close()
    rmSync(work, { recursive: true, force: true })
    throw error
  }
}
