import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { formatProblems, parseScenarioText } from '../core'
import { EXAMPLES, EXAMPLES_DIR } from './examples'

describe('examples/', () => {
  const files = readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith('.json'))

  it.each(files)('%s is a valid scenario', (file) => {
    const parsed = parseScenarioText(readFileSync(join(EXAMPLES_DIR, file), 'utf8'))
    expect(parsed.ok ? '' : formatProblems(parsed.problems)).toBe('')
  })

  it.each(Object.entries(EXAMPLES))(
    '%s matches its built-in scenario (else: npx tsx src/cli/examples.ts)',
    (file, scenario) => {
      expect(files).toContain(file)
      expect(JSON.parse(readFileSync(join(EXAMPLES_DIR, file), 'utf8'))).toEqual(scenario)
    },
  )
})
