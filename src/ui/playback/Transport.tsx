import type { ReactNode } from 'react'
import { Icon } from './icons'
import { Keycap } from './Keycap'
import { Readout, Scrubber } from './Scrubber'
import { ariaKeys, shortcutFor, type ActionId } from './shortcuts'
import { SpeedControl } from './SpeedControl'
import './playback.css'

export { SPEEDS, fasterSpeed, slowerSpeed } from './speeds'

/**
 * Everything the transport shows and can ask for. Times are simulated ms. The component keeps no
 * state of its own: the store owns playback and passes it down. Callbacks are function-typed
 * properties rather than methods, so they are checked strictly and may be passed around unbound.
 */
export interface TransportProps {
  playing: boolean
  /** One of SPEEDS (another value shows as the nearest one). */
  speed: number
  /** Simulated ms of the state on screen. */
  now: number
  /** Simulated ms computed so far; may be less than `end` while the run is being computed. */
  frontier: number
  /** Where the run ends, or at the latest may end: the scrubber's maximum. */
  end: number
  /** The run has ended (frontier === end). */
  done: boolean
  canStepBack: boolean
  onPlayPause: () => void
  onStep: () => void
  onStepBack: () => void
  /** Called with one of SPEEDS. */
  onSpeed: (speed: number) => void
  /** Any time in [0, end], also past `frontier`: the store decides whether to compute up to it. */
  onSeek: (time: number) => void
  onJumpToEnd: () => void
  onJumpToStart: () => void
}

/**
 * Play, pause, step, speed and a scrubber, sized for a projector. A button that has nothing to do
 * (step back at the start) is `aria-disabled`, not `disabled`: it stays focusable, so pressing it
 * by keyboard does not drop focus to the page.
 */
export function Transport(props: TransportProps) {
  const { playing, now, end, done, canStepBack } = props
  const atEnd = done && now >= end
  return (
    <section className="transport" aria-label="Playback">
      <div className="transport-buttons" role="group" aria-label="Playback controls">
        <TransportButton
          action="jumpToStart"
          label="Jump to start"
          shown="To start"
          icon={<Icon name="jumpToStart" />}
          inactive={now <= 0}
          onPress={props.onJumpToStart}
        />
        <TransportButton
          action="stepBack"
          label="Step back"
          icon={<Icon name="stepBack" />}
          inactive={!canStepBack}
          onPress={props.onStepBack}
        />
        <TransportButton
          action="playPause"
          label={playing ? 'Pause' : 'Play'}
          icon={<Icon name={playing ? 'pause' : 'play'} />}
          onPress={props.onPlayPause}
          primary
        />
        <TransportButton
          action="stepForward"
          label="Step forward"
          icon={<Icon name="stepForward" />}
          inactive={atEnd}
          onPress={props.onStep}
        />
        <TransportButton
          action="jumpToEnd"
          label="Jump to end"
          shown="To end"
          icon={<Icon name="jumpToEnd" />}
          inactive={atEnd}
          onPress={props.onJumpToEnd}
        />
      </div>
      <div className="transport-status">
        <Readout now={now} frontier={props.frontier} end={end} done={done} />
        <SpeedControl speed={props.speed} onSpeed={props.onSpeed} />
      </div>
      <Scrubber now={now} frontier={props.frontier} end={end} done={done} onSeek={props.onSeek} />
    </section>
  )
}

interface TransportButtonProps {
  action: ActionId
  /** The accessible name. */
  label: string
  /** Shorter visible text, contained in the name (WCAG 2.5.3), when the row needs the room. */
  shown?: string
  icon: ReactNode
  onPress: () => void
  inactive?: boolean
  primary?: boolean
}

/** A button named by its label alone; its key hint is shown and given as aria-keyshortcuts. */
function TransportButton({
  action,
  label,
  shown,
  icon,
  onPress,
  inactive,
  primary,
}: TransportButtonProps) {
  return (
    <button
      type="button"
      className={primary ? 'transport-button primary' : 'transport-button'}
      aria-label={label}
      aria-keyshortcuts={ariaKeys(action)}
      aria-disabled={inactive ? true : undefined}
      onClick={() => {
        if (!inactive) onPress()
      }}
    >
      {icon}
      <span className="transport-label">{shown ?? label}</span>
      <span className="key-hint">
        {shortcutFor(action).keys.map((k) => (
          <Keycap key={k.key} k={k} />
        ))}
      </span>
    </button>
  )
}
