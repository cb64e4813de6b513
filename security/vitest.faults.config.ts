import { defineConfig } from 'vitest/config'

/** `npm run test:faults`: crash, database-partition and shared-rate-limit scenarios against the built server. */
export default defineConfig({
  test: {
    include: ['security/faults/*.test.ts'],
    testTimeout: 150_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
    globalSetup: ['security/support/global-setup.ts'],
  },
})
