import { defineConfig, mergeConfig } from 'vitest/config'
import viteConfig from './vite.config.ts'

// Every test file gets an in-memory IndexedDB, so Dexie code runs under Node and jsdom alike.
const setupFiles = ['fake-indexeddb/auto']

export default mergeConfig(
  viteConfig,
  defineConfig({
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
