import { domains } from './domains'
import { Rng } from './random'
import type { CommandSpec, Scenario } from './scenario/schema'
import { roundTime } from './time'

/**
 * Expands the scenario's explicit commands and its seeded workload into one list ordered by time.
 * Workload commands arrive as a Poisson process at `rate` per second; a key is created (when the
 * domain needs it) the first time the generator picks it.
 */
export function expandCommands(scenario: Scenario): CommandSpec[] {
  const generated = scenario.workload ? generate(scenario) : []
  // Array.prototype.sort is stable: at equal times explicit commands keep their written order.
  const explicit = [...scenario.commands].sort((a, b) => a.at - b.at)
  // Both lists are in time order; merging keeps explicit commands first at equal times.
  const out: CommandSpec[] = []
  let i = 0
  let j = 0
  while (i < explicit.length || j < generated.length) {
    const e = explicit[i]
    const g = generated[j]
    if (e && (!g || e.at <= g.at)) {
      out.push(e)
      i++
    } else if (g) {
      out.push(g)
      j++
    }
  }
  return out
}

function generate(scenario: Scenario): CommandSpec[] {
  const w = scenario.workload
  if (!w) return []
  const shape = domains[scenario.domain].workload
  const rng = Rng.stream(scenario.seed, 'workload')
  const types = Object.entries(w.mix).filter(([, weight]) => weight > 0)
  const total = types.reduce((s, [, weight]) => s + weight, 0)
  const client = w.client ?? 'workload'
  const created = new Set<number>()
  const out: CommandSpec[] = []
  let t = w.start ?? 0
  const meanGap = 1000 / w.rate
  while (out.length < w.count) {
    t += -meanGap * Math.log(1 - rng.next())
    if (t > scenario.until) break
    const at = roundTime(t)
    const key = 1 + rng.int(w.keys)
    let pick = rng.next() * total
    let type = (types[types.length - 1] as [string, number])[0]
    for (const [name, weight] of types) {
      pick -= weight
      if (pick < 0) {
        type = name
        break
      }
    }
    if (!created.has(key)) {
      created.add(key)
      const creation = shape.create(key, rng)
      if (creation) {
        out.push({ at, type: creation.type, data: creation.data, client })
        if (out.length >= w.count) break
      }
    }
    const command = shape.sample(type, key, out.length, rng)
    out.push({ at, type: command.type, data: command.data, client })
  }
  return out
}
