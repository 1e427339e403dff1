import { useEffect, useEffectEvent } from 'react'

/**
 * The keyboard shortcuts of playback and the glossary's key, in one table: `useShortcuts` listens
 * for them and the help overlay and the transport's key hints are printed from them, so the three
 * cannot disagree.
 */

export type ActionId =
  | 'playPause'
  | 'stepForward'
  | 'stepBack'
  | 'slower'
  | 'faster'
  | 'jumpToStart'
  | 'jumpToEnd'
  | 'glossary'
  | 'help'
  | 'closeHelp'
  | 'nextStep'
  | 'previousStep'

export interface ShortcutKey {
  /** `KeyboardEvent.key` */
  key: string
  /** What a keycap shows. */
  cap: string
  /** What a screen reader should say, when the keycap is a symbol. */
  spoken?: string
}

export interface Shortcut {
  action: ActionId
  keys: readonly ShortcutKey[]
  description: string
  /** Whether holding the key down repeats the action (stepping does; play/pause must not). */
  repeats: boolean
}

export const SHORTCUTS: readonly Shortcut[] = [
  {
    action: 'playPause',
    // Presenter remotes send "." (their "blank screen" button), so a remote can play and pause.
    keys: [
      { key: ' ', cap: 'Space' },
      { key: '.', cap: '.', spoken: 'Period' },
    ],
    description: 'Play or pause',
    repeats: false,
  },
  {
    action: 'stepForward',
    keys: [{ key: 'ArrowRight', cap: '→', spoken: 'Right arrow' }],
    description: 'Step forward to the next event',
    repeats: true,
  },
  {
    action: 'stepBack',
    keys: [{ key: 'ArrowLeft', cap: '←', spoken: 'Left arrow' }],
    description: 'Step back to the previous event',
    repeats: true,
  },
  { action: 'slower', keys: [{ key: '[', cap: '[' }], description: 'Slower', repeats: true },
  { action: 'faster', keys: [{ key: ']', cap: ']' }], description: 'Faster', repeats: true },
  {
    action: 'jumpToStart',
    keys: [{ key: 'Home', cap: 'Home' }],
    description: 'Jump to the start',
    repeats: false,
  },
  {
    action: 'jumpToEnd',
    keys: [{ key: 'End', cap: 'End' }],
    description: 'Jump to the end',
    repeats: false,
  },
  {
    action: 'nextStep',
    // A presenter remote's "next slide" button sends Page Down.
    keys: [{ key: 'PageDown', cap: 'Page Down' }],
    description: 'In a lesson: run the step, show its end, then go on to the next step',
    repeats: false,
  },
  {
    action: 'previousStep',
    keys: [{ key: 'PageUp', cap: 'Page Up' }],
    description: 'In a lesson: back to the previous step',
    repeats: false,
  },
  {
    action: 'glossary',
    keys: [{ key: 'g', cap: 'g' }],
    description: 'Open or close the glossary',
    repeats: false,
  },
  { action: 'help', keys: [{ key: '?', cap: '?' }], description: 'Show this help', repeats: false },
  {
    action: 'closeHelp',
    keys: [{ key: 'Escape', cap: 'Esc', spoken: 'Escape' }],
    description: 'Close this help',
    repeats: false,
  },
]

const BY_KEY = new Map(SHORTCUTS.flatMap((s) => s.keys.map((k) => [k.key, s] as const)))

/** The shortcut for an action (every action has one). */
export function shortcutFor(action: ActionId): Shortcut {
  const found = SHORTCUTS.find((s) => s.action === action)
  if (!found) throw new Error(`no shortcut for ${action}`)
  return found
}

/** `aria-keyshortcuts` for an action: "Space ." */
export function ariaKeys(action: ActionId): string {
  return shortcutFor(action)
    .keys.map((k) => (k.key === ' ' ? 'Space' : k.key))
    .join(' ')
}

/**
 * Calls the handler of a pressed shortcut, with one listener on window. Keys are left alone
 * (no handler, no `preventDefault`) where they already mean something:
 * - while typing: in a text input, textarea, select or contenteditable;
 * - with Ctrl, Meta or Alt held (browser and system shortcuts; Shift is allowed, "?" needs it);
 * - the keys a focused range input moves by (arrows, Home, End, Page Up/Down): the scrubber and
 *   the speed slider keep their native keyboard behaviour; arrows on a radio button move
 *   between its group's choices (a lesson's prediction);
 * - Space on a focused button, checkbox, radio or summary: the browser presses that control,
 *   as it does everywhere on the web. Doing both would act twice (Space on "Step forward" would
 *   step and play); swallowing it would make Space the only key that cannot press a focused
 *   button. "." is the play/pause key that works whatever has focus;
 * - inside an open modal dialog, which owns the keyboard (the help closes itself on Escape).
 * Only a handled key is `preventDefault`ed, so Space never scrolls the page when it plays.
 */
export function useShortcuts(handlers: Partial<Record<ActionId, () => void>>): void {
  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    const shortcut = BY_KEY.get(event.key)
    if (!shortcut || (event.repeat && !shortcut.repeats)) return
    if (event.defaultPrevented || event.isComposing) return
    if (event.ctrlKey || event.metaKey || event.altKey) return
    if (ownsKey(event.target, event.key)) return
    const handler = handlers[shortcut.action]
    if (!handler) return
    event.preventDefault()
    handler()
  })
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event)
    window.addEventListener('keydown', listener)
    return () => window.removeEventListener('keydown', listener)
  }, [])
}

/** Input types that take no typing; every other type (text, number, date...) does. */
const NOT_TEXT = new Set([
  'button',
  'checkbox',
  'color',
  'file',
  'image',
  'radio',
  'range',
  'reset',
  'submit',
])
const RANGE_KEYS = new Set([
  'ArrowLeft',
  'ArrowRight',
  'ArrowUp',
  'ArrowDown',
  'Home',
  'End',
  'PageUp',
  'PageDown',
])
const PRESSED_BY_SPACE = 'button, summary, [role="button"], [role="checkbox"], [role="switch"]'
const EDITABLE = '[contenteditable]:not([contenteditable="false"])'

/** Whether the focused element already does something with this key. */
function ownsKey(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof Element)) return false
  if (target.closest('dialog[open]')) return true
  if (target.closest(EDITABLE)) return true // (jsdom has no isContentEditable)
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true
  if (target instanceof HTMLInputElement) {
    const type = target.type
    if (!NOT_TEXT.has(type)) return true
    if (type === 'range') return RANGE_KEYS.has(key)
    // Arrows move between the choices of a radio group.
    if (type === 'radio') return key === ' ' || (RANGE_KEYS.has(key) && key.startsWith('Arrow'))
    return key === ' '
  }
  return key === ' ' && target.closest(PRESSED_BY_SPACE) !== null
}
