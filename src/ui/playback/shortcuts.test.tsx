import { afterEach, describe, expect, it, vi } from 'vitest'
import { press, render, type Rendered } from '../test-support'
import { SHORTCUTS, useShortcuts, type ActionId } from './shortcuts'

type Handlers = Partial<Record<ActionId, () => void>>

function Harness({ handlers }: { handlers: Handlers }) {
  useShortcuts(handlers)
  return (
    <div>
      <input type="text" aria-label="Name" />
      <input type="number" aria-label="Seed" />
      <textarea aria-label="Notes" />
      <select aria-label="Scenario">
        <option>one</option>
      </select>
      <div contentEditable suppressContentEditableWarning aria-label="Editor">
        text
      </div>
      <input type="range" aria-label="Time" />
      <input type="checkbox" aria-label="Loss" />
      <input type="radio" name="guess" aria-label="First guess" />
      <button type="button">Step forward</button>
      <dialog open>
        <button type="button">Close</button>
      </dialog>
    </div>
  )
}

type Spy = ReturnType<typeof vi.fn<() => void>>
const allActions = (): Record<ActionId, Spy> =>
  Object.fromEntries(SHORTCUTS.map((s) => [s.action, vi.fn<() => void>()])) as Record<ActionId, Spy>

let view: Rendered | undefined
afterEach(() => view?.unmount())

function mount(handlers: Handlers) {
  view = render(<Harness handlers={handlers} />)
  const q = <T extends Element>(selector: string) => view?.container.querySelector(selector) as T
  return q
}

describe('useShortcuts', () => {
  const cases = SHORTCUTS.flatMap((s) => s.keys.map((k) => [k.cap, k.key, s.action] as const))

  it.each(cases)('%s calls %s and keeps the browser from acting on it too', (_, key, action) => {
    const handlers = allActions()
    mount(handlers)
    const event = press(document.body, key, { shiftKey: key === '?' })
    expect(handlers[action]).toHaveBeenCalledOnce()
    for (const other of SHORTCUTS)
      if (other.action !== action) expect(handlers[other.action]).not.toHaveBeenCalled()
    expect(event.defaultPrevented).toBe(true)
  })

  it('leaves other keys, and shortcuts nobody handles, to the browser', () => {
    const playPause = vi.fn()
    mount({ playPause })
    expect(press(document.body, 'a').defaultPrevented).toBe(false)
    expect(press(document.body, 'ArrowRight').defaultPrevented).toBe(false)
    expect(playPause).not.toHaveBeenCalled()
  })

  it.each([
    ['a text input', 'input[type="text"]'],
    ['a number input', 'input[type="number"]'],
    ['a textarea', 'textarea'],
    ['a select', 'select'],
    ['a contenteditable', '[contenteditable]'],
  ])('typing Space or arrows in %s does not play or step', (_, selector) => {
    const handlers = allActions()
    const q = mount(handlers)
    const field = q<HTMLElement>(selector)
    field.focus()
    for (const key of [' ', '.', 'ArrowRight', 'ArrowLeft', '[', '?']) {
      expect(press(field, key).defaultPrevented).toBe(false)
    }
    for (const h of Object.values(handlers)) expect(h).not.toHaveBeenCalled()
  })

  it('leaves the keys a slider moves by to a focused slider, but Space still plays', () => {
    const handlers = allActions()
    const slider = mount(handlers)<HTMLInputElement>('input[type="range"]')
    for (const key of ['ArrowRight', 'ArrowLeft', 'Home', 'End', 'PageUp']) {
      expect(press(slider, key).defaultPrevented).toBe(false)
    }
    expect(handlers.stepForward).not.toHaveBeenCalled()
    expect(handlers.jumpToStart).not.toHaveBeenCalled()
    press(slider, ' ')
    press(slider, ']')
    expect(handlers.playPause).toHaveBeenCalledOnce()
    expect(handlers.faster).toHaveBeenCalledOnce()
  })

  it('leaves arrows to a focused radio button, to move between its choices; Page Down still acts', () => {
    const handlers = allActions()
    const radio = mount(handlers)<HTMLInputElement>('input[type="radio"]')
    for (const key of ['ArrowRight', 'ArrowLeft', 'ArrowUp', 'ArrowDown', ' '])
      expect(press(radio, key).defaultPrevented).toBe(false)
    expect(handlers.stepForward).not.toHaveBeenCalled()
    expect(handlers.stepBack).not.toHaveBeenCalled()
    press(radio, 'PageDown')
    press(radio, '.')
    expect(handlers.nextStep).toHaveBeenCalledOnce()
    expect(handlers.playPause).toHaveBeenCalledOnce()
  })

  it('lets Space press a focused button or checkbox instead of playing; "." still plays', () => {
    const handlers = allActions()
    const q = mount(handlers)
    for (const control of [q<HTMLElement>('div > button'), q<HTMLElement>('[type="checkbox"]')]) {
      expect(press(control, ' ').defaultPrevented).toBe(false)
    }
    expect(handlers.playPause).not.toHaveBeenCalled()
    press(q<HTMLElement>('div > button'), '.')
    press(q<HTMLElement>('div > button'), 'ArrowRight')
    expect(handlers.playPause).toHaveBeenCalledOnce()
    expect(handlers.stepForward).toHaveBeenCalledOnce()
  })

  it('ignores keys inside an open modal dialog, which owns the keyboard', () => {
    const handlers = allActions()
    const close = mount(handlers)<HTMLElement>('dialog button')
    for (const key of ['.', 'ArrowRight', 'Escape']) press(close, key)
    for (const h of Object.values(handlers)) expect(h).not.toHaveBeenCalled()
  })

  it.each(['ctrlKey', 'metaKey', 'altKey'])('ignores keys pressed with %s', (modifier) => {
    const handlers = allActions()
    mount(handlers)
    expect(press(document.body, ']', { [modifier]: true }).defaultPrevented).toBe(false)
    expect(press(document.body, ' ', { [modifier]: true }).defaultPrevented).toBe(false)
    expect(handlers.faster).not.toHaveBeenCalled()
    expect(handlers.playPause).not.toHaveBeenCalled()
  })

  it('repeats steps while a key is held, but not play/pause', () => {
    const handlers = allActions()
    mount(handlers)
    press(document.body, 'ArrowRight')
    press(document.body, 'ArrowRight', { repeat: true })
    press(document.body, ' ')
    const held = press(document.body, ' ', { repeat: true })
    expect(handlers.stepForward).toHaveBeenCalledTimes(2)
    expect(handlers.playPause).toHaveBeenCalledOnce()
    expect(held.defaultPrevented).toBe(false)
  })

  it('calls the latest handlers and stops listening when unmounted', () => {
    const first = vi.fn()
    const second = vi.fn()
    mount({ playPause: first })
    view?.rerender(<Harness handlers={{ playPause: second }} />)
    press(document.body, ' ')
    expect(first).not.toHaveBeenCalled()
    expect(second).toHaveBeenCalledOnce()
    view?.unmount()
    view = undefined
    press(document.body, ' ')
    expect(second).toHaveBeenCalledOnce()
  })
})
