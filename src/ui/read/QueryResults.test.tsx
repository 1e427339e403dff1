import { afterEach, describe, expect, it } from 'vitest'
import type { ReadRecord } from '../../core'
import type { InterventionFrame } from '../../state/store'
import { render, type Rendered } from '../test-support'
import { QueryResults } from './QueryResults'

function query(index: number, at: number, applied: boolean, answer: Partial<ReadRecord> | null) {
  return {
    index,
    intervention: {
      type: 'read',
      at,
      step: index,
      read: { projection: 'push-reader', key: 't1', mode: 'strong' },
      outcome: { kind: 'asked' },
    },
    applied,
    answer: answer && {
      value: null,
      fresh: true,
      latency: 120,
      cost: 2,
      timedOut: false,
      repaired: false,
      answeredAt: at + 120,
      mode: 'strong',
      ...answer,
    },
  } as InterventionFrame
}

let view: Rendered | undefined
afterEach(() => view?.unmount())
const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim()

describe('QueryResults', () => {
  it('lists queries newest first: answered, waiting, and later than the time shown', () => {
    const root = (view = render(
      <QueryResults
        interventions={[
          query(0, 100, true, { value: { title: 'milk', completed: false } }),
          query(1, 200, true, null),
          query(2, 900, false, null),
        ]}
      />,
    )).container
    const items = [...root.querySelectorAll('[data-testid="query"]')]
    expect(items.map((i) => i.classList.contains('later'))).toEqual([true, false, false])
    expect(text(items[0])).toContain('later than the time shown')
    expect(text(items[1])).toContain('waiting for an answer…')
    expect(text(items[2]?.querySelector('.query-asked'))).toBe(
      'at 100 ms: strong read of t1 on push-reader',
    )
    const answer = [...(items[2]?.querySelectorAll('dl div') ?? [])].map((d) =>
      [...d.children].map(text).join(' '),
    )
    expect(answer).toEqual([
      'value title: milk, completed: false',
      'freshness ✓ fresh',
      'latency 120 ms',
      'cost 2 messages',
    ])
    expect(text(root.querySelector('[role="status"]'))).toBe(
      'Answer to the strong read of t1 on push-reader: title: milk, completed: false, fresh, after 120 ms, 2 messages.',
    )
  })

  it('says a stale answer is stale, and why a read timed out', () => {
    const root = (view = render(
      <QueryResults interventions={[query(0, 100, true, { fresh: false, timedOut: true })]} />,
    )).container
    const item = text(root.querySelector('[data-testid="query"]'))
    expect(item).toContain('not found')
    expect(item).toContain('⚠ stale')
    expect(item).toContain('timed out: answered from the local copy')
  })

  it('has an empty state before any query', () => {
    const root = (view = render(<QueryResults interventions={[]} />)).container
    expect(text(root.querySelector('.queries-empty'))).toMatch(/^No queries yet/)
    expect(text(root.querySelector('[role="status"]'))).toBe('')
  })
})
