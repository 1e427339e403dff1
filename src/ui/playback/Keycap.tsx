import type { ShortcutKey } from './shortcuts'
import './keycap.css'

/** A keycap; a symbol like "→" is also spelled out for screen readers. */
export function Keycap({ k }: { k: ShortcutKey }) {
  if (!k.spoken) return <kbd className="keycap">{k.cap}</kbd>
  return (
    <kbd className="keycap">
      <span aria-hidden="true">{k.cap}</span>
      <span className="visually-hidden">{k.spoken}</span>
    </kbd>
  )
}
