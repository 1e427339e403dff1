import { useSyncExternalStore } from 'react'

/**
 * Where the page is, read from the URL hash so that every view has a link: a lesson's step
 * (`#lesson=read-after-write&step=strong-flag`), a comparison (`#compare=push-pull`), the list of
 * lessons (`#lessons`), or the playground (anything else, including a shared run, `#run=...`).
 * The hash comes from anyone: unknown names are passed on as they are and the view that gets
 * them says what it does not know.
 */
export type Route =
  | { readonly view: 'playground' }
  | { readonly view: 'lessons' }
  | { readonly view: 'lesson'; readonly lesson: string; readonly step: string | null }
  | { readonly view: 'compare'; readonly id: string }

/** Names in links are short slugs; anything longer is cut before it is shown or looked up. */
const MAX_NAME = 80

export function parseRoute(hash: string): Route {
  const params = new URLSearchParams(hash.replace(/^#/, ''))
  const get = (key: string) => params.get(key)?.slice(0, MAX_NAME) ?? null
  const lesson = get('lesson')
  if (lesson !== null) return { view: 'lesson', lesson, step: get('step') }
  const compare = get('compare')
  if (compare !== null) return { view: 'compare', id: compare }
  if (params.has('lessons')) return { view: 'lessons' }
  return { view: 'playground' }
}

/** The hash (with '#') of a route. */
export function routeHash(route: Route): string {
  switch (route.view) {
    case 'playground':
      return '#'
    case 'lessons':
      return '#lessons'
    case 'compare':
      return `#${new URLSearchParams({ compare: route.id }).toString()}`
    case 'lesson':
      return `#${new URLSearchParams(route.step === null ? { lesson: route.lesson } : { lesson: route.lesson, step: route.step }).toString()}`
  }
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange)
  return () => window.removeEventListener('hashchange', onChange)
}

const currentHash = () => window.location.hash

/** The route of the page, re-rendering when the hash changes (links, back and forward). */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, currentHash, () => '')
  return parseRoute(hash)
}

/** Goes to a route, adding it to the history (so the browser's Back returns). */
export function navigate(route: Route): void {
  window.location.hash = routeHash(route)
}
