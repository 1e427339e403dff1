import { toggleGlossary, useGlossary } from '../../state/glossary'
import { Keycap } from '../playback/Keycap'
import { ariaKeys, shortcutFor, useShortcuts } from '../playback/shortcuts'

/** The header's button: opens the glossary at the top, or closes it. */
export function GlossaryButton() {
  const open = useGlossary((s) => s.open)
  return (
    <button
      type="button"
      aria-expanded={open}
      aria-keyshortcuts={ariaKeys('glossary')}
      onClick={toggleGlossary}
    >
      Glossary {/* The key is announced by aria-keyshortcuts; the name stays "Glossary". */}
      <span aria-hidden="true">
        {shortcutFor('glossary').keys.map((k) => (
          <Keycap key={k.key} k={k} />
        ))}
      </span>
    </button>
  )
}

/** The `g` key, on every page: the glossary is not tied to a run being open. */
export function useGlossaryShortcut(): void {
  useShortcuts({ glossary: toggleGlossary })
}
