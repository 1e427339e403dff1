import { realpathSync } from 'node:fs'
import { searchForWorkspaceRoot } from 'vite'
import { defineConfig, mergeConfig } from 'vitest/config'
import viteConfig from './vite.config.ts'

// Every test file gets an in-memory IndexedDB, so Dexie code runs under Node and jsdom alike.
const setupFiles = ['fake-indexeddb/auto']

export default mergeConfig(
  viteConfig,
  defineConfig({
    // The jsdom project loads modules through Vite's server, which serves files inside the
    // workspace only. A git worktree whose node_modules is a symlink to another checkout's would
    // fail with "Cannot find module '/@fs/...'": allow the real node_modules too (a no-op when it
    // is a plain folder, as in CI).
    server: {
      fs: {
        allow: [
          searchForWorkspaceRoot(import.meta.dirname),
          realpathSync(`${import.meta.dirname}/node_modules`),
        ],
      },
    },
    test: {
      passWithNoTests: true,
      exclude: ['e2e/**', 'node_modules/**', 'dist/**'],
      reporters: ['default', 'json'],
      outputFile: { json: 'reports/vitest.json' },
      projects: [
        {
          extends: true,
          test: { name: 'node', environment: 'node', include: ['src/**/*.test.ts'], setupFiles },
        },
        {
          extends: true,
          test: { name: 'jsdom', environment: 'jsdom', include: ['src/**/*.test.tsx'], setupFiles },
        },
      ],
    },
  }),
)
