import type { ArrowMark } from './spacetime-layout'
import { arrowStyle } from './spacetime-style'

/** Up to this many arrows in view, each is stroked on its own. */
export const ONE_STROKE_EACH_UP_TO = 20_000
/** At most about this many arrows are painted; beyond, a share of them stands for all. */
export const PAINTED_AT_MOST = 50_000

export type ArrowStyle = ReturnType<typeof arrowStyle>

/** One canvas path: arrows of one style, stroked together. */
export interface ArrowPath {
  readonly style: ArrowStyle
  readonly arrows: readonly ArrowMark[]
}

export interface ArrowPaint {
  readonly paths: readonly ArrowPath[]
  /**
   * How many arrows each painted one stands for: its alpha is that of so many together,
   * 1 - (1 - alpha)^k, so that where they crowd the shade is the same.
   */
  readonly k: number
}

/**
 * How to paint the arrows of a dense diagram on a canvas so that where they crowd their alpha
 * adds up and shows the density, in as few draw calls and as little painting as that allows.
 *
 * - Up to ONE_STROKE_EACH_UP_TO arrows, each is a path of its own, in send order.
 * - Beyond, one stroke each cost seconds (a 100,000-event run has over 400,000 arrows): the
 *   arrows of one style go into paths of every n-th arrow, n chosen so that the arrows of a path
 *   lie about 3 px apart across a plot `plotWidth` wide, where they rarely overlap one another.
 *   The paths overlap each other, so the density still shows.
 * - Past PAINTED_AT_MOST arrows each pixel column holds hundreds and the shade saturates, yet
 *   painting them all took seconds in software rendering: every k-th arrow of each style is
 *   painted, each as opaque as k together. Only the paint thins out; picking and every number
 *   use all the arrows.
 */
export function arrowPaint(arrows: readonly ArrowMark[], plotWidth: number): ArrowPaint {
  if (arrows.length <= ONE_STROKE_EACH_UP_TO)
    return { paths: arrows.map((a) => ({ style: arrowStyle(a), arrows: [a] })), k: 1 }
  const byStyle = new Map<string, { style: ArrowStyle; list: ArrowMark[] }>()
  for (const a of arrows) {
    const style = arrowStyle(a)
    const key = `${style.stroke} ${style.width} ${style.dash ?? ''}`
    let group = byStyle.get(key)
    if (!group) byStyle.set(key, (group = { style, list: [] }))
    group.list.push(a)
  }
  const k = Math.ceil(arrows.length / PAINTED_AT_MOST)
  const paths: ArrowPath[] = []
  for (const { style, list } of byStyle.values()) {
    const painted = Math.ceil(list.length / k)
    const count = Math.min(painted, Math.ceil((3 * painted) / Math.max(1, plotWidth)))
    for (let first = 0; first < count; first++) {
      const path: ArrowMark[] = []
      for (let j = first; j < painted; j += count) path.push(list[j * k] as ArrowMark)
      paths.push({ style, arrows: path })
    }
  }
  return { paths, k }
}
