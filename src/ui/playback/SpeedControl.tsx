import { useId } from 'react'
import { Keycap } from './Keycap'
import { ariaKeys, shortcutFor } from './shortcuts'
import { SPEEDS, speedIndex, speedLabel } from './speeds'

/** A slider over the SPEEDS steps (even steps on a log scale), with the speed written beside it. */
export function SpeedControl({
  speed,
  onSpeed,
}: {
  speed: number
  onSpeed: (speed: number) => void
}) {
  const id = useId()
  const index = speedIndex(speed)
  const shown = SPEEDS[index] ?? speed
  return (
    <div className="speed">
      <label htmlFor={id}>Speed</label>
      <span className="key-hint" aria-hidden="true">
        <Keycap k={shortcutFor('slower').keys[0] ?? { key: '[', cap: '[' }} />
      </span>
      <input
        id={id}
        type="range"
        min={0}
        max={SPEEDS.length - 1}
        step={1}
        value={index}
        aria-valuetext={`${speedLabel(shown)} speed`}
        aria-keyshortcuts={`${ariaKeys('slower')} ${ariaKeys('faster')}`}
        onChange={(e) => {
          const next = SPEEDS[Number(e.currentTarget.value)]
          if (next !== undefined) onSpeed(next)
        }}
      />
      <span className="key-hint" aria-hidden="true">
        <Keycap k={shortcutFor('faster').keys[0] ?? { key: ']', cap: ']' }} />
      </span>
      {/* Not an <output>: that is a live region, and the slider already says its value. */}
      <span className="speed-value" aria-hidden="true">
        {speedLabel(shown)}
      </span>
    </div>
  )
}
