import { z } from 'zod'

/** Shared field schemas for command data: short identifiers and texts, bounded amounts. */
export const id = z
  .string()
  .min(1, 'must not be empty')
  .max(64, 'must be at most 64 characters')
  .regex(/^[A-Za-z0-9_.:-]+$/, 'may hold only letters, digits and _ . : -')
export const text = z.string().max(200, 'must be at most 200 characters')
export const amount = z
  .number()
  .int('must be a whole number')
  .min(1, 'must be at least 1')
  .max(1_000_000_000, 'must be at most 1000000000')
export const time = z.number().min(0, 'must not be negative').max(1e9, 'must be at most 1e9')
