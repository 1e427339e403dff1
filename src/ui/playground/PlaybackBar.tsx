import { useState } from 'react'
import { selectFrame, useApp, useShallow } from '../../state/store'
import { formatMs } from '../format'
import { HelpOverlay } from '../playback/HelpOverlay'
import { useShortcuts } from '../playback/shortcuts'
import { Transport } from '../playback/Transport'

/**
 * The time controls of the run on screen, wired to the store, with the keyboard shortcuts, their
 * help, undo and redo of interventions, and the notice that says when acting changed the past.
 */
export function PlaybackBar() {
  const frame = useApp(selectFrame)
  // While the run computes ahead its frame holds still; the scrubber still shows how far it got,
  // in steps of 1/200 of the run so that the bar redraws at most 200 times (a floor: never more
  // than is computed).
  const computing = useApp((s) =>
    s.run.kind === 'running' && s.run.tick.bound > 0
      ? Math.floor((s.run.tick.now / s.run.tick.bound) * 200) * (s.run.tick.bound / 200)
      : null,
  )
  // The actions only: they never change, so a frame of progress does not re-render the bar.
  const actions = useApp(
    useShallow((s) => ({
      togglePlay: s.togglePlay,
      stepForward: s.stepForward,
      stepBack: s.stepBack,
      slower: s.slower,
      faster: s.faster,
      jumpToStart: s.jumpToStart,
      jumpToEnd: s.jumpToEnd,
      setSpeed: s.setSpeed,
      seek: s.seek,
      undo: s.undo,
      redo: s.redo,
    })),
  )
  const [help, setHelp] = useState(false)
  useShortcuts({
    playPause: actions.togglePlay,
    stepForward: actions.stepForward,
    stepBack: actions.stepBack,
    slower: actions.slower,
    faster: actions.faster,
    jumpToStart: actions.jumpToStart,
    jumpToEnd: actions.jumpToEnd,
    help: () => setHelp(true),
  })
  if (!frame) return null
  return (
    <div className="playback-bar">
      <Transport
        playing={frame.mode === 'playing'}
        speed={frame.speed}
        now={frame.now}
        frontier={Math.max(frame.frontier, computing ?? 0)}
        end={frame.end}
        done={frame.endKnown}
        canStepBack={frame.canStepBack}
        onPlayPause={actions.togglePlay}
        onStep={actions.stepForward}
        onStepBack={actions.stepBack}
        onSpeed={actions.setSpeed}
        onSeek={actions.seek}
        onJumpToEnd={actions.jumpToEnd}
        onJumpToStart={actions.jumpToStart}
      />
      <div className="history" role="group" aria-label="Interventions">
        <button type="button" onClick={actions.undo} aria-disabled={!frame.canUndo || undefined}>
          Undo
        </button>
        <button type="button" onClick={actions.redo} aria-disabled={!frame.canRedo || undefined}>
          Redo
        </button>
        <button type="button" onClick={() => setHelp(true)} aria-keyshortcuts="?">
          Keyboard shortcuts <kbd>?</kbd>
        </button>
      </div>
      <p role="status" className="fork" data-testid="fork-notice">
        {frame.fork &&
          `You changed the past at ${formatMs(frame.fork.at)}: the run after it was computed again${
            frame.fork.discarded > 0
              ? `, and ${frame.fork.discarded} later intervention${frame.fork.discarded === 1 ? ' was' : 's were'} discarded`
              : ''
          }. Undo puts the old future back.`}
      </p>
      <HelpOverlay open={help} onClose={() => setHelp(false)} />
    </div>
  )
}
