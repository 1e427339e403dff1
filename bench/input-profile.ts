/**
 * Where the page's main thread spends a fast-forward: a CPU profile taken through DevTools while
 * the app runs, reduced to self time per source file and per function. The app is built
 * unminified (bench/app-page.ts), and the bundle keeps a `// path` comment before each module, so
 * a sample's line in the bundle says which source file it came from.
 */
import type { AppPage } from './app-page'
import type { LongFrame } from './browser/input-api'
import type { Share } from './profile'

export interface RunProfile {
  /** Wall time of the profiled run, from the click to its summary on screen. */
  readonly ms: number
  readonly samples: number
  /** Share of the samples with the main thread idle (free for input). */
  readonly idle: number
  readonly files: readonly Share[]
  readonly functions: readonly Share[]
}

interface CallFrame {
  readonly functionName: string
  readonly url: string
  readonly lineNumber: number
}
interface ProfileNode {
  readonly id: number
  readonly callFrame: CallFrame
}
interface CpuProfile {
  readonly nodes: readonly ProfileNode[]
  readonly samples?: readonly number[]
}

export async function profileRun(app: AppPage, run: () => Promise<void>): Promise<RunProfile> {
  const cdp = await app.cdp()
  try {
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 })
    await cdp.send('Profiler.start')
    const t0 = performance.now()
    await run()
    const wall = performance.now() - t0
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile }
    return { ms: wall, ...(await summarize(profile)) }
  } finally {
    await cdp.detach()
  }
}

async function summarize(profile: CpuProfile): Promise<Omit<RunProfile, 'ms'>> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n.callFrame]))
  const modules = new Map<string, Module[]>()
  for (const { url } of byId.values())
    if (url.endsWith('.js') && !modules.has(url)) modules.set(url, await modulesOf(url))
  const files = new Map<string, number>()
  const functions = new Map<string, number>()
  let total = 0
  let idle = 0
  for (const id of profile.samples ?? []) {
    const frame = byId.get(id)
    if (!frame) continue
    total++
    if (frame.functionName === '(idle)') {
      idle++
      continue
    }
    const file = frame.url ? fileAt(modules.get(frame.url) ?? [], frame.lineNumber) : ''
    const fn = frame.functionName || '(anonymous)'
    add(functions, file ? `${fn} (${file})` : fn)
    add(files, file || fn)
  }
  const busy = total - idle
  return {
    samples: total,
    idle: idle / Math.max(1, total),
    files: ranked(files, busy),
    functions: ranked(functions, busy),
  }
}

interface Module {
  readonly line: number
  /** Character offset of the module's first line in the bundle. */
  readonly offset: number
  readonly path: string
}

/** The `// path` comments that open each module in the unminified bundle, with their lines. */
async function modulesOf(url: string): Promise<Module[]> {
  const text = await (await fetch(url)).text()
  const found: Module[] = []
  let offset = 0
  text.split('\n').forEach((line, i) => {
    const m = /^\/\/ (\S+\.(?:[cm]?js|tsx?))$/.exec(line)
    if (m?.[1]) found.push({ line: i, offset, path: shorten(m[1]) })
    offset += line.length + 1
  })
  return found
}

/**
 * Names the scripts of long animation frames by source file, summed over the frames, longest
 * first: "IDBRequest.onsuccess → (anonymous) in dexie (dependency)".
 */
export async function scriptTimes(
  frames: readonly LongFrame[],
): Promise<{ readonly name: string; readonly ms: number }[]> {
  const modules = new Map<string, Module[]>()
  const by = new Map<string, number>()
  for (const f of frames)
    for (const s of f.scripts) {
      let file = ''
      if (s.sourceURL.endsWith('.js')) {
        if (!modules.has(s.sourceURL)) modules.set(s.sourceURL, await modulesOf(s.sourceURL))
        let found = ''
        for (const m of modules.get(s.sourceURL) ?? []) {
          if (m.offset > s.charPosition) break
          found = m.path
        }
        file = found || 'bundle'
      }
      const name = `${s.invoker} → ${s.functionName || '(anonymous)'}${file ? ` in ${file}` : ''}`
      by.set(name, (by.get(name) ?? 0) + s.duration)
    }
  return [...by].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms)
}

/** `src/...` as it is; a dependency by its package name. */
function shorten(path: string): string {
  const dep = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)
  return dep?.[1] ? `${dep[1]} (dependency)` : path
}

/** The module holding a (0-based) line of the bundle. */
function fileAt(modules: readonly Module[], line: number): string {
  let found = ''
  for (const m of modules) {
    if (m.line > line) break
    found = m.path
  }
  return found || 'bundle'
}

function add(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1)
}

/** Shares of the busy samples (idle left out). */
function ranked(map: Map<string, number>, busy: number): Share[] {
  return [...map]
    .map(([name, n]) => ({ name, share: n / Math.max(1, busy) }))
    .sort((a, b) => b.share - a.share)
}
