/**
 * The files in examples/ are built-in scenarios written out as JSON, for trying the runner
 * (`npm run -s simulate -- examples/read-after-write.json`). Regenerate them after changing a
 * built-in with `npx tsx src/cli/examples.ts`; a test fails while they differ.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ScenarioInput } from '../core'
import {
  bookstoreOversell,
  bookstoreReadRepair,
  largePush,
  outOfOrder,
  readAfterWrite,
} from '../scenarios'

export const EXAMPLES_DIR = fileURLToPath(new URL('../../examples', import.meta.url))

export const EXAMPLES: Readonly<Record<string, ScenarioInput>> = {
  'read-after-write.json': readAfterWrite,
  'large-push-25k.json': largePush(25_000),
  'out-of-order.json': outOfOrder,
  'bookstore-oversell.json': bookstoreOversell,
  'bookstore-read-repair.json': bookstoreReadRepair,
}

if (process.argv[1] === fileURLToPath(import.meta.url))
  for (const [file, scenario] of Object.entries(EXAMPLES))
    writeFileSync(join(EXAMPLES_DIR, file), JSON.stringify(scenario, null, 2) + '\n')
