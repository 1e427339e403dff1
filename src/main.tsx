import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { appStore, hasSharedRun } from './state/store.ts'
import { App } from './ui/App.tsx'
import { restorePresenter } from './ui/presenter.ts'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

restorePresenter()
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)

// Opens the event store and settles which tab saves runs. Then a shared link in the address opens
// its run; without one, the run shown before a reload comes back, unless the link is to a lesson,
// which opens its own run.
const shared = hasSharedRun(location.hash)
const lesson = /(?:^#?|&)lesson=/.test(location.hash)
void appStore
  .getState()
  .init({ reopen: !shared && !lesson })
  .then(() => (shared ? appStore.getState().openLink(location.hash) : undefined))
window.addEventListener('hashchange', () => {
  if (hasSharedRun(location.hash)) void appStore.getState().openLink(location.hash)
})

// Offline once loaded (public/sw.js): the built app only, so that development never serves stale
// modules from a cache.
if (import.meta.env.PROD && 'serviceWorker' in navigator)
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('./sw.js').catch((error: unknown) => {
      console.warn('Offline use is not available:', error)
    })
  })
