/** Transport glyphs as paths, so they look the same on every projector (no emoji fonts). */
const PATHS = {
  jumpToStart: 'M2 3h2v10H2z M9 3v10L4 8z M15 3v10L10 8z',
  stepBack: 'M10 3v10L4 8z M11 3h2.5v10H11z',
  play: 'M4 2l10 6-10 6z',
  pause: 'M3.5 3h3.2v10H3.5z M9.3 3h3.2v10H9.3z',
  stepForward: 'M2.5 3H5v10H2.5z M6 3l6 5-6 5z',
  jumpToEnd: 'M1 3l5 5-5 5z M7 3l5 5-5 5z M12 3h2v10h-2z',
}

export function Icon({ name }: { name: keyof typeof PATHS }) {
  return (
    <svg className="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="currentColor" />
    </svg>
  )
}
