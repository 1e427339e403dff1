import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { appStore } from './state/store.ts'
import { App } from './ui/App.tsx'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)

// Opens the event store, settles which tab saves runs, and reopens the run shown before a reload.
void appStore.getState().init()
