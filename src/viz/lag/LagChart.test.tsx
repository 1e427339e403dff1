import { afterEach, describe, expect, it } from 'vitest'
import type { TraceView } from '../../core'
import { LagChart } from './LagChart'
import { lagView, twoEvents } from './test-views'
import { scenario } from '../../core/testing'
import { render, type Rendered } from '../test-render'

let view: Rendered | undefined
afterEach(() => view?.unmount())

// Two events appended at 100 and 200, applied at 500 and 600; rows differ from 300 to 800.
const trace = lagView(scenario(), 1000, twoEvents, 800)

// 400 px wide less 60 px margins each side: a 280 px plot over 1 s.
const props = { view: trace, projection: 0, domain: [0, 1000] as const, width: 400, cursor: 500 }

describe('LagChart', () => {
  it('is one image named by its numbers', () => {
    view = render(<LagChart {...props} />)
    const images = view.container.querySelectorAll('[role="img"]')
    expect(images).toHaveLength(1)
    expect(images[0]?.tagName).toBe('svg')
    expect(images[0]?.getAttribute('aria-label')).toBe(
      'Projection p: lag up to 2 events and 400 ms; 1 inconsistency window, up to 2 divergent rows; converged at 800 ms; now caught up',
    )
  })

  it('draws three series told apart by dash pattern as well as colour', () => {
    view = render(<LagChart {...props} />)
    const svg = view.container.querySelector('[data-testid="lag-chart"]') as SVGElement
    const paths = [...svg.querySelectorAll('path[data-series]')]
    expect(paths.map((p) => p.getAttribute('data-series'))).toEqual(['events', 'ms', 'divergent'])
    expect(paths.every((p) => p.getAttribute('d')?.startsWith('M'))).toBe(true)
    const dashes = new Set(paths.map((p) => p.getAttribute('stroke-dasharray')))
    const colours = new Set(paths.map((p) => p.getAttribute('stroke')))
    expect([dashes.size, colours.size]).toEqual([3, 3])
  })

  it('hatches the inconsistency window and labels the convergence', () => {
    view = render(<LagChart {...props} />)
    const windows = view.container.querySelectorAll('[data-window]')
    expect(windows).toHaveLength(1)
    const w = windows[0] as Element
    expect([w.getAttribute('data-from'), w.getAttribute('data-to')]).toEqual(['300', '800'])
    expect([w.getAttribute('x'), w.getAttribute('width')]).toEqual(['84', '140'])
    expect(w.getAttribute('fill')).toMatch(/^url\(#lag-hatch-/)
    const converged = view.container.querySelector('[data-converged-at="800"]')
    expect(converged?.querySelector('text')?.textContent).toBe('converged at 800 ms')
    expect(converged?.querySelector('line')?.getAttribute('x1')).toBe('224')
  })

  it('draws the cursor only while it is inside the domain', () => {
    view = render(<LagChart {...props} />)
    const cursor = () => view?.container.querySelector('[data-testid="lag-cursor"]')
    expect(cursor()?.getAttribute('x1')).toBe('140')
    view.rerender(<LagChart {...props} cursor={1500} />)
    expect(cursor()).toBeNull()
  })

  it('says how far behind it is and when it will catch up', () => {
    const midway: TraceView = {
      ...trace,
      now: 550,
      series: trace.series.map((s) => ({
        t: s.t.slice(0, 4),
        behind: s.behind.slice(0, 4),
        oldestAt: s.oldestAt.slice(0, 4),
        divergent: s.divergent.slice(0, 4),
        buffered: s.buffered.slice(0, 4),
        fetching: s.fetching.slice(0, 4),
      })),
      convergedAt: [null],
    }
    view = render(<LagChart {...props} view={midway} />)
    const status = view.container.querySelector('.lag-status') as HTMLElement
    expect(status.textContent).toBe('p: behind by 1 event / 350 ms, catching up: about 55 ms to go')
    expect(status.dataset.trend).toBe('catching up')
    expect(view.container.querySelector('[data-window]')?.getAttribute('data-to')).toBe('open')
    expect(view.container.querySelector('[data-converged-at]')).toBeNull()
  })
})
