/**
 * Side by side: a comparison's table says what the engine computes for each variant (run here,
 * in the test, from the same scenarios), each variant's run is drawn, the view is accessible and
 * reads well on a projector, and a variant opens in the playground.
 */
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Locator, type Page } from '@playwright/test'
import { ANOMALY_TYPES, Simulation, simulate, traceView, type Result } from '../src/core/index.ts'
import { comparisonById, comparisons, load, type Comparison } from '../src/scenarios/index.ts'
import { formatMs } from '../src/ui/format.ts'

function comparison(id: string): Comparison {
  const c = comparisonById(id)
  if (!c) throw new Error(`no comparison ${id}`)
  return c
}

/** The engine's own numbers for a variant, and the words the table should show for them. */
function expected(scenario: Comparison['variants'][number]['scenario']) {
  const s = load(scenario)
  const r: Result = simulate(s, { trace: true })
  const sim = new Simulation(s)
  sim.run()
  const polls = traceView(sim).polls.length
  const waits = r.reads.map((x) => x.latency)
  const cells: Record<string, string> = {
    events: String(r.events.length),
    anomalies: String(r.anomalies.length),
    messages:
      polls === 0
        ? String(r.deliveries?.length)
        : `${(r.deliveries?.length ?? 0) + polls} (${r.deliveries?.length} copies, ${polls} polls)`,
  }
  for (const type of ANOMALY_TYPES) {
    const n = r.anomalies.filter((a) => a.type === type).length
    if (n > 0) cells[`anomaly-${type}`] = String(n)
  }
  if (r.reads.length > 0) {
    cells['stale-reads'] = `${r.reads.filter((x) => !x.fresh).length} of ${r.reads.length}`
    cells['read-latency-mean'] = formatMs(waits.reduce((a, b) => a + b, 0) / waits.length)
    cells['read-latency-max'] = formatMs(Math.max(...waits))
    cells['read-cost'] = String(r.reads.reduce((sum, x) => sum + x.cost, 0))
  }
  for (const [id, p] of Object.entries(r.projections)) {
    cells[`converged-${id}`] = p.convergedAt === null ? 'not converged' : formatMs(p.convergedAt)
    cells[`visibility-mean-${id}`] = formatMs(p.visibility?.mean ?? null)
    cells[`visibility-max-${id}`] = formatMs(p.visibility?.max ?? null)
  }
  return { result: r, cells }
}

const cell = (page: Page, row: string, variant: number): Locator =>
  page.getByTestId(`measure-${row}`).getByRole('cell').nth(variant)

for (const id of ['push-pull', 'handlers']) {
  test(`the ${id} table and diagrams show the engine’s own numbers for every variant`, async ({
    page,
  }) => {
    const c = comparison(id)
    const want = c.variants.map((v) => expected(v.scenario))
    await page.goto(`./#compare=${id}`)
    await expect(
      page.getByRole('heading', { level: 2, name: `Side by side: ${c.title}` }),
    ).toBeVisible()
    await expect(page.getByText(c.question)).toBeVisible()
    const table = page.getByRole('table', { name: /^What each run measured/ })
    await expect(table).toBeVisible()
    // One column per variant, headed by its label.
    const heads = table.getByRole('columnheader')
    await expect(heads).toHaveText(['Measure', ...c.variants.map((v) => v.label)])
    // Every measure the engine reports, for every variant; and no row the engine has no number for.
    const trs = table.locator('tbody tr')
    const shown = new Set<string>()
    for (let i = 0; i < (await trs.count()); i++)
      shown.add((await trs.nth(i).getAttribute('data-testid'))?.replace(/^measure-/, '') ?? '')
    const union = new Set(want.flatMap((w) => Object.keys(w.cells)))
    expect(shown).toEqual(union)
    // A variant without an anomaly of a type another one has shows 0 for it.
    for (const row of union)
      for (const [i, w] of want.entries())
        await expect(cell(page, row, i).getByTestId('value')).toHaveText(w.cells[row] ?? '0')
    // The lowest count of anomalies is marked in words, the others are not.
    const counts = want.map((w) => w.result.anomalies.length)
    const low = Math.min(...counts)
    for (const [i, n] of counts.entries())
      await expect(cell(page, 'anomalies', i)).toContainText(
        n === low && counts.some((x) => x !== low) ? /✓ (better|best)$/ : /^\d+$/,
      )
    // Each variant's run, drawn: its appends, its copies, its reads.
    for (const [i, v] of c.variants.entries()) {
      const r = want[i]?.result
      const diagram = page.getByRole('img', {
        name: new RegExp(`^Space-time diagram of ${v.label}:`),
      })
      await expect(diagram).toBeVisible()
      const svg = diagram.getByTestId('spacetime-svg')
      await expect(svg.locator('[data-mark="append"]')).toHaveCount(r?.events.length ?? -1)
      await expect(svg.locator('[data-mark="copy"]')).toHaveCount(r?.deliveries?.length ?? -1)
      await expect(svg.locator('[data-mark="read"]')).toHaveCount(r?.reads.length ?? -1)
      // Its rows at the end, beside the truth.
      const panel = page.getByTestId('compare-variant').filter({ has: diagram })
      for (const [pid, p] of Object.entries(r?.projections ?? {}))
        await expect(
          panel.getByRole('heading', { name: new RegExp(`^Rows of ${pid} at the end`) }),
        ).toContainText(p.convergedAt === null ? 'not converged' : 'converged at')
    }
    const { violations } = await new AxeBuilder({ page }).analyze()
    expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([])
  })
}

test('every comparison reads well at 1920×1080, and in presenter mode', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 })
  for (const presenter of [false, true]) {
    for (const c of comparisons) {
      await page.goto(`./#compare=${c.id}`)
      await expect(page.getByRole('table', { name: /^What each run measured/ })).toBeVisible()
      if (presenter !== (await page.locator('html.presenter').count()) > 0)
        await page.getByRole('button', { name: 'Presenter mode' }).click()
      await expect(page.getByRole('img', { name: /^Space-time diagram of / })).toHaveCount(
        c.variants.length,
      )
      // Nothing wider than the window.
      const overflow = await page.evaluate<number>(
        'document.documentElement.scrollWidth - document.documentElement.clientWidth',
      )
      expect(overflow).toBeLessThanOrEqual(0)
      const { violations } = await new AxeBuilder({ page }).analyze()
      expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([])
      await page.screenshot({
        path: `reports/screenshots/compare-${c.id}${presenter ? '-presenter' : ''}.png`,
        fullPage: true,
      })
    }
  }
})

test('the header and the picker move between views and comparisons by keyboard', async ({
  page,
}) => {
  await page.goto('./')
  const views = page.getByRole('navigation', { name: 'Views' })
  await views.getByRole('link', { name: 'Compare' }).click()
  await expect(page).toHaveURL(/#compare=push-pull$/)
  await expect(views.getByRole('link', { name: 'Compare' })).toHaveAttribute('aria-current', 'page')
  const picker = page.getByRole('navigation', { name: 'Comparisons' })
  const handlers = comparison('handlers')
  await picker.getByRole('link', { name: handlers.title }).focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(
    `Side by side: ${handlers.title}`,
  )
  await expect(picker.getByRole('link', { name: handlers.title })).toHaveAttribute(
    'aria-current',
    'page',
  )
  await views.getByRole('link', { name: 'Playground' }).click()
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toBeVisible()
})

test('an unknown comparison says so and lists the comparisons there are', async ({ page }) => {
  await page.goto('./#compare=no-such-thing')
  await expect(page.getByRole('alert')).toContainText(
    'There is no comparison called “no-such-thing”',
  )
  const list = page.locator('.compare-unknown').getByRole('link')
  await expect(list).toHaveText(comparisons.map((c) => c.title))
  await list.nth(2).click()
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(
    `Side by side: ${comparisons[2]?.title ?? ''}`,
  )
})

test('a variant opens in the playground with its own scenario', async ({ page }) => {
  const c = comparison('push-pull')
  const pull = c.variants[1]
  if (!pull) throw new Error('push-pull has no second variant')
  await page.goto('./#compare=push-pull')
  await page.getByRole('button', { name: `Open ${pull.label} in the playground` }).click()
  await expect(page).not.toHaveURL(/compare=/)
  await expect(page.getByRole('button', { name: `Start “${pull.scenario.name}”` })).toBeVisible()
  await expect(page.getByRole('slider', { name: 'Time' })).toBeVisible()
})

test('the variants stand side by side on a wide screen and stack on a narrow one', async ({
  page,
}) => {
  const lefts = async () => {
    const panels = page.getByTestId('compare-variant')
    await expect(panels).toHaveCount(3)
    const out: number[] = []
    for (let i = 0; i < 3; i++) out.push((await panels.nth(i).boundingBox())?.x ?? NaN)
    return out
  }
  await page.setViewportSize({ width: 1920, height: 1080 })
  await page.goto('./#compare=handlers')
  const wide = await lefts()
  expect(new Set(wide).size).toBe(3)
  await page.setViewportSize({ width: 700, height: 1000 })
  const narrow = await lefts()
  expect(new Set(narrow).size).toBe(1)
  const overflow = await page.evaluate<number>(
    'document.documentElement.scrollWidth - document.documentElement.clientWidth',
  )
  expect(overflow).toBeLessThanOrEqual(0)
  await page.screenshot({ path: 'reports/screenshots/compare-handlers-narrow.png', fullPage: true })
})
