import { act } from 'react'
import { createRoot } from 'react-dom/client'
import { afterEach, describe, expect, it } from 'vitest'
import type { Theory } from './theory'
import { DASHES, PALETTE, VisibilityChart, type VisibilityCurve } from './VisibilityChart'

// src/ui/test-support is out of reach from viz (imports point down): the few lines it needs.
declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true
let cleanup: (() => void) | undefined
afterEach(() => cleanup?.())

function render(curves: readonly VisibilityCurve[]): SVGSVGElement {
  const container = document.createElement('div')
  document.body.append(container)
  const root = createRoot(container)
  act(() => root.render(<VisibilityChart curves={curves} width={480} />))
  cleanup = () => {
    act(() => root.unmount())
    container.remove()
  }
  const svg = container.querySelector('svg[role="img"]')
  if (!(svg instanceof SVGSVGElement)) throw new Error('no image rendered')
  return svg
}

const exponential: Theory = {
  kind: 'push',
  label: 'theory (exponential push)',
  cdf: (t) => 1 - Math.exp(-t / 50),
  exact: true,
  note: '',
}
const tens = Array.from({ length: 10 }, (_, i) => (i + 1) * 10) // p50 50 ms, p90 90 ms

describe('VisibilityChart', () => {
  it('is one image that says p50 and p90 of each projection in words', () => {
    const svg = render([
      { projection: 'fast', label: 'fast', times: tens, theory: exponential },
      { projection: 'slow', label: 'slow', times: [], theory: null },
    ])
    expect(svg.getAttribute('aria-label')).toBe(
      'Chance that a read sees a write, by time after the write. ' +
        'fast: half of reads see a write within 50 ms, 90% within 90 ms. ' +
        'slow: no write visible yet.',
    )
  })

  it('draws each projection in its own colour and dash, tagged for end-to-end tests', () => {
    const svg = render([
      { projection: 'a', label: 'A', times: tens, theory: null },
      { projection: 'b', label: 'B', times: [5, 15, 25], theory: null },
    ])
    const paths = [...svg.querySelectorAll('path.empirical')]
    expect(paths.map((p) => p.getAttribute('data-projection'))).toEqual(['a', 'b'])
    expect(paths.map((p) => p.getAttribute('data-samples'))).toEqual(['10', '3'])
    expect(paths.map((p) => p.getAttribute('stroke'))).toEqual([PALETTE[0], PALETTE[1]])
    expect(paths.map((p) => p.getAttribute('stroke-dasharray'))).toEqual([DASHES[0], DASHES[1]])
    expect(svg.querySelectorAll('circle.marker[data-quantile]')).toHaveLength(6)
  })

  it('draws theory dashed grey with one legend entry, and labels both axes', () => {
    const svg = render([
      { projection: 'a', label: 'A', times: tens, theory: exponential },
      { projection: 'b', label: 'B', times: tens, theory: exponential },
    ])
    const theory = [...svg.querySelectorAll('path.theory')]
    expect(theory).toHaveLength(2)
    expect(theory[0]?.getAttribute('stroke-dasharray')).toBe('5 4')
    const texts = [...svg.querySelectorAll('text')].map((t) => t.textContent)
    expect(texts).toContain('ms after the write')
    expect(texts).toContain('P(read sees it)')
    expect(texts.filter((t) => t === 'theory (exponential push)')).toHaveLength(1)
    expect(texts).toContain('A (10 writes)')
  })

  it('sizes itself in rem so presenter mode scales it with the root font', () => {
    const svg = render([{ projection: 'a', label: 'A', times: tens, theory: null }])
    expect(svg.style.width).toBe('30rem')
  })
})
