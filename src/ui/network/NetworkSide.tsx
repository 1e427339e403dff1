import { selectFrame, useApp } from '../../state/store'

/** Placeholder until the column is built. */
export function NetworkSide() {
  const frame = useApp(selectFrame)
  if (!frame) return null
  return <p className="muted">{frame.projections.length} projections.</p>
}
