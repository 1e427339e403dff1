/**
 * Presenter mode is a class on the root element (`presenter`), which the stylesheets scale by.
 * It is remembered for the tab (sessionStorage), so a teacher who reloads the page, or follows a
 * step's link, stays in it; a new tab starts without it.
 */
const KEY = 'eventually-playground/presenter'

export function isPresenter(): boolean {
  return document.documentElement.classList.contains('presenter')
}

export function setPresenter(on: boolean): void {
  document.documentElement.classList.toggle('presenter', on)
  try {
    if (on) sessionStorage.setItem(KEY, '1')
    else sessionStorage.removeItem(KEY)
  } catch {
    // Storage refused (private mode): the mode holds until a reload, nothing else is lost.
  }
}

/** Puts the page back in presenter mode if this tab was in it before a reload. */
export function restorePresenter(): void {
  try {
    if (sessionStorage.getItem(KEY) === '1') document.documentElement.classList.add('presenter')
  } catch {
    // As above: without storage, the page starts in the ordinary mode.
  }
}
