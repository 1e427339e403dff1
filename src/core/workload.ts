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
  // A workload alone is in time order already: merging would copy a hundred thousand commands.
  if (scenario.commands.length === 0) return generated
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
  // Names and weights in parallel arrays, and a flag per key number: this loop runs once per
  // command, and iterating entries or hashing into a Set there cost a noticeable share of a run.
  const mix = Object.entries(w.mix).filter(([, weight]) => weight > 0)
  const names = mix.map(([name]) => name)
  const weights = mix.map(([, weight]) => weight)
  const total = weights.reduce((s, weight) => s + weight, 0)
  const client = w.client ?? 'workload'
  const created = new Uint8Array(w.keys + 1)
  const out: CommandSpec[] = []
  let t = w.start ?? 0
  const meanGap = 1000 / w.rate
  while (out.length < w.count) {
    t += -meanGap * Math.log(1 - rng.next())
    if (t > scenario.until) break
    const at = roundTime(t)
    const key = 1 + rng.int(w.keys)
    let pick = rng.next() * total
    let type = names[names.length - 1] as string
    for (let i = 0; i < names.length; i++) {
      pick -= weights[i] as number
      if (pick < 0) {
        type = names[i] as string
        break
      }
    }
    if (created[key] === 0) {
      created[key] = 1
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
