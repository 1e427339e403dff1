import { describe, expect, it } from 'vitest'
import { glossary, glossaryEntry, normalizeTerm } from './glossary'
import { lessons } from './lessons/index'
import { proseTerms } from './prose'

/** PRODUCT.md's vocabulary: the words the UI and the code use, each of which must be defined. */
const VOCABULARY = [
  'position',
  'stream',
  'version',
  'checkpoint',
  'in-flight',
  'buffered',
  'duplicate',
  'dropped',
  'redelivered',
  'parked',
  'lag',
  'staleness',
  'visibility time',
  'converged',
  'divergence',
  'stale read',
  'anomaly',
  'link',
  'partition',
  'push',
  'pull',
  'poll interval',
  'handler',
  'read mode',
]

/** The words of the model the lessons lean on. */
const MODEL = [
  'event',
  'event store',
  'command',
  'write model',
  'read model',
  'projection',
  'eventual consistency',
  'strong consistency',
  'read-your-writes',
  'read repair',
  'idempotent',
  'order-tolerant',
  'ordered handler',
  'naive handler',
  'at-least-once',
  'at-most-once',
  'CQRS',
  'CQS',
  'event sourcing',
  'truth',
  'seed',
]

const names = glossary.flatMap((e) => [e.term, ...(e.aliases ?? [])])

describe('the glossary', () => {
  it.each([...VOCABULARY, ...MODEL])('defines "%s" as an entry of its own', (word) => {
    expect(glossaryEntry(word)?.term).toBe(word)
  })

  it('has no term or alias twice, whatever the case', () => {
    const normalized = names.map(normalizeTerm)
    expect(normalized.filter((n, i) => normalized.indexOf(n) !== i)).toEqual([])
  })

  it('points every "see" at another entry', () => {
    const broken = glossary.flatMap((e) =>
      (e.see ?? [])
        .filter((s) => glossaryEntry(s)?.term !== s || s === e.term)
        .map((s) => `${e.term} -> ${s}`),
    )
    expect(broken).toEqual([])
  })

  it('keeps each definition to one to three sentences of plain text', () => {
    for (const { term, definition } of glossary) {
      const sentences = definition.split(/[.!?](?:\s|$)/).filter((s) => s.trim() !== '')
      expect(sentences.length, term).toBeGreaterThanOrEqual(1)
      expect(sentences.length, term).toBeLessThanOrEqual(3)
      expect(definition, term).not.toMatch(/\[\[|\*\*|`|</)
    }
  })

  it('is sorted by term, case ignored', () => {
    const terms = glossary.map((e) => e.term.toLowerCase())
    expect(terms).toEqual([...terms].sort((a, b) => a.localeCompare(b, 'en')))
  })

  it.each([
    ['Checkpoint', 'checkpoint'],
    ['  stale   reads ', 'stale read'],
    ['anomalies', 'anomaly'],
    ['partitions', 'partition'],
    ['in flight', 'in-flight'],
    ['redeliveries', 'redelivered'],
    ['cqrs', 'CQRS'],
    ['eventually consistent', 'eventual consistency'],
    ['Read Models', 'read model'],
  ])('finds "%s" under "%s"', (asked, term) => {
    expect(glossaryEntry(asked)?.term).toBe(term)
  })

  it('finds nothing for a word it does not define', () => {
    expect(glossaryEntry('blockchain')).toBeUndefined()
    expect(glossaryEntry('')).toBeUndefined()
  })
})

describe('the links in the lessons', () => {
  const links = lessons.flatMap((lesson) =>
    lesson.steps.flatMap((step) =>
      (['setup', 'explain'] as const).flatMap((field) =>
        proseTerms(step[field]).map((term) => ({
          where: `${lesson.id}/${step.id} ${field}`,
          term,
        })),
      ),
    ),
  )

  it('exist (the first lesson links to the glossary)', () => {
    expect(links.length).toBeGreaterThan(0)
  })

  it('all resolve to a glossary entry', () => {
    const unknown = links.filter((l) => glossaryEntry(l.term) === undefined)
    expect(unknown.map((l) => `${l.where}: [[${l.term}]]`)).toEqual([])
  })
})
