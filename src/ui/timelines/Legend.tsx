import { ARROW_STYLE, INK } from '../../viz/spacetime/spacetime-style'

const SWATCH = { width: 44, height: 16 }

function Line({
  stroke,
  dash,
  width,
}: {
  stroke: string
  dash?: string | undefined
  width: number
}) {
  return (
    <svg {...SWATCH} aria-hidden="true">
      <line
        x1={2}
        x2={42}
        y1={8}
        y2={8}
        stroke={stroke}
        strokeWidth={width}
        strokeDasharray={dash}
      />
    </svg>
  )
}

/** What every mark means: colour, dash and shape together, so none depends on colour alone. */
export function Legend() {
  return (
    <ul className="timeline-legend" aria-label="Legend of the space-time diagram">
      <li>
        <svg {...SWATCH} aria-hidden="true">
          <rect x={17} y={3} width={10} height={10} fill={INK.append} />
        </svg>
        event appended to the store
      </li>
      {Object.values(ARROW_STYLE).map((s) => (
        <li key={s.label}>
          <Line stroke={s.stroke} dash={s.dash} width={s.width} />
          {s.label}
        </li>
      ))}
      <li>
        <Line stroke={ARROW_STYLE.first.stroke} dash="3 3" width={1.5} />
        still on its way
      </li>
      <li>
        <svg {...SWATCH} aria-hidden="true">
          <path d="M17,3L27,13M17,13L27,3" stroke={INK.lost} strokeWidth={2.5} />
        </svg>
        lost or dropped
      </li>
      <li>
        <svg {...SWATCH} aria-hidden="true">
          <circle
            cx={22}
            cy={8}
            r={4}
            fill="#ffffff"
            stroke={ARROW_STYLE.duplicate.stroke}
            strokeWidth={1.5}
          />
        </svg>
        skipped by the handler
      </li>
      <li>
        <svg {...SWATCH} aria-hidden="true">
          <line x1={6} x2={38} y1={8} y2={8} stroke={ARROW_STYLE.first.stroke} strokeWidth={3} />
        </svg>
        buffered until applied
      </li>
      <li>
        <svg {...SWATCH} aria-hidden="true">
          <circle cx={22} cy={8} r={5} fill={INK.fresh} />
        </svg>
        read, fresh
      </li>
      <li>
        <svg {...SWATCH} aria-hidden="true">
          <path d="M22,1L29,14L15,14Z" fill="#ffffff" stroke={INK.stale} strokeWidth={2} />
        </svg>
        read, stale
      </li>
      <li>
        <svg {...SWATCH} aria-hidden="true">
          <line
            x1={2}
            x2={42}
            y1={14}
            y2={2}
            stroke={INK.poll}
            strokeWidth={1.5}
            strokeDasharray="1 3"
          />
        </svg>
        poll and its answer (pull)
      </li>
      <li>
        <svg {...SWATCH} aria-hidden="true">
          <circle cx={22} cy={8} r={3.5} fill="#ffffff" stroke={INK.poll} strokeWidth={1.5} />
        </svg>
        empty answer (nothing new)
      </li>
      <li>
        <svg {...SWATCH} aria-hidden="true">
          <rect
            x={2}
            y={1}
            width={40}
            height={14}
            fill="#fdf1e6"
            stroke={INK.muted}
            strokeDasharray="4 3"
          />
          <path d="M6,15L20,1M16,15L30,1M26,15L40,1" stroke="#c46a1f" strokeWidth={2} />
        </svg>
        partitioned
      </li>
      <li>
        <svg {...SWATCH} aria-hidden="true">
          <rect x={2} y={1} width={40} height={14} fill="#eeeeee" stroke={INK.muted} />
          <path
            d="M2,1L16,15M16,1L2,15M16,1L30,15M30,1L16,15M30,1L42,13M42,1L30,13"
            stroke="#6b6b6b"
          />
        </svg>
        crashed or rebuilding
      </li>
      <li>
        <svg {...SWATCH} aria-hidden="true">
          <circle cx={22} cy={8} r={7} fill={INK.anomaly} />
          <text
            x={22}
            y={8}
            dy="0.35em"
            textAnchor="middle"
            fontSize={11}
            fontWeight={700}
            fill="#ffffff"
          >
            !
          </text>
        </svg>
        anomaly found by the checker
      </li>
    </ul>
  )
}
