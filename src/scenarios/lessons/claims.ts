import { describeRow, rowsEqual, type Row, type TraceView } from '../../core'
import type { Claim } from './types'

/** What a claim is checked against: the run at the instant a step ends. */
export interface LessonWorld {
  readonly trace: TraceView
  /** A projection's local row for a key, null where it has none. */
  readonly local: (projection: string, key: string) => Row | null
  /** The truth's row for a key (every event appended so far, folded), null where none. */
  readonly truth: (key: string) => Row | null
}

export interface CheckedClaim {
  /** The claim agrees with the run. */
  readonly holds: boolean
  /** What the run shows, measured, in one sentence (whether or not the claim holds). */
  readonly text: string
}

/** "{ title: "buy milk", completed: false }", or "no row". */
export function rowText(row: Row | null | undefined): string {
  return row ? describeRow(row) : 'no row'
}

const sameRow = (a: Row | null, b: Row | null) => rowsEqual(a ?? undefined, b ?? undefined)

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`
const ms = (t: number) => `${Math.round(t)} ms`

/** Checks one claim against the run and says, in words, what the run shows. */
export function checkClaim(claim: Claim, world: LessonWorld): CheckedClaim {
  const { trace } = world
  const projectionIndex = (id: string) => trace.projections.indexOf(id)
  switch (claim.kind) {
    case 'read': {
      const read = trace.reads.find((r) => r.index === claim.index)
      if (!read) return { holds: false, text: `Read ${claim.index + 1} has not been answered yet.` }
      const found = read.value !== null
      const who = read.client ? `${read.client} asked` : 'A client asked'
      const text =
        `Read ${claim.index + 1}: ${who} ${trace.projections[read.projection]} for ${read.key} ` +
        `(${read.mode}) at ${ms(read.at)} and got ${found ? rowText(read.value) : '"not found"'} ` +
        `after ${ms(read.answeredAt - read.at)}: ${read.fresh ? 'fresh' : 'stale'}` +
        `${read.repaired ? ', repaired first' : ''}${read.timedOut ? ', after giving up waiting' : ''}, ` +
        `${plural(read.cost, 'message')} sent.`
      const holds =
        (claim.found === undefined || claim.found === found) &&
        (claim.fresh === undefined || claim.fresh === read.fresh) &&
        (claim.repaired === undefined || claim.repaired === read.repaired) &&
        (claim.minCost === undefined || read.cost >= claim.minCost) &&
        (claim.minWait === undefined || read.answeredAt - read.at >= claim.minWait) &&
        (claim.maxWait === undefined || read.answeredAt - read.at <= claim.maxWait) &&
        (claim.timedOut === undefined || read.timedOut === claim.timedOut)
      return { holds, text }
    }
    case 'decision': {
      const read = trace.reads.find((r) => r.command === claim.command)
      if (!read)
        return {
          holds: false,
          text: `Command ${claim.command + 1} was not decided through a read (or not yet).`,
        }
      const text =
        `Command ${claim.command + 1} was decided on ${trace.projections[read.projection]}'s ` +
        `${read.key} (${read.mode}): ${rowText(read.value)}, ${read.fresh ? 'fresh' : 'stale'}` +
        `${read.repaired ? ' once repaired' : ''}.`
      return { holds: read.fresh === claim.fresh, text }
    }
    case 'anomaly': {
      const found = trace.anomalies.filter(
        (a) =>
          a.type === claim.type &&
          (claim.projection === undefined || a.projection === claim.projection),
      )
      const where = claim.projection ?? 'All projections'
      const name = claim.type.replaceAll('-', ' ')
      const text =
        found.length === 0
          ? `${where}: no ${name}.`
          : `${where}: ${plural(found.length, name)}, the first at ${ms(found[0]?.at ?? 0)}.`
      return { holds: found.length > 0 === claim.present, text }
    }
    case 'row': {
      const row = world.local(claim.projection, claim.key)
      return {
        holds: sameRow(row, claim.equals),
        text: `${claim.projection} holds ${claim.key} = ${rowText(row)}.`,
      }
    }
    case 'truth': {
      const row = world.truth(claim.key)
      return {
        holds: sameRow(row, claim.equals),
        text: `The truth (the event store folded) holds ${claim.key} = ${rowText(row)}.`,
      }
    }
    case 'rejected': {
      const refused = trace.rejected.filter(
        (r) => r.type === claim.type && (claim.client === undefined || r.client === claim.client),
      )
      const first = refused[0]
      const text = first
        ? `${first.type}${first.client ? ` from ${first.client}` : ''} was refused at ${ms(first.at)}: ${first.reason}.`
        : `No ${claim.type}${claim.client ? ` from ${claim.client}` : ''} was refused.`
      return { holds: refused.length > 0 === claim.present, text }
    }
    case 'out-of-order': {
      const p = projectionIndex(claim.projection)
      const n = trace.deliveries.filter((d) => d.projection === p && d.outOfOrder).length
      return {
        holds: n > 0 === claim.present,
        text:
          n === 0
            ? `${claim.projection}: every event arrived in order.`
            : `${claim.projection}: ${plural(n, 'event')} arrived after a later one.`,
      }
    }
    case 'duplicate': {
      const p = projectionIndex(claim.projection)
      const seen = new Set<number>()
      let again = 0
      for (const d of trace.deliveries) {
        if (d.projection !== p || d.arrivedAt === null) continue
        if (seen.has(d.position)) again += 1
        else seen.add(d.position)
      }
      return {
        holds: again > 0 === claim.present,
        text:
          again === 0
            ? `${claim.projection}: every event arrived once.`
            : `${claim.projection}: ${plural(again, 'copy', 'copies')} of events it already had arrived again.`,
      }
    }
    case 'converged': {
      const at = trace.convergedAt[projectionIndex(claim.projection)] ?? null
      const converged = at !== null && at <= trace.now
      return {
        holds: converged === claim.converged,
        text: converged
          ? `${claim.projection} has equalled the truth since ${ms(at)}.`
          : `${claim.projection} still differs from the truth.`,
      }
    }
    case 'decision-wait': {
      const read = trace.reads.find((r) => r.command === claim.command)
      if (!read)
        return {
          holds: false,
          text: `Command ${claim.command + 1} was not decided through a read (or not yet).`,
        }
      const wait = read.answeredAt - read.at
      const who = read.client ? ` from ${read.client}` : ''
      const text =
        `Command ${claim.command + 1}${who} was sent at ${ms(read.at)} and decided at ` +
        `${ms(read.answeredAt)}: it waited ${ms(wait)} for its ${read.mode} read of ` +
        `${trace.projections[read.projection]}${read.timedOut ? ', then gave up waiting' : ''}, ` +
        `${plural(read.cost, 'message')} sent.`
      const holds =
        (claim.minWait === undefined || wait >= claim.minWait) &&
        (claim.maxWait === undefined || wait <= claim.maxWait) &&
        (claim.timedOut === undefined || read.timedOut === claim.timedOut)
      return { holds, text }
    }
  }
}
