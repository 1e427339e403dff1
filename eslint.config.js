import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import { defineConfig } from 'eslint/config'
import tseslint from 'typescript-eslint'

// Layer rules from STYLE.md: imports point down only. Each layer lists the sibling folders it
// may import (`allow`), those it may import types from only (`typesOnly`), and banned packages.
const PACKAGES = {
  react: '^react(-dom)?(/|$)',
  zustand: '^zustand(/|$)',
  dexie: '^dexie(-react-hooks)?(/|$)',
  d3: '^d3(-[a-z-]+)?(/|$)',
  node: '^node:',
}
/** @typedef {{ allow: string[], typesOnly: string[], banned: (keyof typeof PACKAGES)[] }} Layer */
/** @type {Record<string, Layer>} */
const LAYERS = {
  core: { allow: [], typesOnly: [], banned: ['react', 'zustand', 'dexie', 'd3', 'node'] },
  persistence: { allow: ['core'], typesOnly: [], banned: ['react', 'zustand', 'd3'] },
  state: { allow: ['core', 'persistence', 'scenarios'], typesOnly: [], banned: ['dexie', 'd3'] },
  viz: { allow: [], typesOnly: ['core'], banned: ['zustand', 'dexie'] },
  ui: { allow: ['state', 'viz', 'scenarios'], typesOnly: ['core'], banned: ['dexie'] },
  scenarios: { allow: ['core'], typesOnly: [], banned: ['react', 'zustand', 'dexie', 'd3'] },
  cli: {
    allow: ['core', 'scenarios', 'persistence'],
    typesOnly: [],
    banned: ['react', 'zustand', 'dexie'],
  },
}
// Tests may also load the lesson fixtures of src/scenarios: a scenario is a lesson and test data
// at once (STYLE.md), and the persistence tests run every lesson on the IndexedDB store. The viz
// tests run the engine, so that a layout is checked against the run it draws.
/** @type {Record<string, string[]>} */
const TEST_ALLOW = { persistence: ['scenarios'], viz: ['core'] }
// Relative imports are matched as written, so "leaving the layer" depends on the importing
// file's depth: one config block per depth keeps the rule exact without a resolver plugin.
const MAX_DEPTH = 8

/**
 * @param {string} layer
 * @param {Layer} rules
 * @param {string} [suffix] only files whose names end so (`.test`), to widen a layer for tests
 * @returns {import('eslint').Linter.Config[]}
 */
function layerBlocks(layer, { allow, typesOnly, banned }, suffix = '') {
  const message = `src/${layer} may not import this: see the layer table in src/README.md.`
  const packagePatterns = banned.map((name) => ({
    regex: PACKAGES[name],
    caseSensitive: true,
    message,
  }))
  return Array.from({ length: MAX_DEPTH + 1 }, (_, depth) => {
    const up = `^(\\.\\./){${depth + 1}}`
    const allowed = [...allow, ...typesOnly, '\\.\\.'].join('|')
    const siblingPatterns = [
      { regex: `${up}(?!(${allowed})(/|$))`, caseSensitive: true, message },
      ...typesOnly.map((name) => ({
        regex: `${up}${name}(/|$)`,
        caseSensitive: true,
        allowTypeImports: true,
        message: `src/${layer} may only \`import type\` from src/${name}.`,
      })),
    ]
    return {
      files: [`src/${layer}/${'*/'.repeat(depth)}*${suffix}.{ts,tsx}`],
      rules: {
        '@typescript-eslint/no-restricted-imports': [
          'error',
          { patterns: [...packagePatterns, ...siblingPatterns] },
        ],
      },
    }
  })
}

// Determinism: the clock, randomness and ids are passed into core, never taken from globals.
const nondeterministic = 'core is deterministic: take time, randomness and ids as inputs.'
const timeAndChance = ['Date', 'performance', 'crypto', 'setTimeout', 'setInterval']
/** @type {import('eslint').Linter.Config} */
const coreDeterminism = {
  files: ['src/core/**'],
  rules: {
    'no-restricted-globals': [
      'error',
      ...[...timeAndChance, 'setImmediate', 'requestAnimationFrame', 'requestIdleCallback'].map(
        (name) => ({ name, message: nondeterministic }),
      ),
    ],
    'no-restricted-properties': [
      'error',
      { object: 'Math', property: 'random', message: nondeterministic },
      { object: 'Date', property: 'now', message: nondeterministic },
      { object: 'performance', property: 'now', message: nondeterministic },
      { object: 'crypto', property: 'randomUUID', message: nondeterministic },
      ...timeAndChance.map((property) => ({
        object: 'globalThis',
        property,
        message: nondeterministic,
      })),
    ],
  },
}

export default defineConfig(
  { ignores: ['dist', 'reports', 'test-results', 'playwright-report', 'coverage'] },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/cli/**'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['src/cli/**', 'scripts/**', 'bench/**', 'e2e/**', '*.config.{js,ts}'],
    ignores: ['bench/browser/**'],
    languageOptions: { globals: globals.node },
  },
  // The service worker, copied as it is into the build: plain JavaScript with its own globals.
  {
    files: ['public/**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      parserOptions: { projectService: false, project: false },
      globals: globals.serviceworker,
    },
  },
  // The storage bench page (served to Chromium by bench/bench-page.ts).
  { files: ['bench/browser/**'], languageOptions: { globals: globals.browser } },
  { files: ['src/**/*.tsx'], ...reactHooks.configs.flat.recommended },
  ...Object.entries(LAYERS).flatMap(([layer, rules]) => [
    ...layerBlocks(layer, rules),
    // Later blocks win for the files they match: tests get the wider list.
    ...(TEST_ALLOW[layer]
      ? layerBlocks(
          layer,
          {
            ...rules,
            allow: [...rules.allow, ...TEST_ALLOW[layer]],
            typesOnly: rules.typesOnly.filter((name) => !TEST_ALLOW[layer]?.includes(name)),
          },
          '.test',
        )
      : []),
  ]),
  coreDeterminism,
)
