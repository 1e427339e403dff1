/**
 * The timelines: the space-time diagram shows the run's own marks (counted through their data
 * attributes, not pixels), follows playback, picks an event by keyboard or pointer, zooms and
 * pans, exports SVG and PNG files that open, and reads well at projector size.
 */
import AxeBuilder from '@axe-core/playwright'
import { readFileSync } from 'node:fs'
import { startImported } from './scenario-file'
import { expect, test, type Page } from '@playwright/test'
import { Simulation, traceView, visibilityTimes } from '../src/core/index.ts'
import { largePush, load, outOfOrder, readAfterWrite } from '../src/scenarios/index.ts'

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true })
const diagram = (page: Page) => page.getByRole('group', { name: /^Space-time diagram/ })

async function start(page: Page, name: string) {
  await page.goto('./')
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption({ label: name })
  await button(page, `Start “${name}”`).click()
  await expect(page.getByRole('slider', { name: 'Time' })).toBeVisible()
}

/** The timelines alone, as laid out on the page (not under the sticky playback bar). */
async function shootTimelines(page: Page, path: string) {
  // From the top, so that the sticky playback bar sits in its place above them.
  await page.evaluate(() =>
    (globalThis as unknown as { scrollTo: (x: number, y: number) => void }).scrollTo(0, 0),
  )
  const box = await page.locator('.timelines').boundingBox()
  if (!box) throw new Error('no timelines on the page')
  await page.screenshot({ path, fullPage: true, clip: box })
}

async function marks(page: Page, selector: string): Promise<number> {
  return page.getByTestId('spacetime-svg').locator(selector).count()
}

test('the diagram draws the run’s own appends, copies and reads, and grows as it plays', async ({
  page,
}) => {
  await start(page, readAfterWrite.name ?? '')
  await expect(diagram(page)).toBeVisible()
  expect(await marks(page, '[data-mark="append"]')).toBe(0)
  await button(page, 'Jump to end').click()
  await expect(page.getByRole('heading', { name: /^Result: / })).toBeVisible()
  const sim = new Simulation(load(readAfterWrite))
  sim.run()
  const want = traceView(sim)
  expect(await marks(page, '[data-mark="append"]')).toBe(want.events.length)
  expect(await marks(page, '[data-mark="copy"]')).toBe(want.deliveries.length)
  expect(await marks(page, '[data-mark="read"]')).toBe(want.reads.length)
  expect(await marks(page, '[data-mark="read"][data-fresh="false"]')).toBe(
    want.reads.filter((r) => !r.fresh).length,
  )
  // The pull reader's polls: each a request, an answer back when it carried events, else empty.
  expect(await marks(page, '[data-mark="poll"]')).toBe(want.polls.length)
  expect(await marks(page, '[data-mark="empty-answer"]')).toBe(
    want.polls.filter((p) => p.count === 0).length,
  )
  expect(await marks(page, '[data-mark="answer"]')).toBe(
    want.polls.filter((p) => (p.count ?? 0) > 0).length,
  )
  expect(want.polls.filter((p) => (p.count ?? 0) > 0).length).toBeGreaterThan(0)
  // The cursor sits at the instant shown, on the diagram and on every lag chart.
  await expect(page.getByTestId('spacetime-cursor')).toHaveAttribute('data-at', String(want.now))
  await expect(page.getByTestId('lag-chart')).toHaveCount(want.projections.length)
  await expect(page.getByTestId('lag-cursor')).toHaveCount(want.projections.length)
  // One visibility curve per projection, each from as many events as that projection applied.
  const curves = page.locator('svg.visibility-chart path[data-samples]')
  await expect(curves).toHaveCount(want.projections.length)
  for (const [i, id] of want.projections.entries()) {
    const applied = new Set(
      want.deliveries
        .filter(
          (d) => d.projection === i && ['applied', 'buffered', 'repaired'].includes(d.outcome),
        )
        .map((d) => d.position),
    ).size
    await expect(
      page.locator(`svg.visibility-chart path[data-samples][data-projection="${id}"]`),
    ).toHaveAttribute('data-samples', String(applied))
  }
  // Pointing at an append describes that event and its copies.
  const append = page.getByTestId('spacetime-svg').locator('[data-mark="append"]').first()
  // To the middle of the window: at its top edge the sticky playback bar would cover it.
  await append.evaluate((e) => {
    ;(e as unknown as { scrollIntoView: (o: object) => void }).scrollIntoView({ block: 'center' })
  })
  const at = await append.boundingBox()
  if (!at) throw new Error('no append drawn')
  await page.mouse.move(at.x + at.width / 2, at.y + at.height / 2)
  // Its data, kind and times.
  const detailText = page.getByTestId('timeline-detail')
  await expect(detailText).toContainText('Event 1 (TodoAdded on todo/t1, {"id":"t1"')
  await expect(detailText).toContainText('appended at 0 ms')
  await expect(detailText).toContainText(
    /copy to push-reader sent 0 ms, arrived [\d.]+ ms: applied/,
  )
  await shootTimelines(page, 'reports/screenshots/timelines-read-after-write-1280.png')
})

test('out-of-order copies are marked, and picking an event lights up its copies and describes them', async ({
  page,
}) => {
  await start(page, outOfOrder.name ?? '')
  await button(page, 'Jump to end').click()
  await expect(page.getByRole('heading', { name: /^Result: / })).toBeVisible()
  const sim = new Simulation(load(outOfOrder))
  sim.run()
  const want = traceView(sim)
  const late = want.deliveries.filter((d) => d.outOfOrder).length
  expect(late).toBeGreaterThan(0)
  expect(await marks(page, '[data-mark="copy"][data-out-of-order="true"]')).toBe(late)
  // By keyboard: focus the diagram, pick the first event, then the next.
  await diagram(page).focus()
  await page.keyboard.press('ArrowRight')
  const detail = page.getByTestId('timeline-detail')
  await expect(detail).toContainText('Event 1 (')
  await page.keyboard.press('ArrowRight')
  await expect(detail).toContainText('Event 2 (')
  const copies = want.deliveries.filter((d) => d.position === 2).length
  await expect(detail).toContainText(`copy to ${want.projections[0]}`)
  // Its copies stand out; the others fade.
  const svg = page.getByTestId('spacetime-svg')
  await expect(svg.locator('[data-mark="copy"][data-position="2"][opacity="1"]')).toHaveCount(
    copies,
  )
  await expect(svg.locator('[data-mark="copy"]:not([data-position="2"])[opacity="1"]')).toHaveCount(
    0,
  )
  // Its row is marked in every read-model panel that shows it, with a shape and words.
  const key = want.events.find((e) => e.position === 2)?.key ?? ''
  const pickedRows = page.locator('tbody[data-picked]')
  await expect(pickedRows).toHaveCount(want.projections.length)
  for (const row of await pickedRows.all()) {
    await expect(row.locator('th.key').first()).toContainText(key)
    await expect(row.locator('th.key').first()).toContainText('picked on the timeline')
  }
  // The arrow keys here did not step the run: the diagram keeps them.
  await expect(page.getByRole('heading', { name: /^Result: / })).toBeVisible()
  // Anomaly pins carry their explanation for a pointer to hover.
  const pins = svg.locator('[data-mark="anomaly"] title')
  expect(await pins.count()).toBeGreaterThan(0)
  await expect(pins.first()).toContainText('arrived before')
  await shootTimelines(page, 'reports/screenshots/timelines-out-of-order-1280.png')
  // The lag charts read out an instant from the keyboard, the visibility chart under the pointer.
  const lag = page.getByTestId('lag-chart').first()
  await lag.focus()
  await page.keyboard.press('ArrowRight')
  await expect(page.getByTestId('lag-probe')).toHaveCount(1)
  await expect(page.locator('.lag-probe-text').first()).toContainText(
    /^At .*: behind by \d+ events? and/,
  )
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('lag-probe')).toHaveCount(0)
  const chart = page.locator('svg.visibility-chart')
  const box = await chart.boundingBox()
  if (!box) throw new Error('no visibility chart')
  await chart.hover({ position: { x: box.width / 2, y: box.height / 3 } })
  await expect(page.getByTestId('visibility-probe-text')).toContainText(
    /^A read .* after the write sees it: naive \d+%, idempotent \d+%/,
  )
  await diagram(page).focus()
  await page.keyboard.press('Escape')
  await expect(detail).toContainText('Pick an event')
  await expect(pickedRows).toHaveCount(0)
  expect(
    (await new AxeBuilder({ page }).analyze()).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => v.id),
  ).toEqual([])
})

test('zoom and pan change the window of time, and reset brings the whole run back', async ({
  page,
}) => {
  await start(page, outOfOrder.name ?? '')
  await button(page, 'Jump to end').click()
  const range = page.getByTestId('timeline-window')
  const whole = await range.textContent()
  const appends = await marks(page, '[data-mark="append"]')
  await button(page, 'Zoom in').click()
  await button(page, 'Zoom in').click()
  await expect(range).not.toHaveText(whole ?? '')
  expect(await marks(page, '[data-mark="append"]')).toBeLessThanOrEqual(appends)
  const zoomed = await range.textContent()
  // The lag charts follow the same window of time as the diagram.
  for (const chart of await page.getByTestId('lag-chart').all()) {
    await expect(chart).toHaveAttribute('data-t0', (await range.getAttribute('data-t0')) ?? '')
    await expect(chart).toHaveAttribute('data-t1', (await range.getAttribute('data-t1')) ?? '')
  }
  await button(page, 'Later').click()
  await expect(range).not.toHaveText(zoomed ?? '')
  // Two fingers moving apart zoom in further; together again, out.
  await button(page, 'Reset zoom').click()
  const plot = diagram(page)
  const box = await plot.boundingBox()
  if (!box) throw new Error('no diagram')
  const touch = (type: string, pointerId: number, x: number) =>
    plot.dispatchEvent(type, {
      pointerId,
      pointerType: 'touch',
      isPrimary: pointerId === 1,
      clientX: box.x + x,
      clientY: box.y + 60,
      bubbles: true,
    })
  await touch('pointerdown', 1, 500)
  await touch('pointerdown', 2, 700)
  await touch('pointermove', 2, 900)
  await touch('pointermove', 1, 300)
  await touch('pointerup', 1, 300)
  await touch('pointerup', 2, 900)
  const pinched =
    Number(await range.getAttribute('data-t1')) - Number(await range.getAttribute('data-t0'))
  // The run lasts 1 s; the fingers ended three times as far apart as they began.
  expect(pinched).toBeLessThan(1000 / 2)
  expect(pinched).toBeGreaterThan(1000 / 4)
  // From the keyboard too.
  await diagram(page).focus()
  await page.keyboard.press('-')
  await page.keyboard.press('Shift+ArrowLeft')
  await button(page, 'Reset zoom').click()
  await expect(range).toHaveText(whole ?? '')
  expect(await marks(page, '[data-mark="append"]')).toBe(appends)
})

test('the cursor follows playback, stepping and scrubbing back', async ({ page }) => {
  await start(page, readAfterWrite.name ?? '')
  const cursor = page.getByTestId('spacetime-cursor')
  for (let i = 0; i < 4; i++) await button(page, 'Step forward').click()
  const at = Number(await cursor.getAttribute('data-at'))
  expect(at).toBeGreaterThan(0)
  const appendsThen = await marks(page, '[data-mark="append"]')
  await button(page, 'Step back').click()
  await expect(cursor).not.toHaveAttribute('data-at', String(at))
  expect(Number(await cursor.getAttribute('data-at'))).toBeLessThan(at)
  expect(await marks(page, '[data-mark="append"]')).toBeLessThanOrEqual(appendsThen)
  // Scrubbing: the time slider back to the start takes the cursor there.
  await page.getByRole('slider', { name: 'Time' }).focus()
  await page.keyboard.press('Home')
  await expect(cursor).toHaveAttribute('data-at', '0')
  // Playing, it moves on its own, and the marks follow.
  const before = Number(await cursor.getAttribute('data-at'))
  await button(page, 'Play').click()
  await expect
    .poll(async () => Number(await cursor.getAttribute('data-at')), { timeout: 10_000 })
    .toBeGreaterThan(before + 200)
  await button(page, 'Pause').click()
  await expect.poll(() => marks(page, '[data-mark="append"]')).toBeGreaterThanOrEqual(appendsThen)
})

test('the diagram exports as SVG and PNG files that open', async ({ page }) => {
  await start(page, outOfOrder.name ?? '')
  await button(page, 'Jump to end').click()
  const [svgDownload] = await Promise.all([
    page.waitForEvent('download'),
    button(page, 'Download SVG').click(),
  ])
  const svgText = readFileSync((await svgDownload.path()) ?? '', 'utf8')
  expect(svgDownload.suggestedFilename()).toMatch(/\.svg$/)
  expect(svgText).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/)
  expect(svgText).toContain('data-mark="append"')
  const [pngDownload] = await Promise.all([
    page.waitForEvent('download'),
    button(page, 'Download PNG').click(),
  ])
  const png = readFileSync((await pngDownload.path()) ?? '')
  expect(pngDownload.suggestedFilename()).toMatch(/\.png$/)
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  // The files open: the browser decodes both as images of the diagram's size.
  const sizes = await page.evaluate(
    async ([svg, pngBase64]) => {
      const open = async (src: string) => {
        type Decodable = {
          src: string
          decode(): Promise<void>
          naturalWidth: number
          naturalHeight: number
        }
        const image = new (globalThis as unknown as { Image: new () => Decodable }).Image()
        image.src = src
        await image.decode()
        return [image.naturalWidth, image.naturalHeight]
      }
      return [
        await open(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg ?? '')}`),
        await open(`data:image/png;base64,${pngBase64}`),
      ]
    },
    [svgText, png.toString('base64')],
  )
  expect(sizes[0]?.[0]).toBeGreaterThan(200)
  expect(sizes[1]?.[0]).toBe((sizes[0]?.[0] ?? 0) * 2)
})

test('a 10,000-event faulty run: the arrows and appends paint to a canvas, the picked event stays in SVG, and it reads well', async ({
  page,
}) => {
  test.setTimeout(120_000)
  const big = largePush(10_000)
  await startImported(page, big)
  await button(page, 'Jump to end').click()
  await expect(page.getByRole('heading', { name: /^Result: / })).toBeVisible({ timeout: 60_000 })
  const svg = page.getByTestId('spacetime-svg')
  await expect(svg).toHaveAttribute('data-dense', 'true')
  expect(Number(await svg.getAttribute('data-arrows'))).toBeGreaterThan(10_000)
  await expect(page.locator('.spacetime canvas')).toHaveCount(1)
  // Ten thousand append marks as SVG elements cost seconds to place and lay out: none is left.
  await expect(svg.locator('[data-mark="append"]')).toHaveCount(0)
  // Zoomed in on the partition of b (10 s to 12 s), the arrows are few enough for SVG again.
  for (let i = 0; i < 5; i++) await button(page, 'Zoom in').click()
  await shootTimelines(page, 'reports/screenshots/timelines-10k-faulty-zoomed-1280.png')
  await button(page, 'Reset zoom').click()
  await diagram(page).focus()
  await page.keyboard.press('ArrowRight')
  await expect(page.getByTestId('timeline-detail')).toContainText('Event 1 (')
  await expect(svg.locator('[data-mark="copy"][data-position="1"]')).not.toHaveCount(0)
  await expect(svg.locator('[data-mark="append"]')).toHaveCount(1)
  await expect(svg.locator('[data-mark="append"][data-position="1"]')).toHaveCount(1)
  await shootTimelines(page, 'reports/screenshots/timelines-10k-faulty-1280.png')
})

test('a Monte Carlo estimate pools many seeds in a Web Worker, with its progress, and can go back', async ({
  page,
}) => {
  const workers: string[] = []
  page.on('worker', (w) => workers.push(w.url()))
  await start(page, readAfterWrite.name ?? '')
  await button(page, 'Jump to end').click()
  await expect(page.getByRole('heading', { name: /^Result: / })).toBeVisible()
  const estimate = page.getByRole('button', { name: /^Estimate over \d+ seeds$/ })
  const runs = Number((await estimate.textContent())?.match(/\d+/)?.[0])
  expect(runs).toBeGreaterThanOrEqual(5)
  await estimate.click()
  const note = page.getByTestId('estimate-note')
  await expect(note).toContainText(`Pooled over ${runs} runs`, { timeout: 60_000 })
  expect(workers.some((url) => /visibility\.worker/.test(url))).toBe(true)
  // Each projection's curve now holds every seed's visibility times, as the engine gives them.
  const scenario = load(readAfterWrite)
  for (const [i, p] of scenario.projections.entries()) {
    let samples = 0
    for (let k = 0; k < runs; k++) {
      const sim = new Simulation({ ...scenario, seed: scenario.seed + k })
      sim.run()
      const projection = sim.projections[i]
      if (projection) samples += visibilityTimes(sim, projection).length
    }
    await expect(
      page.locator(`svg.visibility-chart path[data-samples][data-projection="${p.id}"]`),
    ).toHaveAttribute('data-samples', String(samples))
  }
  await shootTimelines(page, 'reports/screenshots/timelines-visibility-estimate-1280.png')
  await button(page, 'Back to this run').click()
  await expect(note).toContainText('The curves are this run’s')
})

test('at 1920x1080 in presenter mode the timelines draw larger, fit the screen and pass axe', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 })
  await start(page, outOfOrder.name ?? '')
  await button(page, 'Presenter mode').click()
  await button(page, 'Jump to end').click()
  await expect(page.getByRole('heading', { name: /^Result: / })).toBeVisible()
  await diagram(page).focus()
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('ArrowRight')
  // The diagram's drawing is scaled up with the root type: lane labels are 13 px at 16 px type.
  const label = page.getByTestId('spacetime-svg').locator('text', { hasText: 'naive' }).first()
  const box = await label.boundingBox()
  expect(box?.height ?? 0).toBeGreaterThan(18)
  const width = await page.evaluate(
    () =>
      (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
        .documentElement.scrollWidth,
  )
  expect(width).toBeLessThanOrEqual(1920)
  await shootTimelines(page, 'reports/screenshots/timelines-out-of-order-1920-presenter.png')
  expect(
    (await new AxeBuilder({ page }).analyze()).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => v.id),
  ).toEqual([])
})
