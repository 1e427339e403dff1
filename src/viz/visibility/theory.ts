import type { Distribution, FaultSpec, ProjectionSpec } from '../../core'
import { cdf as latencyCdf } from '../distribution-maths'

/** A visibility-time CDF derived from a projection's settings, where the model has one. */
export interface Theory {
  readonly kind: 'push' | 'pull'
  /** For the legend: "theory (exponential push)". */
  readonly label: string
  /** P(visibility time <= t), t in ms after the append. */
  readonly cdf: (t: number) => number
  /** False when the formula is an approximation; `note` says which. */
  readonly exact: boolean
  /** What the formula assumes beyond the projection's settings. */
  readonly note: string
}

/** Steps of the numeric convolution in the pull approximation (error about 1/STEPS). */
const STEPS = 256

/**
 * The visibility CDF of a projection from its spec alone, or null when no formula applies: any
 * loss, duplication, reordering or script on the link, or any fault (partition, crash) on this
 * projection, since each of those adds delays the formula does not know of.
 *
 * Push. Each copy crosses the link once, with latency L drawn afresh (the link draws each message
 * from its own stream). At most once: visibility is one draw, F(t) = P(L <= t); for an
 * exponential mean m that is 1 - e^(-t/m), for a constant c a step at c. At least once with ack
 * timeout T: while no copy has arrived no ack can be back, so the publisher sends copy j at j*T
 * for every j*T <= t, and the event is still invisible at t only if every copy sent by then is
 * still on the wire: 1 - F(t) = prod_{j=0..floor(t/T)} P(L > t - jT). Below T this is the
 * at-most-once law; a constant latency c gives the same step at c whatever T.
 * The handler must apply a copy when it arrives: the ordered handler buffers copies that overtake
 * one another, which any non-constant latency makes happen, so that case has no formula.
 *
 * Pull with interval I. A poll leaves every I ms and asks for everything after the checkpoint;
 * the store answers when the request arrives, with all events appended by then, and the answer
 * crosses back in L. With a constant latency L the requests reach the store exactly every I ms,
 * so an event appended at a uniformly random instant waits U ~ uniform[0, I) for the next one
 * (the outbound L only shifts the phase), then L for the way back: visibility is uniform on
 * [L, I + L), F(t) = clamp((t - L) / I, 0, 1). Not 2L: the request's trip happens before the
 * store reads, so it is inside the wait U, not after it. With a random latency the requests reach
 * the store only about every I ms, so the same model with the answer's latency R drawn from the
 * link, F(t) = (1/I) integral_0^I P(R <= t - u) du, is an approximation (`exact: false`).
 * Both assume append instants independent of the poll phase (a Poisson workload has this) and
 * that an answer's `batch` limit never leaves events behind for the next poll.
 *
 * Read repair, if reads of the scenario use it, can make an event visible earlier; scenario reads
 * are not in a projection spec, so the caller should not compare with them on.
 */
export function theoreticalCdf(
  spec: ProjectionSpec,
  faults: readonly FaultSpec[] = [],
): Theory | null {
  const link = spec.link
  if (link.loss > 0 || link.duplicate > 0 || link.reorder.p > 0 || link.script !== undefined)
    return null
  if (faults.some((f) => f.projection === spec.id)) return null
  const latency = link.latency
  const constant = constantOf(latency)
  const name = latency.dist
  if (spec.delivery.mode === 'push') {
    if (spec.handler === 'ordered' && constant === null) return null
    const survives = (x: number) => 1 - latencyCdf(latency, x)
    const timeout = spec.delivery.guarantee === 'at-least-once' ? spec.delivery.ackTimeout : null
    const cdf =
      timeout === null
        ? (t: number) => latencyCdf(latency, t)
        : (t: number) => {
            let still = 1
            for (let j = 0; j * timeout <= t && still > 0; j++) still *= survives(t - j * timeout)
            return 1 - still
          }
    return {
      kind: 'push',
      label: `theory (${name} push)`,
      cdf,
      exact: true,
      note:
        timeout === null
          ? 'one latency draw per event'
          : `a copy every ${timeout} ms until one arrives; the first to arrive counts`,
    }
  }
  const interval = spec.delivery.interval
  const assumes = 'append times independent of the poll phase; answers within the batch limit'
  if (constant !== null)
    return {
      kind: 'pull',
      label: `theory (pull every ${interval} ms)`,
      cdf: (t) => clamp01((t - constant) / interval),
      exact: true,
      note: `uniform from ${constant} to ${interval + constant} ms; ${assumes}`,
    }
  return {
    kind: 'pull',
    label: `theory (pull every ${interval} ms, approx.)`,
    cdf: (t) => {
      // Midpoint rule over the uniform wait u.
      let sum = 0
      for (let i = 0; i < STEPS; i++) sum += latencyCdf(latency, t - ((i + 0.5) / STEPS) * interval)
      return sum / STEPS
    },
    exact: false,
    note: `approximation: treats requests as reaching the store exactly every ${interval} ms though their ${name} latency varies; ${assumes}`,
  }
}

/** The delay of a distribution that always gives the same one, or null. */
function constantOf(d: Distribution): number | null {
  const off = d.offset ?? 0
  if (d.dist === 'constant') return d.value + off
  if (d.dist === 'uniform' && d.min === d.max) return d.min + off
  return null
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x))
}
