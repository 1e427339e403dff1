import { afterEach, describe, expect, it, vi } from 'vitest'
import { act } from 'react'
import {
  accessibleName,
  allByRole,
  changeValue,
  getByRole,
  render,
  type Rendered,
} from '../test-support'
import { SPEEDS, Transport, type TransportProps } from './Transport'

function props(overrides: Partial<TransportProps> = {}): TransportProps {
  return {
    playing: false,
    speed: 2,
    now: 1250,
    frontier: 10_000,
    end: 10_000,
    done: true,
    canStepBack: true,
    onPlayPause: vi.fn(),
    onStep: vi.fn(),
    onStepBack: vi.fn(),
    onSpeed: vi.fn(),
    onSeek: vi.fn(),
    onJumpToEnd: vi.fn(),
    onJumpToStart: vi.fn(),
    ...overrides,
  }
}

let view: Rendered | undefined
afterEach(() => view?.unmount())
const show = (p: TransportProps) => (view = render(<Transport {...p} />)).container

const click = (el: HTMLElement) => act(() => el.click())

describe('Transport', () => {
  it('names its buttons by what they do, and each shows and declares its key', () => {
    const root = show(props())
    const names = allByRole(root, 'button').map(accessibleName)
    expect(names).toEqual(['Jump to start', 'Step back', 'Play', 'Step forward', 'Jump to end'])
    const play = getByRole(root, 'button', 'Play')
    expect(play.getAttribute('aria-keyshortcuts')).toBe('Space .')
    expect(play.querySelector('kbd')?.textContent).toBe('Space')
    expect(getByRole(root, 'button', 'Step forward').textContent).toContain('Right arrow')
    expect(getByRole(root, 'button', 'Jump to end').getAttribute('aria-keyshortcuts')).toBe('End')
  })

  it('calls the handler of each button', () => {
    const p = props()
    const root = show(p)
    const pairs: [string, () => void][] = [
      ['Jump to start', p.onJumpToStart],
      ['Step back', p.onStepBack],
      ['Play', p.onPlayPause],
      ['Step forward', p.onStep],
      ['Jump to end', p.onJumpToEnd],
    ]
    for (const [name, handler] of pairs) {
      click(getByRole(root, 'button', name))
      expect(handler, name).toHaveBeenCalledOnce()
    }
  })

  it('says Pause while playing', () => {
    const root = show(props({ playing: true }))
    expect(getByRole(root, 'button', 'Pause')).toBeTruthy()
    expect(allByRole(root, 'button').map(accessibleName)).not.toContain('Play')
  })

  it('keeps a button with nothing to do focusable but inert', () => {
    const p = props({ canStepBack: false, now: 0 })
    const root = show(p)
    for (const name of ['Step back', 'Jump to start']) {
      const button = getByRole<HTMLButtonElement>(root, 'button', name)
      expect(button.disabled).toBe(false)
      expect(button.getAttribute('aria-disabled')).toBe('true')
      click(button)
    }
    expect(p.onStepBack).not.toHaveBeenCalled()
    expect(p.onJumpToStart).not.toHaveBeenCalled()
  })

  it('has nothing to step forward to at the end of a finished run', () => {
    const root = show(props({ now: 10_000 }))
    expect(getByRole(root, 'button', 'Step forward').getAttribute('aria-disabled')).toBe('true')
    expect(getByRole(root, 'button', 'Jump to end').getAttribute('aria-disabled')).toBe('true')
    expect(getByRole(root, 'button', 'Play').getAttribute('aria-disabled')).toBeNull()
  })

  it('has a speed slider over the speed steps that says and shows "2×"', () => {
    const p = props()
    const root = show(p)
    const slider = getByRole<HTMLInputElement>(root, 'slider', 'Speed')
    expect(slider.max).toBe(String(SPEEDS.length - 1))
    expect(slider.value).toBe(String(SPEEDS.indexOf(2)))
    expect(slider.getAttribute('aria-valuetext')).toBe('2× speed')
    expect(root.querySelector('.speed-value')?.textContent).toBe('2×')
    changeValue(slider, String(SPEEDS.indexOf(5)))
    expect(p.onSpeed).toHaveBeenCalledWith(5)
  })

  it('has a time scrubber over the whole run that says where it is', () => {
    const p = props()
    const root = show(p)
    const time = getByRole<HTMLInputElement>(root, 'slider', 'Time')
    expect([time.min, time.max, time.value]).toEqual(['0', '10000', '1250'])
    expect(time.getAttribute('aria-valuetext')).toBe('1.25 s of 10 s')
    expect(root.querySelector('.readout')?.textContent).toBe('1.25 s / 10.00 s')
    changeValue(time, '7500')
    expect(p.onSeek).toHaveBeenCalledWith(7500)
  })

  it('shows how far a growing run is computed, on the track and in words', () => {
    const root = show(props({ frontier: 4000, done: false }))
    const time = getByRole(root, 'slider', 'Time')
    expect(time.getAttribute('aria-valuetext')).toBe('1.25 s of 10 s, computed to 4 s')
    const body = root.querySelector<HTMLElement>('.scrubber-body')
    expect(body?.style.getPropertyValue('--at')).toBe('0.125')
    expect(body?.style.getPropertyValue('--computed')).toBe('0.4')
    expect(root.querySelector('.readout')?.textContent).toContain('computed to 4.00 s')
    expect(root.querySelector('.scrubber-legend')?.textContent).toContain('not computed yet')
  })
})
