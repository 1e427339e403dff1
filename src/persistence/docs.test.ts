/**
 * docs/storage.md: its bundle example must import, be a real run of its scenario, and its schema
 * section must say what migrations.ts declares.
 */
import { describe, expect, it } from 'vitest'
import { parseBundleText, simulate } from '../core'
import doc from '../../docs/storage.md?raw'
import { SCHEMA } from './migrations'

function jsonBlock(): string {
  const match = /```json\n([\s\S]*?)\n```/.exec(doc)
  if (!match?.[1]) throw new Error('docs/storage.md has no ```json block')
  return match[1]
}

describe('docs/storage.md', () => {
  it('shows a run bundle that imports and is the run of its scenario', () => {
    const parsed = parseBundleText(jsonBlock())
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems))
    const result = simulate(parsed.bundle.scenario)
    expect(parsed.bundle.events).toEqual(result.events)
    expect(parsed.bundle.checkpoints).toEqual({ list: result.projections['list']?.checkpoint })
  })

  it.each(SCHEMA.flatMap((v) => Object.entries(v.stores)))(
    'gives the %s table the keys and indexes it is declared with',
    (table, spec) => {
      expect(doc).toContain(`${`${table}:`.padEnd(13)}'${spec}'`)
    },
  )
})
