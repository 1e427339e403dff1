import type { CSSProperties } from 'react'
import { readout, scrubberText, unitFor } from './time-text'

interface TimeProps {
  now: number
  frontier: number
  end: number
  done: boolean
}

interface ScrubberProps extends TimeProps {
  onSeek: (time: number) => void
}

/** "1.25 s / 10.00 s · computed to 4.00 s", in fixed decimals so it does not jitter. */
export function Readout({ now, frontier, end, done }: TimeProps) {
  const unit = unitFor(end)
  return (
    <p className="readout">
      <span className="readout-now">{readout(now, unit)}</span>
      <span className="readout-end"> / {readout(end, unit)}</span>
      {!done && <span className="readout-computed"> · computed to {readout(frontier, unit)}</span>}
    </p>
  )
}

/**
 * A native range input over [0, end] (so arrows, Page Up/Down, Home and End work as everywhere)
 * laid over a drawn track: played (0..now), computed ahead (now..frontier), not computed yet
 * (frontier..end, hatched). `step="any"` keeps the thumb exactly at `now`; browsers then move by
 * 1% of the range per arrow key.
 */
export function Scrubber({ now, frontier, end, done, onSeek }: ScrubberProps) {
  const unit = unitFor(end)
  const share = (t: number) => (end > 0 ? Math.min(1, Math.max(0, t / end)) : 0)
  const at = share(now)
  const computed = Math.max(at, share(frontier))
  const track = { '--at': at, '--computed': computed } as CSSProperties
  return (
    <div className="scrubber">
      <div className="scrubber-body" style={track}>
        <div className="scrubber-track" aria-hidden="true">
          <div className="played" />
          <div className="ahead" />
          <div className="pending" />
        </div>
        <input
          type="range"
          aria-label="Time"
          min={0}
          max={end}
          step="any"
          value={Math.min(now, end)}
          aria-valuetext={scrubberText(now, frontier, end, done)}
          onChange={(e) => onSeek(Number(e.currentTarget.value))}
        />
      </div>
      <div className="scrubber-scale" aria-hidden="true">
        <span>0</span>
        <span>{readout(end, unit)}</span>
      </div>
      <ul className="scrubber-legend" aria-hidden="true">
        <li>
          <span className="swatch played" /> played
        </li>
        <li>
          <span className="swatch ahead" /> computed
        </li>
        {!done && (
          <li>
            <span className="swatch pending" /> not computed yet
          </li>
        )}
      </ul>
    </div>
  )
}
