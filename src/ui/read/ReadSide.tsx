import { useMemo } from 'react'
import type { Frame } from '../../state/store'
import { selectAct, selectFrame, selectScenario, useApp } from '../../state/store'
import { ProjectionPanel } from './ProjectionPanel'
import { QueryBox } from './QueryBox'
import { QueryResults } from './QueryResults'
import './read-side.css'

/**
 * The read side of the run at the instant shown: each projection with its position, checkpoint
 * and lag and its rows beside the truth, then a box to query them with a read mode and the
 * answers those queries got.
 */
export function ReadSide() {
  const frame = useApp(selectFrame)
  const act = useApp(selectAct)
  const scenario = useApp(selectScenario)
  const keys = useMemo(() => (frame ? knownKeys(frame) : []), [frame])
  const clients = useMemo(() => {
    const seen = new Set<string>()
    for (const c of scenario.commands ?? []) if (c.client) seen.add(c.client)
    for (const f of frame?.interventions ?? [])
      if (f.intervention.type === 'command' && f.intervention.command.client)
        seen.add(f.intervention.command.client)
    return [...seen].sort()
  }, [scenario, frame])
  if (!frame) return <p className="muted">Start a run to see its read models here.</p>
  if (frame.projections.length === 0)
    return <p className="muted">This scenario has no projections: nothing reads its events.</p>
  return (
    <div className="read-side-body">
      {frame.projections.map((p) => (
        <ProjectionPanel key={p.id} projection={p} head={frame.head} />
      ))}
      <QueryBox
        projections={frame.projections.map((p) => p.id)}
        keys={keys}
        clients={clients}
        onRead={act}
      />
      <QueryResults interventions={frame.interventions} />
    </div>
  )
}

/** Every key shown in any projection's rows, sorted. */
function knownKeys(frame: Frame): string[] {
  const keys = new Set<string>()
  for (const p of frame.projections) for (const r of p.rows) keys.add(r.key)
  return [...keys].sort()
}
