import { z } from 'zod'
import { domainNames, domains } from '../domains'
import { NEWEST_BY } from '../domains/tolerant'
import { HANDLER_NAMES } from '../engine/handlers'
import { checkPollBudget } from './budget'
import { distributionSchema, MAX_TIME } from './distribution'
import { MAX_PROJECTIONS, quote, unknownProjections } from './references'

export const SCENARIO_FORMAT = 'eventually.scenario/v1'
export { MAX_PROJECTIONS }
export const MAX_ITEMS = 100_000
export const MAX_WORKLOAD = 1_000_000

export const time = z
  .number()
  .min(0, 'must not be negative')
  .max(MAX_TIME, `must be at most ${MAX_TIME} ms`)
export const probability = z
  .number()
  .min(0, 'must be between 0 and 1')
  .max(1, 'must be between 0 and 1')
export const name = z
  .string()
  .min(1, 'must not be empty')
  .max(40, 'must be at most 40 characters')
  .regex(/^[A-Za-z0-9_-]*$/, 'may hold only letters, digits, _ and -') // empty: min's message
export const interval = z
  .number()
  .min(1, 'must be at least 1 ms')
  .max(1e7, 'must be at most 1e7 ms')
// Not `.int()`: in zod 4 it also fails numbers beyond 2^53, so 1e20 was "not a whole number" on
// top of "must be at most". Every bound here is far below 2^53.
export const count = (max: number, min = 0) =>
  z
    .number()
    .min(min, min === 0 ? 'must not be negative' : `must be at least ${min}`)
    .max(max, `must be at most ${max}`)
    .refine(Number.isInteger, 'must be a whole number')

const push = z.strictObject({
  mode: z.literal('push'),
  guarantee: z.enum(['at-least-once', 'at-most-once']).default('at-least-once'),
  ackTimeout: interval.default(200),
})
const pull = z.strictObject({
  mode: z.literal('pull'),
  interval: interval.default(500),
  batch: count(100_000, 1).default(100),
})

const scriptEntry = z.union(
  [
    z.strictObject({ position: count(1e7, 1), at: time }),
    z.strictObject({ position: count(1e7, 1), drop: z.literal(true) }),
  ],
  { error: 'must be { position, at } or { position, drop: true }' },
)

const link = z.strictObject({
  latency: distributionSchema.default({ dist: 'constant', value: 10 }),
  loss: probability.default(0),
  duplicate: probability.default(0),
  reorder: z
    .strictObject({ p: probability, extra: distributionSchema })
    .default({ p: 0, extra: { dist: 'uniform', min: 0, max: 500 } }),
  script: z.array(scriptEntry).max(MAX_ITEMS).optional(),
})

/** Handlers and read modes are open enums: the patterns issue adds values, not a format version. */
export const HANDLERS = HANDLER_NAMES
export const READ_MODES = [
  'eventual',
  'strong',
  'read-your-writes',
  'read-repair',
  'bounded',
] as const

const projection = z.strictObject({
  id: name,
  handler: z.enum(HANDLERS).default('naive'),
  /** The ordered handler fetches a gap from the store when it stays open this long (500 ms). */
  gapTimeout: interval.optional(),
  /** `order-tolerant`: whether a newest-value field compares stream versions or timestamps. */
  newestBy: z.enum(NEWEST_BY).optional(),
  delivery: z.discriminatedUnion('mode', [push, pull]).default({
    mode: 'push',
    guarantee: 'at-least-once',
    ackTimeout: 200,
  }),
  link: link.default({
    latency: { dist: 'constant', value: 10 },
    loss: 0,
    duplicate: 0,
    reorder: { p: 0, extra: { dist: 'uniform', min: 0, max: 500 } },
  }),
})

/** How a read is served; shared by reads and by commands decided through a read. */
export const readMode = {
  mode: z.enum(READ_MODES).default('eventual'),
  /** How long a read waits before it answers from the local copy anyway (1000 ms). */
  timeout: interval.optional(),
  /** `bounded`: the local copy is good enough when at most this many events behind... */
  maxLag: count(1e9).optional(),
  /** ...and its oldest missing event is at most this many ms old. */
  maxAge: time.optional(),
}

export const boundedNeedsABound = (r: {
  mode: string
  maxLag?: number | undefined
  maxAge?: number | undefined
}) => r.mode !== 'bounded' || r.maxLag !== undefined || r.maxAge !== undefined
export const boundedMessage = { message: 'a bounded read needs maxLag or maxAge', path: ['mode'] }

const command = z.strictObject({
  at: time,
  /** Decide the command against a read model instead of the write model's own state. */
  via: z
    .strictObject({ projection: name, ...readMode })
    .refine(boundedNeedsABound, boundedMessage)
    .optional(),
  type: z.string().max(64, 'must be at most 64 characters'),
  data: z.record(z.string(), z.unknown()),
  client: name.optional(),
  expectedVersion: count(1e9).optional(),
})

const fault = z.discriminatedUnion('type', [
  z
    .strictObject({
      type: z.literal('partition'),
      projection: name,
      from: time,
      to: time.optional(),
    })
    .refine((f) => f.to === undefined || f.to > f.from, {
      message: 'must be after from',
      path: ['to'],
    }),
  z
    .strictObject({
      type: z.literal('crash'),
      projection: name,
      at: time,
      restartAt: time.optional(),
    })
    .refine((f) => f.restartAt === undefined || f.restartAt > f.at, {
      message: 'must be after at',
      path: ['restartAt'],
    }),
])

const read = z
  .strictObject({
    at: time,
    projection: name,
    key: z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
    ...readMode,
    client: name.optional(),
  })
  .refine(boundedNeedsABound, boundedMessage)

const workload = z.strictObject({
  rate: z.number().gt(0, 'must be greater than 0').max(1e6, 'must be at most 1e6 per second'),
  count: count(MAX_WORKLOAD),
  keys: count(1e6, 1),
  mix: z.record(
    z.string(),
    z.number().min(0, 'must not be negative').max(1e6, 'must be at most 1e6'),
  ),
  start: time.optional(),
  client: name.optional(),
})

export const scenarioSchema = z
  .strictObject({
    format: z.literal(SCENARIO_FORMAT, { message: `must be "${SCENARIO_FORMAT}"` }),
    name: z.string().max(120, 'must be at most 120 characters').default('Untitled'),
    description: z.string().max(2000, 'must be at most 2000 characters').optional(),
    seed: count(4294967295),
    domain: z.enum(domainNames),
    until: time,
    settle: time.default(60_000),
    commands: z.array(command).max(MAX_ITEMS).default([]),
    workload: workload.optional(),
    projections: z.array(projection).min(1, 'needs at least one projection').max(MAX_PROJECTIONS),
    faults: z.array(fault).max(1000).default([]),
    reads: z.array(read).max(MAX_ITEMS).default([]),
  })
  .superRefine((s, ctx) => crossCheck(s, ctx))

export type ScenarioInput = z.input<typeof scenarioSchema>
export type Scenario = z.output<typeof scenarioSchema>
export type ProjectionSpec = Scenario['projections'][number]
export type LinkSpec = ProjectionSpec['link']
export type FaultSpec = Scenario['faults'][number]
export type ReadSpec = Scenario['reads'][number]
export type CommandSpec = Scenario['commands'][number]

/** Checks that span fields: command data against the domain, references to projections. */
function crossCheck(s: z.output<z.ZodObject>, ctx: z.RefinementCtx): void {
  const scenario = s as unknown as Scenario
  const domain = domains[scenario.domain]
  const ids = new Set<string>()
  const polls: [number, number][] = []
  scenario.projections.forEach((p, i) => {
    if (ids.has(p.id))
      ctx.addIssue({
        code: 'custom',
        message: `duplicate projection id ${quote(p.id)}`,
        path: ['projections', i, 'id'],
      })
    ids.add(p.id)
    if (p.newestBy !== undefined && p.handler !== 'order-tolerant')
      ctx.addIssue({
        code: 'custom',
        message: 'newestBy needs the order-tolerant handler',
        path: ['projections', i, 'newestBy'],
      })
    // An out-of-range until or settle is reported by its own check, not as a poll budget.
    if (p.delivery.mode === 'pull' && scenario.until <= MAX_TIME && scenario.settle <= MAX_TIME)
      polls.push([i, (scenario.until + scenario.settle) / p.delivery.interval])
    if (p.link.script && p.delivery.mode !== 'push')
      ctx.addIssue({
        code: 'custom',
        message: 'a script needs push delivery',
        path: ['projections', i, 'link', 'script'],
      })
  })
  checkPollBudget(polls, ctx)
  scenario.commands.forEach((c, i) => {
    // Own keys only: "constructor" or "toString" must not find Object.prototype's members.
    const schema = Object.hasOwn(domain.commands, c.type) ? domain.commands[c.type] : undefined
    if (!schema) {
      const known = Object.keys(domain.commands).join(', ')
      ctx.addIssue({
        code: 'custom',
        message: `unknown command for domain ${domain.name} (known: ${known})`,
        path: ['commands', i, 'type'],
      })
      return
    }
    for (const issue of schema.safeParse(c.data).error?.issues ?? [])
      ctx.addIssue({
        code: 'custom',
        message: issue.message,
        path: ['commands', i, 'data', ...issue.path],
      })
    if (c.at > scenario.until)
      ctx.addIssue({
        code: 'custom',
        message: 'must not be after until',
        path: ['commands', i, 'at'],
      })
  })
  if (scenario.workload) {
    for (const type of Object.keys(scenario.workload.mix))
      if (!Object.hasOwn(domain.commands, type))
        ctx.addIssue({
          code: 'custom',
          message: `unknown command for domain ${domain.name}`,
          path: ['workload', 'mix', type],
        })
    if (!Object.values(scenario.workload.mix).some((w) => w > 0))
      ctx.addIssue({
        code: 'custom',
        message: 'needs at least one positive weight',
        path: ['workload', 'mix'],
      })
    if ((scenario.workload.start ?? 0) > scenario.until)
      ctx.addIssue({
        code: 'custom',
        message: 'must not be after until',
        path: ['workload', 'start'],
      })
  }
  for (const problem of unknownProjections(scenario))
    ctx.addIssue({ code: 'custom', message: problem.message, path: [...problem.path] })
  scenario.reads.forEach((r, i) => {
    if (r.at > scenario.until)
      ctx.addIssue({ code: 'custom', message: 'must not be after until', path: ['reads', i, 'at'] })
    // The engine schedules reads one after another in list order (commands it sorts itself).
    const previous = scenario.reads[i - 1]
    if (previous && r.at < previous.at)
      ctx.addIssue({
        code: 'custom',
        message: `must not be before the previous read (at ${previous.at}): list reads in time order`,
        path: ['reads', i, 'at'],
      })
  })
}
