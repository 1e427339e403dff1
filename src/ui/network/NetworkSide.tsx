import { selectAct, selectFrame, useApp, type Frame } from '../../state/store'
import { formatMs } from '../format'
import type { Act } from './feedback'
import { LinkCard } from './LinkCard'
import './network.css'

/** The network column, wired to the app's store. */
export function NetworkSide() {
  const frame = useApp(selectFrame)
  const act = useApp(selectAct)
  if (!frame) return null
  return <LinkCards frame={frame} act={act} />
}

/**
 * One card per projection's link. Whatever is changed here takes effect at the instant the
 * playback bar shows and is recorded in the run (and so in its share link).
 */
export function LinkCards({ frame, act }: { frame: Frame; act: Act }) {
  if (frame.projections.length === 0)
    return <p className="muted">This scenario has no projections, so there is no link to show.</p>
  return (
    <div className="network">
      <p className="network-hint">
        Changes here take effect at <strong>{formatMs(frame.now)}</strong>, the time shown, and are
        recorded in the run.
      </p>
      {frame.projections.map((p) => (
        <LinkCard key={p.id} projection={p} now={frame.now} act={act} />
      ))}
    </div>
  )
}
