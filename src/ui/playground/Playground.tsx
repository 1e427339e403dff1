import { formatMs } from '../format'
import { selectFrame, useApp } from '../../state/store'
import { LearnerNetwork } from '../learner/LearnerNetwork'
import { NetworkSide } from '../network/NetworkSide'
import { ReadSide } from '../read/ReadSide'
import { Timelines } from '../timelines/Timelines'
import { WriteSide } from '../write/WriteSide'
import { PlaybackBar } from './PlaybackBar'

/**
 * The run on screen, in three columns that follow an event's path: the write side where commands
 * become events, the network that carries them, and the read side where each projection keeps
 * its own copy. Everything shows the instant the time controls point at.
 */
export function Playground() {
  const frame = useApp(selectFrame)
  // Computing ahead, the panels hold the instant the run left from (see run-actions.ts).
  const computing = useApp((s) => s.run.kind === 'running')
  if (!frame) return null
  return (
    <>
      <PlaybackBar />
      {computing && (
        <p className="computing-note" data-testid="computing-note">
          Computing ahead: the panels below still show {formatMs(frame.now)} and catch up when the
          run stops. Press Stop to look at it sooner.
        </p>
      )}
      <Timelines />
      <div className={computing ? 'columns computing' : 'columns'} aria-busy={computing}>
        <section aria-labelledby="write-heading" className="column write-side">
          <h2 id="write-heading">Write side</h2>
          <WriteSide />
        </section>
        <section aria-labelledby="network-heading" className="column network-side">
          <h2 id="network-heading">Network</h2>
          <NetworkSide />
          <LearnerNetwork />
        </section>
        <section aria-labelledby="read-heading" className="column read-side">
          <h2 id="read-heading">Read side</h2>
          <ReadSide />
        </section>
      </div>
    </>
  )
}
