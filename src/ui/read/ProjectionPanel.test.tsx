import { afterEach, describe, expect, it } from 'vitest'
import type { ProjectionFrame, RowFrame } from '../../state/store'
import { getByRole, render, type Rendered } from '../test-support'
import { ProjectionPanel } from './ProjectionPanel'

const row = (key: string, local: RowFrame['local'], truth: RowFrame['truth']): RowFrame => ({
  key,
  local,
  truth,
  differs: JSON.stringify(local) !== JSON.stringify(truth),
})

function projection(overrides: Partial<ProjectionFrame> = {}): ProjectionFrame {
  return {
    id: 'push-reader',
    handler: 'naive',
    delivery: { mode: 'push', guarantee: 'at-least-once', ackTimeout: 300 },
    link: {} as ProjectionFrame['link'],
    status: 'running',
    partitioned: false,
    crashed: false,
    rebuilding: false,
    checkpoint: 38,
    behindEvents: 4,
    behindMs: 120,
    inFlight: 4,
    buffered: 2,
    delivered: 12,
    applied: 10,
    duplicates: 2,
    dropped: 1,
    skipped: 0,
    divergent: 1,
    rows: [
      row(
        't1',
        { title: 'buy milk', completed: false },
        { title: 'buy oat milk', completed: false },
      ),
      row('t2', { title: 'bread', completed: true }, { title: 'bread', completed: true }),
    ],
    moreRows: 0,
    ...overrides,
  }
}

let view: Rendered | undefined
afterEach(() => view?.unmount())
const show = (p: ProjectionFrame, head = 42) =>
  (view = render(<ProjectionPanel projection={p} head={head} />)).container
const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim()

describe('ProjectionPanel', () => {
  it('says where the projection is in the words of an event store', () => {
    const root = show(projection())
    const panel = getByRole(root, 'region', 'push-reader')
    const where = [...panel.querySelectorAll('.positions li')].map(text)
    expect(where).toEqual([
      'position 42',
      'checkpoint 38',
      'behind by 4 events / 120 ms',
      '4 in flight',
      '2 buffered',
    ])
    expect(text(panel.querySelector('.service-status'))).toContain('running')
    expect(text(panel.querySelector('.projection-how'))).toBe(
      'naive handler: applies every copy as it comes; push, at-least-once (ack timeout 300 ms).',
    )
    const counts = [...panel.querySelectorAll('.counts div')].map((d) =>
      [...d.children].map(text).join(' '),
    )
    expect(counts).toEqual(['delivered 12', 'applied 10', 'duplicates 2', 'dropped 1'])
  })

  it('marks a differing row and its differing cells in words, the matching ones not', () => {
    const root = show(projection())
    const table = getByRole(root, 'region', 'Rows of push-reader beside the truth')
    const headers = [...table.querySelectorAll('thead th')].map(text)
    expect(headers).toEqual(['key', 'copy', 'title', 'completed'])
    const [t1, t2] = [...table.querySelectorAll('tbody')]
    expect(t1?.className).toBe('differs')
    expect(text(t1?.querySelector('th.key'))).toBe('t1 ≠ differs')
    const [local, truth] = [...(t1?.querySelectorAll('tr') ?? [])]
    const localCells = [...(local?.querySelectorAll('td') ?? [])]
    expect(localCells.map(text)).toEqual(['≠ buy milk (differs from the truth)', 'false'])
    expect(localCells.map((c) => c.classList.contains('differs'))).toEqual([true, false])
    expect(localCells[0]?.querySelector('strong')).not.toBeNull()
    expect([...(truth?.querySelectorAll('td') ?? [])].map(text)).toEqual(['buy oat milk', 'false'])
    expect(t2?.className).toBe('')
    expect([...(t2?.querySelectorAll('td') ?? [])].map(text)).toEqual([
      'local = truth',
      'bread',
      'true',
    ])
    expect(text(root.querySelector('.sync'))).toBe('≠ 1 row differs from the truth')
  })

  it('says a row missing here is missing, and a row the truth lacks has no row', () => {
    const root = show(
      projection({
        rows: [
          row('t1', null, { title: 'a', completed: false }),
          row('t9', { title: 'b', completed: false }, null),
        ],
        divergent: 2,
      }),
    )
    const [t1, t9] = [...root.querySelectorAll('tbody')]
    expect(text(t1?.querySelector('tr td'))).toBe('≠ missing (differs from the truth)')
    expect(text(t9?.querySelector('tr.truth td'))).toBe('no row (never created, or deleted)')
    expect(text(root.querySelector('.sync'))).toBe('≠ 2 rows differ from the truth')
  })

  it('shows rows of different shapes as field: value pairs', () => {
    const root = show(
      projection({
        rows: [row('user/u1', { name: 'Anna' }, { name: 'Annie' }), row('thing/x', {}, {})],
      }),
    )
    const headers = [...root.querySelectorAll('thead th')].map(text)
    expect(headers).toEqual(['key', 'copy', 'fields'])
    const cell = root.querySelector('tbody.differs tr td.fields')
    expect(text(cell)).toBe('name: ≠ Anna (differs from the truth)')
    expect(text(root.querySelector('tbody:last-of-type td:last-child'))).toBe(
      'exists (a row with no fields)',
    )
  })

  it('is in sync when no row differs, and caught up when nothing is missing', () => {
    const root = show(
      projection({
        behindEvents: 0,
        behindMs: 0,
        divergent: 0,
        rows: [row('t2', { title: 'bread', completed: true }, { title: 'bread', completed: true })],
        moreRows: 3,
      }),
    )
    expect(text(root.querySelector('.sync'))).toBe('✓ in sync: every row matches the truth')
    expect(root.querySelector('.positions li:nth-child(3)')?.textContent).toBe('caught up')
    expect(root.querySelector('.differs')).toBeNull()
    expect(text(root.querySelector('.more-rows'))).toBe('…and 3 more rows, not shown.')
  })

  it('has a "no rows yet" state, and says a crashed service is crashed', () => {
    const root = show(projection({ rows: [], divergent: 0, status: 'crashed', crashed: true }))
    expect(text(root.querySelector('.rows-empty'))).toMatch(/^No rows yet/)
    expect(root.querySelector('table')).toBeNull()
    expect(root.querySelector('.sync')).toBeNull()
    expect(text(root.querySelector('.service-status'))).toBe('✖ crashed')
  })
})
