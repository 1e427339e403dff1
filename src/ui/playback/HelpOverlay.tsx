import { useEffect, useId, useRef } from 'react'
import { Keycap } from './Keycap'
import { SHORTCUTS, shortcutFor, type ShortcutKey } from './shortcuts'
import './help-overlay.css'

export interface HelpOverlayProps {
  open: boolean
  /** Called on Close, on Escape and on a click on the backdrop; the parent sets `open` to false. */
  onClose: () => void
}

/**
 * The keyboard shortcuts in a modal dialog, printed from `SHORTCUTS`. Opening moves focus to the
 * Close button; closing returns it to whatever had it before.
 */
const [space, period] = shortcutFor('playPause').keys as [ShortcutKey, ShortcutKey]

export function HelpOverlay({ open, onClose }: HelpOverlayProps) {
  const dialog = useRef<HTMLDialogElement>(null)
  const closeButton = useRef<HTMLButtonElement>(null)
  const headingId = useId()

  useEffect(() => {
    const node = dialog.current
    if (!open || !node) return
    const before = document.activeElement
    // jsdom has no showModal(): there the dialog is only marked open.
    if (typeof node.showModal === 'function') node.showModal()
    else node.setAttribute('open', '')
    closeButton.current?.focus()
    return () => {
      if (typeof node.close === 'function') node.close()
      else node.removeAttribute('open')
      if (before instanceof HTMLElement && before.isConnected) before.focus()
    }
  }, [open])

  return (
    <dialog
      ref={dialog}
      className="help-overlay"
      aria-labelledby={headingId}
      // Escape: the browser would close the dialog behind React's back; let the parent do it.
      onCancel={(event) => {
        event.preventDefault()
        onClose()
      }}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return
        event.preventDefault() // no cancel event as well, so onClose runs once
        onClose()
      }}
      // The dialog has no padding, so only a click on the backdrop lands on the dialog itself.
      onClick={(event) => {
        if (event.target === event.currentTarget) onClose()
      }}
    >
      <div className="help-body">
        {/* Close sits beside the heading: the list must fit a projector's 800 px at presenter size. */}
        <header className="help-header">
          <h2 id={headingId}>Keyboard shortcuts</h2>
          <button ref={closeButton} type="button" className="primary" onClick={onClose}>
            Close
          </button>
        </header>
        <table>
          <thead>
            <tr>
              <th scope="col">Keys</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.action} data-action={s.action}>
                <td className="keys">
                  {s.keys.map((k, i) => (
                    <span key={k.key}>
                      {i > 0 && ' or '}
                      <Keycap k={k} />
                    </span>
                  ))}
                </td>
                <td>{s.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="help-note">
          When a button has focus, <Keycap k={space} /> presses that button. <Keycap k={period} />{' '}
          plays or pauses whatever has focus. Keys do nothing while you type in a text field.
        </p>
      </div>
    </dialog>
  )
}
