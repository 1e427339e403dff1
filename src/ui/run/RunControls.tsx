import { useState } from 'react'
import {
  selectFrame,
  selectLoadScenario,
  selectRunScenario,
  selectScenario,
  selectScenarioName,
  shareUrl,
  useApp,
} from '../../state/store'

const MAX_SEED = 4294967295

/**
 * Starts runs of the chosen scenario: paused at its beginning, or computed to its end; with the
 * seed that decides every random choice of the network (the same seed gives the same run), a new
 * one, or the same one again; and a link that reproduces the run on screen exactly.
 */
export function RunControls() {
  const name = useApp(selectScenarioName)
  const scenario = useApp(selectScenario)
  const load = useApp(selectLoadScenario)
  const runScenario = useApp(selectRunScenario)
  const startScenario = useApp((s) => s.startScenario)
  const seed = typeof scenario.seed === 'number' ? scenario.seed : 0
  return (
    <div className="start">
      <button type="button" className="primary" onClick={() => void startScenario()}>
        Start “{name}”
      </button>
      <button type="button" onClick={() => void runScenario()}>
        Run “{name}” to the end
      </button>
      <span className="seed">
        <label htmlFor="seed">Seed</label>
        <input
          id="seed"
          type="number"
          inputMode="numeric"
          min={0}
          max={MAX_SEED}
          step={1}
          value={seed}
          onChange={(e) => {
            const n = Number(e.target.value)
            if (Number.isSafeInteger(n) && n >= 0 && n <= MAX_SEED) load({ ...scenario, seed: n })
          }}
        />
        <button
          type="button"
          onClick={() => {
            // The UI may draw randomness; the engine never does (the seed is all it gets).
            load({ ...scenario, seed: Math.floor(Math.random() * MAX_SEED) })
            void startScenario()
          }}
        >
          New seed
        </button>
        <button type="button" onClick={() => void startScenario()}>
          Same seed again
        </button>
      </span>
      <ShareLink />
    </div>
  )
}

/** Puts the run on screen in the address bar and offers it to copy. */
function ShareLink() {
  const open = useApp((s) => selectFrame(s) !== null)
  const shareLink = useApp((s) => s.shareLink)
  const [link, setLink] = useState<{ url: string; note: string } | null>(null)
  if (!open) return null
  const share = async () => {
    try {
      const hash = await shareLink()
      if (!hash) return
      const url = shareUrl(window.location, hash)
      window.history.replaceState(null, '', url)
      let note = 'Link copied.'
      try {
        await navigator.clipboard.writeText(url)
      } catch {
        note = 'Copy the link below.'
      }
      setLink({ url, note })
    } catch (error) {
      setLink({ url: '', note: error instanceof Error ? error.message : String(error) })
    }
  }
  return (
    <span className="share">
      <button type="button" onClick={() => void share()}>
        Link to this run
      </button>
      {link && (
        <>
          <span role="status">{link.note}</span>
          {link.url && (
            <input
              aria-label="Link to this run"
              readOnly
              value={link.url}
              onFocus={(e) => e.target.select()}
            />
          )}
        </>
      )}
    </span>
  )
}
