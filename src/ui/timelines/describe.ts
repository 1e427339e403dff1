import type { TraceView } from '../../core'
import type { markCounts } from '../../viz/spacetime/spacetime-layout'

type Counts = ReturnType<typeof markCounts>

const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString('en')} ${n === 1 ? one : many}`

/** The diagram in one sentence: what it holds in view, by kind. */
export function summarize(c: Counts, projections: number): string {
  const copies = c.first + c.duplicate + c.redelivery + c.fetch
  const parts = [
    plural(c.appends, 'append'),
    `${plural(copies, 'copy', 'copies')} to ${plural(projections, 'projection')} (${[
      plural(c.duplicate, 'duplicate'),
      plural(c.redelivery, 'redelivery', 'redeliveries'),
      `${c.lost.toLocaleString('en')} lost`,
      `${c.outOfOrder.toLocaleString('en')} out of order`,
      `${c.inFlight.toLocaleString('en')} in flight`,
    ].join(', ')})`,
    `${plural(c.reads, 'read')} (${c.staleReads.toLocaleString('en')} stale)`,
  ]
  if (c.polls > 0) parts.push(plural(c.polls, 'poll'))
  if (c.windows > 0) parts.push(plural(c.windows, 'partition or crash', 'partitions or crashes'))
  if (c.anomalies > 0) parts.push(plural(c.anomalies, 'anomaly', 'anomalies'))
  return parts.join('; ')
}

/** One event and every copy of it, in words: what the highlighted arrows show. */
export function describeEvent(
  view: TraceView,
  position: number,
  time: (ms: number) => string,
): string {
  const e = view.events.find((x) => x.position === position)
  if (!e) return `Event ${position} is not in the run at this instant.`
  const copies = view.deliveries
    .filter((d) => d.position === position)
    .map((d) => {
      const to = view.projections[d.projection] ?? '?'
      const kind = d.kind === 'first' ? '' : `${d.kind} `
      const late = d.outOfOrder ? ', out of order' : ''
      if (d.arrivedAt === null)
        return d.lostAt !== null
          ? `${kind}copy to ${to} sent ${time(d.sentAt)}, lost at ${time(d.lostAt)}`
          : `${kind}copy to ${to} sent ${time(d.sentAt)}, still on its way`
      const what =
        d.outcome === 'buffered'
          ? `buffered, applied ${d.appliedAt === null ? 'later' : `at ${time(d.appliedAt)}`}`
          : d.outcome === 'dropped'
            ? `dropped (${d.reason ?? 'lost'})`
            : d.outcome
      return `${kind}copy to ${to} sent ${time(d.sentAt)}, arrived ${time(d.arrivedAt)}${late}: ${what}`
    })
  const anomalies = view.anomalies.filter((a) => a.positions.includes(position))
  const found =
    anomalies.length === 0
      ? ''
      : ` The checker found ${plural(anomalies.length, 'anomaly', 'anomalies')} involving it: ${anomalies
          .slice(0, 3)
          .map((a) => `at ${time(a.at)} on ${a.projection}, ${a.explanation.replace(/\.$/, '')}`)
          .join('; ')}${anomalies.length > 3 ? `; and ${anomalies.length - 3} more` : ''}.`
  const data = JSON.stringify(e.data)
  const shown = data.length > 120 ? `${data.slice(0, 119)}…` : data
  return `Event ${position} (${e.type} on ${e.stream}, ${shown}) appended at ${time(e.at)}. ${
    copies.length === 0 ? 'No copy sent yet.' : `${copies.join('; ')}.`
  }${found}`
}
