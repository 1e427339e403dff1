import { z } from 'zod'

/** Bounds that keep every number a scenario can hold finite and meaningful. */
export const MAX_TIME = 1e8 // ms, a little over a day of simulated time
export const MAX_DELAY = 1e7 // ms

const ms = (what = 'ms') =>
  z.number().min(0, `must not be negative`).max(MAX_DELAY, `must be at most ${MAX_DELAY} ${what}`)
const positive = z
  .number()
  .gt(0, 'must be greater than 0')
  .max(MAX_DELAY, `must be at most ${MAX_DELAY}`)
const offset = { offset: ms().optional() }

const constant = z.strictObject({ dist: z.literal('constant'), value: ms(), ...offset })
const uniform = z
  .strictObject({ dist: z.literal('uniform'), min: ms(), max: ms(), ...offset })
  .refine((d) => d.max >= d.min, { message: 'max must not be less than min', path: ['max'] })
const normal = z.strictObject({ dist: z.literal('normal'), mean: ms(), sd: ms(), ...offset })
const exponential = z.strictObject({ dist: z.literal('exponential'), mean: positive, ...offset })
const lognormal = z.strictObject({
  dist: z.literal('lognormal'),
  median: positive,
  sigma: z.number().min(0, 'must not be negative').max(5, 'must be at most 5'),
  ...offset,
})
const pareto = z.strictObject({
  dist: z.literal('pareto'),
  scale: positive,
  shape: z.number().gt(0.1, 'must be greater than 0.1').max(100, 'must be at most 100'),
  ...offset,
})

const weight = {
  weight: z.number().gt(0, 'must be greater than 0').max(1e6, 'must be at most 1e6'),
}
const part = z.discriminatedUnion('dist', [
  constant.extend(weight),
  uniform.safeExtend(weight),
  normal.extend(weight),
  exponential.extend(weight),
  lognormal.extend(weight),
  pareto.extend(weight),
])
const mixture = z.strictObject({
  dist: z.literal('mixture'),
  parts: z.array(part).min(1, 'needs at least one part').max(16, 'may have at most 16 parts'),
  ...offset,
})

// One discriminated union (not a union of simple and mixture): an unknown `dist` is reported as
// such, and a bad field at its own path, instead of a bare "Invalid input" on the whole object.
export const distributionSchema = z.discriminatedUnion('dist', [
  constant,
  uniform,
  normal,
  exponential,
  lognormal,
  pareto,
  mixture,
])
export type Distribution = z.infer<typeof distributionSchema>
