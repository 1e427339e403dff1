// Runs every check a contributor must pass, in order, and keeps going after a failure so one run
// shows everything that is broken. The last line is `N passed, N failed`, which CI looks for.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

process.chdir(fileURLToPath(new URL('..', import.meta.url)))

/**
 * @typedef {{ name: string, script: string, report?: string, count?: (report: any) => Counts }} Step
 * @typedef {{ passed: number, failed: number, note?: string }} Counts
 * @typedef {{ numPassedTests: number, numFailedTests: number }} VitestReport
 * @typedef {{ stats: { expected: number, unexpected: number, flaky: number } }} PlaywrightReport
 */

/** @type {Step[]} */
const steps = [
  { name: 'lint', script: 'lint' },
  { name: 'format', script: 'format:check' },
  { name: 'typecheck', script: 'typecheck' },
  {
    name: 'unit',
    script: 'test:unit',
    report: 'reports/vitest.json',
    count: (/** @type {VitestReport} */ r) => ({
      passed: r.numPassedTests,
      failed: r.numFailedTests,
    }),
  },
  { name: 'build', script: 'build' },
  {
    name: 'e2e',
    script: 'test:e2e',
    report: 'reports/playwright.json',
    count: (/** @type {PlaywrightReport} */ r) => ({
      passed: r.stats.expected + r.stats.flaky,
      failed: r.stats.unexpected,
      ...(r.stats.flaky ? { note: `${r.stats.flaky} flaky` } : {}),
    }),
  },
]

// A report left over from an earlier run must not be mistaken for this run's result.
rmSync('reports', { recursive: true, force: true })

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'

/** @type {{ name: string, status: string, passed: number, failed: number, seconds: number }[]} */
const rows = []
for (const step of steps) {
  console.log(`\n=== ${step.name} (npm run ${step.script}) ===\n`)
  const start = performance.now()
  const run = spawnSync(npm, ['run', '--silent', step.script], {
    stdio: 'inherit',
    shell: process.platform === 'win32',
  })
  const seconds = (performance.now() - start) / 1000
  const ok = run.status === 0
  rows.push({ name: step.name, seconds, ...countStep(step, ok) })
}

/**
 * Tests count one by one. A check without tests counts as one failure when it fails. A test
 * step that exits non-zero without a failed test (no report, a file that would not load, a
 * web server that did not start) also counts as one failure, so a crash never reads as green.
 * @param {Step} step
 * @param {boolean} ok
 * @returns {{ status: string, passed: number, failed: number }}
 */
function countStep(step, ok) {
  if (!step.report || !step.count) {
    return { status: ok ? 'ok' : 'FAILED', passed: 0, failed: ok ? 0 : 1 }
  }
  if (!existsSync(step.report)) {
    return { status: `FAILED (no ${step.report})`, passed: 0, failed: 1 }
  }
  try {
    /** @type {unknown} */
    const report = JSON.parse(readFileSync(step.report, 'utf8'))
    const { passed, failed, note } = step.count(report)
    if (!Number.isInteger(passed) || !Number.isInteger(failed)) throw new Error('no counts')
    const crashed = !ok && failed === 0
    const status = crashed ? 'FAILED (exit code)' : failed > 0 ? 'FAILED' : 'ok'
    return {
      status: note ? `${status}, ${note}` : status,
      passed,
      failed: failed + (crashed ? 1 : 0),
    }
  } catch {
    return { status: `FAILED (unreadable ${step.report})`, passed: 0, failed: 1 }
  }
}

const passed = rows.reduce((sum, row) => sum + row.passed, 0)
const failed = rows.reduce((sum, row) => sum + row.failed, 0)

console.log('\n=== summary ===\n')
console.log(
  ['step'.padEnd(10), 'passed'.padStart(7), 'failed'.padStart(7), '  time', '  status'].join(''),
)
for (const row of rows) {
  console.log(
    [
      row.name.padEnd(10),
      String(row.passed).padStart(7),
      String(row.failed).padStart(7),
      `${row.seconds.toFixed(1).padStart(5)}s`,
      `  ${row.status}`,
    ].join(''),
  )
}
console.log(`\n${passed} passed, ${failed} failed`)
process.exitCode = failed === 0 ? 0 : 1
