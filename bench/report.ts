/**
 * Shared by the benchmark scripts: statistics, the machine's facts, and BENCHMARKS.md, where each
 * benchmark owns one section between `<!-- bench:NAME -->` and `<!-- /bench:NAME -->` and rewrites
 * only that, so benchmarks of other parts (storage, rendering, input) can be added side by side.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { format, resolveConfig } from 'prettier'

export const BENCHMARKS_FILE = new URL('../BENCHMARKS.md', import.meta.url)

/** Replaces a section's text between its markers, or appends the section when it is missing. */
export function replaceSection(doc: string, name: string, body: string): string {
  const open = `<!-- bench:${name} -->`
  const close = `<!-- /bench:${name} -->`
  const section = `${open}\n\n${body.trim()}\n\n${close}`
  const start = doc.indexOf(open)
  const end = doc.indexOf(close)
  if (start < 0 || end < start) return `${doc.trimEnd()}\n\n${section}\n`
  return doc.slice(0, start) + section + doc.slice(end + close.length)
}

/** Rewrites one section of BENCHMARKS.md, formatted as `prettier --check` expects. */
export async function writeSection(name: string, body: string): Promise<void> {
  let doc: string
  try {
    doc = readFileSync(BENCHMARKS_FILE, 'utf8')
  } catch {
    doc = '# Benchmarks\n'
  }
  const path = BENCHMARKS_FILE.pathname
  const options = (await resolveConfig(path)) ?? {}
  writeFileSync(
    BENCHMARKS_FILE,
    await format(replaceSection(doc, name, body), { ...options, filepath: path }),
  )
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const mid = s.length >> 1
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2
}

/** The facts a reader needs to compare figures across machines and days. */
export function machine(): string {
  const cpus = os.cpus()
  const load = os.loadavg()[0]?.toFixed(2) ?? '?'
  return [
    `Node ${process.version} (V8 ${process.versions.v8}), ${os.platform()} ${os.arch()}`,
    `${cpus.length} CPUs (${cpus[0]?.model.trim() ?? 'unknown model'})`,
    `${gib(os.totalmem())} RAM, load average ${load} when the run started`,
    commit(),
  ].join('; ')
}

function commit(): string {
  try {
    const git = (...args: string[]) =>
      execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
    const dirty = git('status', '--porcelain') !== ''
    return `commit ${git('rev-parse', '--short', 'HEAD')}${dirty ? ' with uncommitted changes' : ''}`
  } catch {
    return 'not a git checkout'
  }
}

export const ms = (x: number): string => `${x < 100 ? x.toFixed(1) : Math.round(x)} ms`
export const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MiB`
export const gib = (bytes: number): string => `${(bytes / 2 ** 30).toFixed(1)} GiB`
export const count = (n: number): string => n.toLocaleString('en-US')
export const perSecond = (n: number, millis: number): string => {
  const rate = (n / millis) * 1000
  return rate >= 1e6 ? `${(rate / 1e6).toFixed(2)} M/s` : `${Math.round(rate / 1000)} k/s`
}
export const percent = (x: number): string => `${(x * 100).toFixed(1)} %`
