/**
 * Builds the storage bench page (bench/browser/) with Vite, serves it, and drives it in Chromium.
 * A production build rather than the dev server: the code measured is the code users run, and the
 * dev server's on-demand dependency optimisation could reload the page in the middle of a round.
 * Everything (build, Vite cache, browser profile) goes to one temp folder, removed by `close`.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, statfsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type BrowserContext, type Page } from '@playwright/test'
import { build, preview, type InlineConfig } from 'vite'
import { CHROMIUM_ARGS } from '../e2e/browser'
import type { StorageBench } from './browser/api'

const ROOT = fileURLToPath(new URL('./browser/', import.meta.url))
const SYSTEM_CHROMIUM = '/usr/bin/chromium'
/** `statfs` magic of tmpfs: a profile there would keep IndexedDB in memory after all. */
const TMPFS = 0x01021994

/** Debian's Chromium unless CHROMIUM_PATH says otherwise; Playwright's own as a last resort. */
export function executable(): string {
  const override = process.env['CHROMIUM_PATH']
  if (override) return override
  return existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : chromium.executablePath()
}

type Callable = (...args: unknown[]) => unknown

export interface BenchPage {
  /** Calls a function of `window.storageBench` and awaits its result. */
  call<K extends keyof StorageBench>(
    name: K,
    ...args: Parameters<StorageBench[K]>
  ): ReturnType<StorageBench[K]>
  /** Reloads the page: a fresh JavaScript heap and database connection, as an app reload. */
  reload(): Promise<void>
  /** Closes the browser and starts it again on the same profile. */
  restart(): Promise<void>
  close(): Promise<void>
  /** `chromium --version`, and where the profile lives. */
  readonly browser: string
  readonly profile: string
}

export async function openBenchPage(log: (line: string) => void): Promise<BenchPage> {
  const work = mkdtempSync(join(tmpdir(), 'eventually-storage-bench-'))
  const config: InlineConfig = {
    root: ROOT,
    base: './',
    configFile: false,
    logLevel: 'warn',
    // Not node_modules/.vite: keep the bench's cache out of the shared install.
    cacheDir: join(work, 'vite'),
    build: { outDir: join(work, 'dist'), emptyOutDir: true },
    preview: { host: '127.0.0.1', port: 4317 },
  }
  log('building the bench page...')
  await build(config)
  const server = await preview(config)
  const url = server.resolvedUrls?.local[0]
  if (!url) throw new Error('vite preview did not say where it listens')

  const executablePath = executable()
  const profile = join(work, 'profile')
  // A persistent context keeps IndexedDB on disk; Playwright's default context keeps it in
  // memory, which is 1.35-1.6x faster (TOOLCHAIN.md). --expose-gc lets the page collect before
  // each timing.
  const launch = () =>
    chromium.launchPersistentContext(profile, {
      executablePath,
      args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc'],
      headless: true,
    })
  let context: BrowserContext = await launch()
  let page: Page = await visit(context, url)
  const version = execFileSync(executablePath, ['--version'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  }).trim()
  const disk = statfsSync(profile).type === TMPFS ? 'tmpfs, in memory' : 'on disk'
  return {
    // The function runs in the page, where the bench page put `storageBench` on window.
    call: ((name: string, ...args: unknown[]) =>
      page.evaluate(
        ([name, args]) => {
          const api = globalThis as unknown as { storageBench: Record<string, Callable> }
          return api.storageBench[name]?.(...args)
        },
        [name, args] as const,
      )) as BenchPage['call'],
    async reload() {
      await page.reload()
      await page.waitForSelector('body[data-ready]', { state: 'attached' })
    },
    async restart() {
      await context.close()
      context = await launch()
      page = await visit(context, url)
    },
    async close() {
      await context.close()
      await server.close()
      rmSync(work, { recursive: true, force: true })
    },
    browser: `${version} (${executablePath})`,
    profile: `a fresh profile in ${tmpdir()} (${disk})`,
  }
}

async function visit(context: BrowserContext, url: string): Promise<Page> {
  const page = context.pages()[0] ?? (await context.newPage())
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`))
  await page.goto(url)
  await page.waitForSelector('body[data-ready]', { state: 'attached' })
  return page
}
