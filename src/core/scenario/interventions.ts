import { z } from 'zod'
import { domains } from '../domains'
import { NEWEST_BY } from '../domains/tolerant'
import { HANDLER_NAMES } from '../engine/handlers'
import { distributionSchema } from './distribution'
import { formatPath, type ScenarioProblem } from './parse'
import { quote } from './references'
import {
  boundedMessage,
  boundedNeedsABound,
  count,
  interval,
  name,
  probability,
  readMode,
  time,
  type Scenario,
} from './schema'

/**
 * What a learner does to a run while it goes on: issue a command or a query by hand, change a
 * link, cut it off and heal it, crash a projection and restart it, or be the network itself
 * (hold the messages and deliver, drop or duplicate them one by one). A run is its scenario plus
 * the list of its interventions, so a link that carries both reproduces the run exactly.
 *
 * Each intervention is stamped with where it happened: `step`, the number of engine steps taken
 * before it, and `at`, the simulated time. Time alone is not enough: several things can happen
 * at one instant, and a learner who stepped to the second of them and acted then must see the
 * same run when the link is opened again. The engine applies an intervention once it has taken
 * `step` steps and the next scheduled item is not earlier than `at`.
 */
export const MAX_INTERVENTIONS = 10_000

const where = { at: time, step: count(1e9) }
const target = { ...where, projection: name }
/** A held message's id (see `hold`): the engine numbers them 1, 2, ... as they are held. */
const message = count(1e9)

const command = z.strictObject({
  type: z.string().min(1, 'must not be empty').max(64, 'must be at most 64 characters'),
  data: z.record(z.string(), z.unknown()),
  client: name.optional(),
  expectedVersion: count(1e9).optional(),
})

const read = z
  .strictObject({
    projection: name,
    key: z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
    ...readMode,
    client: name.optional(),
  })
  .refine(boundedNeedsABound, boundedMessage)

export const interventionSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('command'), ...where, command }),
  z.strictObject({ type: z.literal('read'), ...where, read }),
  /** New link settings from now on; the fields left out keep their values. */
  z.strictObject({
    type: z.literal('link'),
    ...target,
    latency: distributionSchema.optional(),
    loss: probability.optional(),
    duplicate: probability.optional(),
    reorder: z.strictObject({ p: probability, extra: distributionSchema }).optional(),
  }),
  /** New delivery settings within the projection's mode (push or pull). */
  z.strictObject({
    type: z.literal('delivery'),
    ...target,
    guarantee: z.enum(['at-least-once', 'at-most-once']).optional(),
    ackTimeout: interval.optional(),
    interval: interval.optional(),
    batch: count(100_000, 1).optional(),
  }),
  z.strictObject({ type: z.literal('partition'), ...target }),
  z.strictObject({ type: z.literal('heal'), ...target }),
  z.strictObject({ type: z.literal('crash'), ...target }),
  z.strictObject({ type: z.literal('restart'), ...target }),
  /** Rebuilds the read model from the store, with another handler if one is given. */
  z.strictObject({
    type: z.literal('rebuild'),
    ...target,
    handler: z.enum(HANDLER_NAMES).optional(),
    newestBy: z.enum(NEWEST_BY).optional(),
  }),
  /**
   * The learner becomes the network (`on: true`) or gives it back (`on: false`), for the whole
   * run. While on, every message that carries events to a projection (a pushed copy, or a store's
   * answer with events: a poll's, a gap fetch's, a read's catch-up or repair) is held under a
   * message id instead of crossing the link, whose latency, loss and duplication then do not
   * apply to it. What carries no events stays automatic: requests, polls, empty answers,
   * acknowledgements and timers, so at-least-once push still redelivers what is not acknowledged
   * in time, as a new held message. Turning it off changes only the messages sent from then on:
   * the held ones stay held until the learner delivers or drops them.
   */
  z.strictObject({ type: z.literal('hold'), ...where, on: z.boolean() }),
  /**
   * The held message arrives now, as if the link had brought it: a partition since it was sent
   * or a crashed service still blocks it. Reordering is delivering held messages in any order.
   */
  z.strictObject({ type: z.literal('deliver'), ...where, message }),
  /** The held message is lost now; an at-least-once publisher redelivers it after ackTimeout. */
  z.strictObject({ type: z.literal('drop'), ...where, message }),
  /** A copy of the held message arrives now (the network's duplicate); the message stays held. */
  z.strictObject({ type: z.literal('duplicate'), ...where, message }),
])

export type Intervention = z.output<typeof interventionSchema>
export type InterventionType = Intervention['type']
/** An intervention as the learner makes it, before the engine stamps where it happened. */
export type InterventionInput = Intervention extends infer I
  ? I extends Intervention
    ? Omit<I, 'at' | 'step'>
    : never
  : never

const listSchema = z
  .array(interventionSchema)
  .max(MAX_INTERVENTIONS, `may hold at most ${MAX_INTERVENTIONS} interventions`)

export type InterventionsResult =
  | { readonly ok: true; readonly interventions: Intervention[] }
  | { readonly ok: false; readonly problems: readonly ScenarioProblem[] }

/**
 * Validates an untrusted list of interventions against the scenario they belong to: shapes,
 * projections that exist, commands the domain knows with data it accepts, settings that fit the
 * projection's delivery mode, and the order in which they happened. All or nothing.
 */
export function parseInterventions(input: unknown, scenario: Scenario): InterventionsResult {
  const parsed = listSchema.safeParse(input)
  if (!parsed.success)
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => ({
        path: formatPath(['interventions', ...issue.path]),
        message: issue.message,
      })),
    }
  const problems: ScenarioProblem[] = []
  const add = (i: number, path: (string | number)[], message: string) =>
    problems.push({ path: formatPath(['interventions', i, ...path]), message })
  const domain = domains[scenario.domain]
  const projections = new Map(scenario.projections.map((p) => [p.id, p]))
  parsed.data.forEach((iv, i) => {
    const previous = parsed.data[i - 1]
    if (previous && (iv.step < previous.step || iv.at < previous.at))
      add(i, ['step'], 'must not come before the intervention listed before it')
    const id = 'projection' in iv ? iv.projection : iv.type === 'read' ? iv.read.projection : null
    const projection = id === null ? undefined : projections.get(id)
    if (id !== null && !projection)
      add(
        i,
        iv.type === 'read' ? ['read', 'projection'] : ['projection'],
        `unknown projection ${quote(id)}`,
      )
    if (iv.type === 'command') {
      const schema = Object.hasOwn(domain.commands, iv.command.type)
        ? domain.commands[iv.command.type]
        : undefined
      if (!schema)
        add(
          i,
          ['command', 'type'],
          `unknown command for domain ${domain.name} (known: ${Object.keys(domain.commands).join(', ')})`,
        )
      else
        for (const issue of schema.safeParse(iv.command.data).error?.issues ?? [])
          add(i, ['command', 'data', ...(issue.path as (string | number)[])], issue.message)
    }
    if (iv.type === 'rebuild' && projection && iv.newestBy !== undefined) {
      const handler = iv.handler ?? projection.handler
      if (handler !== 'order-tolerant')
        add(i, ['newestBy'], 'newestBy needs the order-tolerant handler')
    }
    if (iv.type === 'delivery' && projection) {
      const mode = projection.delivery.mode
      const wrong =
        mode === 'push'
          ? (['interval', 'batch'] as const).filter((k) => iv[k] !== undefined)
          : (['guarantee', 'ackTimeout'] as const).filter((k) => iv[k] !== undefined)
      for (const k of wrong) add(i, [k], `does not apply to ${mode} delivery`)
    }
  })
  return problems.length > 0 ? { ok: false, problems } : { ok: true, interventions: parsed.data }
}
