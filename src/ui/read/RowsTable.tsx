import type { Row } from '../../core'
import { selectPickedKey, useApp, type RowFrame } from '../../state/store'
import { plural, scalarText } from './read-words'

interface Props {
  readonly projection: string
  readonly rows: readonly RowFrame[]
  readonly moreRows: number
  /** The key to mark as picked; by default the key of the event picked on the timelines. */
  readonly picked?: string | null
}

/**
 * A projection's rows beside the truth. A row that matches takes one line ("local = truth"); a
 * row that differs takes two, its local copy above the truth, so the eye compares a field
 * straight down its column and the narrow column never scrolls for the common domains. The
 * difference is said in words and shapes ("≠ differs", bold, a bar), never by colour alone.
 */
/** The row of the event picked on the timelines: a shape and words, not colour alone. */
function PickedMark({ on }: { on: boolean }) {
  if (!on) return null
  return (
    <span className="picked-mark">
      <span aria-hidden="true">◆ </span>
      <span className="visually-hidden">picked on the timeline: </span>
    </span>
  )
}

export function RowsTable({ projection, rows, moreRows, ...props }: Props) {
  const pickedOnTimelines = useApp(selectPickedKey)
  const picked = props.picked === undefined ? pickedOnTimelines : props.picked
  if (rows.length === 0 && moreRows === 0)
    return <p className="rows-empty">No rows yet: nothing has been written to this key space.</p>
  const fields = sharedFields(rows)
  const span = fields ? Math.max(fields.length, 1) : 1
  const label = `Rows of ${projection} beside the truth`
  return (
    <>
      <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
        <table className="rows">
          <caption className="visually-hidden">{label}</caption>
          <thead>
            <tr>
              <th scope="col">key</th>
              <th scope="col">copy</th>
              {fields ? (
                fields.map((f) => (
                  <th scope="col" key={f}>
                    {f}
                  </th>
                ))
              ) : (
                <th scope="col">fields</th>
              )}
            </tr>
          </thead>
          {rows.map((r) => (
            <tbody
              key={r.key}
              className={
                [r.differs && 'differs', r.key === picked && 'picked'].filter(Boolean).join(' ') ||
                undefined
              }
              data-picked={r.key === picked || undefined}
            >
              {r.differs ? (
                <>
                  <tr>
                    <th scope="rowgroup" rowSpan={2} className="key">
                      <PickedMark on={r.key === picked} />
                      {r.key}{' '}
                      <span className="differs-badge">
                        <span aria-hidden="true">≠ </span>differs
                      </span>
                    </th>
                    <th scope="row" className="copy">
                      local
                    </th>
                    <Cells row={r.local} other={r.truth} fields={fields} span={span} mark />
                  </tr>
                  <tr className="truth">
                    <th scope="row" className="copy">
                      truth
                    </th>
                    <Cells row={r.truth} other={r.local} fields={fields} span={span} />
                  </tr>
                </>
              ) : (
                <tr>
                  <th scope="row" className="key">
                    <PickedMark on={r.key === picked} />
                    {r.key}
                  </th>
                  <td className="copy">local = truth</td>
                  <Cells row={r.local} other={r.truth} fields={fields} span={span} />
                </tr>
              )}
            </tbody>
          ))}
        </table>
      </div>
      {moreRows > 0 && <p className="more-rows">…and {plural(moreRows, 'more row')}, not shown.</p>}
    </>
  )
}

interface CellsProps {
  readonly row: Row | null
  readonly other: Row | null
  readonly fields: readonly string[] | null
  readonly span: number
  /** This is the local copy: its differing values get the "differs" mark. */
  readonly mark?: boolean
}

function Cells({ row, other, fields, span, mark = false }: CellsProps) {
  if (row === null)
    return (
      <td colSpan={span} className={mark ? 'absent differs' : 'absent'}>
        {mark ? <Differs>missing</Differs> : <em>no row (never created, or deleted)</em>}
      </td>
    )
  if (Object.keys(row).length === 0)
    return (
      <td colSpan={span}>
        <em>exists (a row with no fields)</em>
      </td>
    )
  // The local copy marks every value the truth lacks or holds otherwise; the truth emphasises
  // the values it holds otherwise (a row missing here altogether is said once, on its line).
  const differs = (f: string) =>
    other === null ? mark : !Object.hasOwn(other, f) || other[f] !== row[f]
  const cellClass = (f: string) => (differs(f) ? (mark ? 'differs' : 'truth-differs') : undefined)
  if (!fields)
    return (
      <td className="fields">
        {Object.entries(row).map(([f, v]) => (
          <span key={f} className={`field ${cellClass(f) ?? ''}`.trim()}>
            {f}: {differs(f) ? <Value mark={mark}>{scalarText(v)}</Value> : scalarText(v)}
          </span>
        ))}
      </td>
    )
  return fields.map((f) => (
    <td key={f} className={cellClass(f)}>
      {differs(f) ? <Value mark={mark}>{scalarText(row[f])}</Value> : scalarText(row[f])}
    </td>
  ))
}

/** A differing value: bold in both copies, and marked "≠ … differs" in the local one. */
function Value({ mark, children }: { mark: boolean; children: string }) {
  return mark ? <Differs>{children}</Differs> : <strong>{children}</strong>
}

function Differs({ children }: { children: string }) {
  return (
    <strong className="differs-value">
      <span aria-hidden="true">≠ </span>
      {children}
      <span className="visually-hidden"> (differs from the truth)</span>
    </strong>
  )
}

/** The fields every row has, in the order first seen; null when the rows' shapes differ. */
export function sharedFields(rows: readonly RowFrame[]): string[] | null {
  let fields: string[] | null = null
  for (const r of rows)
    for (const row of [r.local, r.truth]) {
      if (row === null) continue
      const own = Object.keys(row)
      if (fields === null) fields = own
      else if (own.length !== fields.length || own.some((f) => !fields?.includes(f))) return null
    }
  return fields ?? []
}
