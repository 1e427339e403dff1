import { act, type ReactNode } from 'react'
import { createRoot } from 'react-dom/client'

/**
 * Rendering for component tests (testing-library is not installed): into a container attached to
 * the document, under `act`. Here rather than in src/ui so that the viz tests can use it too
 * (viz may not import ui); src/ui/test-support.tsx adds finding by role and name.
 */

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true

export interface Rendered {
  container: HTMLElement
  rerender(ui: ReactNode): void
  unmount(): void
}

export function render(ui: ReactNode): Rendered {
  const container = document.createElement('div')
  document.body.append(container)
  const root = createRoot(container)
  act(() => root.render(ui))
  return {
    container,
    rerender: (next) => act(() => root.render(next)),
    unmount: () => {
      act(() => root.unmount())
      container.remove()
    },
  }
}
