import { afterEach, describe, expect, it } from 'vitest'
import { getByRole, render, type Rendered } from '../test-support'
import { LatencyCurve } from './LatencyCurve'

let view: Rendered | undefined
afterEach(() => view?.unmount())

const texts = (root: Element) => [...root.querySelectorAll('text')].map((t) => t.textContent)

describe('LatencyCurve', () => {
  it('is one image named by its description, with the x axis from 0 to its end', () => {
    const sigma = Math.log(210 / 40) / 2.3263478740408408
    view = render(<LatencyCurve dist={{ dist: 'lognormal', median: 40, sigma }} />)
    const svg = getByRole(view.container, 'img', 'lognormal, median 40 ms, p99 ≈ 210 ms')
    expect(svg.tagName).toBe('svg')
    expect(texts(svg)).toEqual(['p50', 'p99', '0', '250 ms'])
    expect(svg.querySelector('path.density')?.getAttribute('d')).toMatch(/^M/)
  })

  it('draws a constant delay as a spike labelled with its delay, without percentiles', () => {
    view = render(<LatencyCurve dist={{ dist: 'constant', value: 40 }} width={200} height={80} />)
    const svg = getByRole(view.container, 'img', 'constant 40 ms')
    expect(svg.getAttribute('viewBox')).toBe('0 0 200 80')
    expect(svg.querySelector('path.density')).toBeNull()
    expect(svg.querySelectorAll('.spike path')).toHaveLength(1)
    expect(texts(svg)).toEqual(['40 ms', '0', '50 ms'])
  })

  it('says when a heavy tail runs off the axis', () => {
    view = render(<LatencyCurve dist={{ dist: 'pareto', scale: 10, shape: 0.7 }} />)
    const svg = getByRole(view.container, 'img', /p99 ≈ 7.2 s; the axis stops at 600 ms$/)
    expect(texts(svg)).toContain('600 ms →')
  })
})
