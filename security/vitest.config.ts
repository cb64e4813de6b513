import { defineConfig } from 'vitest/config'

/**
 * `npm run test:security`: the security suite, through HTTP against the built server (`dist/`) started as a
 * child process per file. Files run in parallel; the rate-limit reset file mostly waits out a window.
 */
export default defineConfig({
  test: {
    include: ['security/*.test.ts'],
    testTimeout: 90_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 3,
    globalSetup: ['security/support/global-setup.ts'],
  },
})
