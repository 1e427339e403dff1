import type { ArrowMark } from './spacetime-layout'

/**
 * How each kind of mark looks. Colours come from the Okabe-Ito palette (safe for the common
 * colour-vision deficiencies), darkened where needed so every line has at least 3:1 contrast on
 * white, and every kind also differs in dash or shape, so nothing depends on colour alone.
 */
export const ARROW_STYLE = {
  first: { stroke: '#0072B2', dash: undefined, width: 1.5, label: 'first copy' },
  duplicate: { stroke: '#A24C86', dash: '6 3', width: 1.5, label: 'duplicate' },
  redelivery: { stroke: '#007A5A', dash: '2 2', width: 2, label: 'redelivery' },
  fetch: { stroke: '#555555', dash: '8 3 2 3', width: 1.5, label: 'gap fetch' },
  late: { stroke: '#C14F00', dash: undefined, width: 2.5, label: 'out of order' },
} as const

export type ArrowStyleName = keyof typeof ARROW_STYLE

export const INK = {
  text: '#1a1a2e',
  lane: '#b8bcc6',
  muted: '#6b6b6b',
  poll: '#555555',
  append: '#1a1a2e',
  selected: '#C14F00',
  fresh: '#007A5A',
  stale: '#C14F00',
  lost: '#000000',
  anomaly: '#B3261E',
  cursor: '#000000',
} as const

export const MARK = { append: 7, read: 5 } as const

/** Room left of the plot for the lane names (13 px bold type), and right of it for the last tick. */
export function laneLabelWidth(projections: readonly string[]): number {
  const longest = Math.max('event store'.length, ...projections.map((p) => p.length))
  return Math.ceil(longest * 8.2) + 14
}
export const RIGHT_PAD = 28

/** An arrow's look: its kind's, but an out-of-order copy stands out whatever its kind. */
export function arrowStyle(a: ArrowMark): {
  stroke: string
  dash: string | undefined
  width: number
  head: ArrowStyleName
} {
  const kind = ARROW_STYLE[a.kind]
  const dash = a.end === 'in-flight' ? '3 3' : kind.dash
  if (a.outOfOrder) return { ...ARROW_STYLE.late, dash, head: 'late' }
  return { stroke: kind.stroke, dash, width: kind.width, head: a.kind }
}
