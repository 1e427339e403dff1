import { afterEach, describe, expect, it, vi } from 'vitest'
import { act } from 'react'
import { getByRole, press, render, type Rendered } from '../test-support'
import { HelpOverlay } from './HelpOverlay'
import { SHORTCUTS } from './shortcuts'

let view: Rendered | undefined
afterEach(() => view?.unmount())

function Page({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <>
      <button type="button">Help</button>
      <HelpOverlay open={open} onClose={onClose} />
    </>
  )
}

describe('HelpOverlay', () => {
  it('is a dialog named by its heading, closed until opened', () => {
    view = render(<Page open={false} onClose={vi.fn()} />)
    const dialog = getByRole<HTMLDialogElement>(view.container, 'dialog', 'Keyboard shortcuts')
    expect(dialog.hasAttribute('open')).toBe(false)
    view.rerender(<Page open onClose={vi.fn()} />)
    expect(dialog.hasAttribute('open')).toBe(true)
  })

  it('lists every shortcut with its keys as keycaps', () => {
    view = render(<Page open onClose={vi.fn()} />)
    const rows = [...view.container.querySelectorAll('tbody tr')]
    expect(rows.map((r) => r.getAttribute('data-action'))).toEqual(SHORTCUTS.map((s) => s.action))
    SHORTCUTS.forEach((s, i) => {
      const row = rows[i]
      expect(row?.textContent).toContain(s.description)
      const caps = [...(row?.querySelectorAll('kbd') ?? [])].map(
        (k) => k.querySelector('[aria-hidden]')?.textContent ?? k.textContent,
      )
      expect(caps).toEqual(s.keys.map((k) => k.cap))
    })
  })

  it('moves focus to Close on opening and gives it back on closing', () => {
    view = render(<Page open={false} onClose={vi.fn()} />)
    const help = getByRole(view.container, 'button', 'Help')
    act(() => help.focus())
    view.rerender(<Page open onClose={vi.fn()} />)
    expect(document.activeElement).toBe(getByRole(view.container, 'button', 'Close'))
    view.rerender(<Page open={false} onClose={vi.fn()} />)
    expect(document.activeElement).toBe(help)
  })

  it('asks to close on Close and on Escape, once each', () => {
    const onClose = vi.fn()
    view = render(<Page open onClose={onClose} />)
    const close = getByRole(view.container, 'button', 'Close')
    act(() => close.click())
    expect(onClose).toHaveBeenCalledTimes(1)
    const escape = press(close, 'Escape')
    expect(onClose).toHaveBeenCalledTimes(2)
    expect(escape.defaultPrevented).toBe(true)
  })

  it('asks to close when the browser cancels the dialog, and keeps it open meanwhile', () => {
    const onClose = vi.fn()
    view = render(<Page open onClose={onClose} />)
    const dialog = getByRole(view.container, 'dialog', 'Keyboard shortcuts')
    const cancel = new Event('cancel', { cancelable: true })
    act(() => {
      dialog.dispatchEvent(cancel)
    })
    expect(onClose).toHaveBeenCalledOnce()
    expect(cancel.defaultPrevented).toBe(true)
  })
})
