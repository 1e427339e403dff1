/**
 * The lessons, walked as a learner with only a keyboard (or a presenter's remote) would: every
 * lesson from its first step to its last, each prediction answered, a step back and forward again
 * on the way, every claim the explanation rests on measured true on the run the page shows. Then
 * each lesson's key step at projector size, looked at and scanned by axe.
 */
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { lessons, type Lesson, type LessonStep } from '../src/scenarios/lessons/index.ts'

const stepHeading = (page: Page, lesson: Lesson, i: number) =>
  page.getByRole('heading', {
    name: `Step ${i + 1} of ${lesson.steps.length}: ${lesson.steps[i]?.title ?? ''}`,
  })
/** Runs in the page: the computed font size of an element, in px. */
const fontSizeOf = (element: unknown) =>
  parseFloat(
    (
      globalThis as unknown as { getComputedStyle: (e: unknown) => { fontSize: string } }
    ).getComputedStyle(element).fontSize,
  )
const explained = (page: Page) => page.getByRole('heading', { name: 'What happened' })

/** Tabs forward to the first choice of the prediction and picks the correct one by arrows. */
async function predictByKeyboard(page: Page, step: LessonStep) {
  const choices = step.predict?.choices ?? []
  const correct = choices.findIndex((c) => c.correct)
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab')
    if (await page.locator('input[type="radio"]:focus').count()) break
  }
  await page.keyboard.press('Space')
  for (let i = 0; i < correct; i++) await page.keyboard.press('ArrowDown')
  await expect(page.getByRole('radio', { name: choices[correct]?.text ?? '' })).toBeChecked()
}

/** The explanation is shown, with every claim measured on the page's run holding. */
async function expectExplained(page: Page, step: LessonStep) {
  await expect(explained(page)).toBeVisible()
  const claims = page.locator('.explanation .claims li')
  await expect(claims).toHaveCount(step.claims.length)
  await expect(page.locator('.explanation .claims li.fails')).toHaveCount(0)
  if (step.evidence)
    await expect(page.getByTestId('timeline-detail')).toContainText(
      `Event ${step.evidence.position} (`,
    )
}

for (const lesson of lessons) {
  test(`lesson “${lesson.title}”: every step by keyboard, predictions answered, one step back`, async ({
    page,
  }) => {
    test.setTimeout(120_000)
    await page.goto(`./#lesson=${lesson.id}`)
    const back = Math.min(1, lesson.steps.length - 1)
    for (let i = 0; i < lesson.steps.length; i++) {
      const step = lesson.steps[i]!
      await expect(stepHeading(page, lesson, i)).toBeVisible()
      expect(page.url()).toContain(`lesson=${lesson.id}&step=${step.id}`)
      if (step.predict) await predictByKeyboard(page, step)
      // Page Down runs the step; pressed again while it plays, it skips to the step's end.
      await page.keyboard.press('PageDown')
      await page.keyboard.press('PageDown')
      await expectExplained(page, step)
      if (step.predict) await expect(page.getByText('Your prediction was right.')).toBeVisible()
      if (i === back) {
        // Back a step: it comes back as it ended, explained, with the answer given; then forward.
        await page.keyboard.press('PageUp')
        await expect(stepHeading(page, lesson, i - 1)).toBeVisible()
        await expectExplained(page, lesson.steps[i - 1]!)
        await page.keyboard.press('PageDown')
        await expect(stepHeading(page, lesson, i)).toBeVisible()
        await expectExplained(page, step)
      }
      if (i < lesson.steps.length - 1) await page.keyboard.press('PageDown')
    }
    await page.keyboard.press('PageDown')
    const end = page.getByRole('region', { name: 'Try it yourself' })
    await expect(end).toBeFocused()
    await expect(end.getByRole('button')).toHaveCount(lesson.tryIt.length)
  })
}

test('a step’s link opens that step; the contents list every step; Back returns', async ({
  page,
}) => {
  const lesson = lessons[0]!
  const third = lesson.steps[2]!
  await page.goto(`./#lesson=${lesson.id}&step=${third.id}`)
  await expect(stepHeading(page, lesson, 2)).toBeVisible()
  await page.getByText('Contents').click()
  const contents = page.locator('.lesson-contents')
  await expect(contents.getByRole('link')).toHaveCount(lesson.steps.length)
  await expect(contents.getByRole('link', { name: third.title })).toHaveAttribute(
    'aria-current',
    'step',
  )
  await contents.getByRole('link', { name: lesson.steps[0]!.title }).click()
  await expect(stepHeading(page, lesson, 0)).toBeVisible()
  await page.goBack()
  await expect(stepHeading(page, lesson, 2)).toBeVisible()
})

test('an unknown lesson says so and lists the lessons there are', async ({ page }) => {
  await page.goto('./#lesson=%3Cscript%3Ealert(1)%3C%2Fscript%3E')
  await expect(page.getByRole('alert')).toContainText('There is no lesson called “<script>')
  await expect(page.locator('.lesson-card')).toHaveCount(lessons.length)
})

test('“Try it yourself” opens the lesson’s scenario in the playground', async ({ page }) => {
  const lesson = lessons[0]!
  const last = lesson.steps.at(-1)!
  await page.goto(`./#lesson=${lesson.id}&step=${last.id}`)
  await page.getByRole('button', { name: 'Show the result at once' }).click()
  await expect(explained(page)).toBeVisible()
  const first = lesson.tryIt[0]!
  await page
    .getByRole('button', { name: `Open “${first.scenario.name}” in the playground` })
    .click()
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toBeVisible()
  await expect(page.getByRole('slider', { name: 'Time' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Write side' })).toBeVisible()
})

for (const lesson of lessons) {
  test(`presenter mode at 1920×1080: “${lesson.title}” at its key step reads from the back and passes axe`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1920, height: 1080 })
    // The key step: the first whose explanation rests on an anomaly the run shows.
    const key =
      lesson.steps.find((s) => s.claims.some((c) => c.kind === 'anomaly' && c.present)) ??
      lesson.steps[0]!
    await page.goto(`./#lesson=${lesson.id}&step=${key.id}`)
    await page.getByRole('button', { name: 'Presenter mode' }).click()
    const choices = key.predict?.choices ?? []
    const correct = choices.find((c) => c.correct)
    if (correct) await page.getByRole('radio', { name: correct.text }).check()
    await page.getByRole('button', { name: 'Show the result at once' }).click()
    await expectExplained(page, key)
    // Classroom: the steps and the transport; the forms that change a run are out of the way.
    await expect(page.getByRole('heading', { name: 'Write side' })).toBeHidden()
    await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible()
    const size = await page.locator('.lesson-step p').first().evaluate(fontSizeOf)
    expect(size).toBeGreaterThanOrEqual(24)
    await page.evaluate(() =>
      (globalThis as unknown as { scrollTo: (x: number, y: number) => void }).scrollTo(0, 0),
    )
    await page.screenshot({ path: `reports/screenshots/lesson-${lesson.id}-presenter.png` })
    const axe = await new AxeBuilder({ page }).analyze()
    expect(axe.violations).toEqual([])
    // A reload (or a step's link) keeps the tab in presenter mode.
    await page.reload()
    await expect(page.getByRole('button', { name: 'Presenter mode' })).toHaveAttribute(
      'aria-pressed',
      'true',
    )
  })
}

test('the front page lists every lesson; a card opens its first step', async ({ page }) => {
  await page.goto('./')
  const cards = page.locator('.lesson-card')
  await expect(cards).toHaveCount(lessons.length)
  const last = lessons.at(-1)!
  await cards.getByRole('link', { name: new RegExp(`${last.title}$`) }).click()
  await expect(stepHeading(page, last, 0)).toBeVisible()
  expect(page.url()).toContain(`lesson=${last.id}&step=${last.steps[0]!.id}`)
})

test('a glossary link in a step opens the glossary at its term; Escape returns to the step', async ({
  page,
}) => {
  const lesson = lessons[0]!
  await page.goto(`./#lesson=${lesson.id}&step=${lesson.steps[0]!.id}`)
  const link = page.locator('.lesson-step').getByRole('button', { name: 'Glossary: push' })
  await link.focus()
  await page.keyboard.press('Enter')
  const panel = page.getByRole('complementary', { name: 'Glossary' })
  await expect(panel.locator('#glossary-push')).toBeFocused()
  await expect(panel.locator('.glossary-entry.current')).toContainText('push')
  await page.keyboard.press('Escape')
  await expect(panel).toHaveCount(0)
  await expect(link).toBeFocused()
})
