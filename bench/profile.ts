/**
 * Where a function's time goes: a CPU profile taken in-process (the inspector's sampling
 * profiler, as `node --cpu-prof` would take it), reduced to self time per function and per file.
 */
import { Session } from 'node:inspector/promises'
import { relative } from 'node:path'
import { fileURLToPath } from 'node:url'

export interface Share {
  readonly name: string
  /** Fraction of all samples taken while this was on top of the stack. */
  readonly share: number
}

export interface Profile {
  readonly samples: number
  readonly functions: readonly Share[]
  readonly files: readonly Share[]
}

interface ProfileNode {
  readonly id: number
  readonly callFrame: { readonly functionName: string; readonly url: string }
}

const ROOT = fileURLToPath(new URL('..', import.meta.url))

export async function profile(run: () => void, intervalMicros = 100): Promise<Profile> {
  const session = new Session()
  session.connect()
  try {
    await session.post('Profiler.enable')
    await session.post('Profiler.setSamplingInterval', { interval: intervalMicros })
    await session.post('Profiler.start')
    run()
    const { profile } = await session.post('Profiler.stop')
    return summarize(profile.nodes, profile.samples ?? [])
  } finally {
    session.disconnect()
  }
}

function summarize(nodes: readonly ProfileNode[], samples: readonly number[]): Profile {
  const byId = new Map(nodes.map((n) => [n.id, n.callFrame]))
  const functions = new Map<string, number>()
  const files = new Map<string, number>()
  let total = 0
  for (const id of samples) {
    const frame = byId.get(id)
    if (!frame || frame.functionName === '(idle)') continue
    total++
    const file = fileOf(frame.url)
    const fn = frame.functionName || '(anonymous)'
    add(functions, file ? `${fn} (${file})` : fn, 1)
    add(files, file || fn, 1)
  }
  return { samples: total, functions: ranked(functions, total), files: ranked(files, total) }
}

/** A source file relative to the project, "node internals" or "" for V8's own entries. */
function fileOf(url: string): string {
  if (url === '') return ''
  if (url.startsWith('file://')) {
    const path = relative(ROOT, fileURLToPath(url))
    return path.startsWith('node_modules') ? 'node_modules' : path
  }
  return 'node internals'
}

function add(map: Map<string, number>, key: string, n: number): void {
  map.set(key, (map.get(key) ?? 0) + n)
}

function ranked(map: Map<string, number>, total: number): Share[] {
  return [...map]
    .map(([name, n]) => ({ name, share: n / Math.max(1, total) }))
    .sort((a, b) => b.share - a.share)
}
