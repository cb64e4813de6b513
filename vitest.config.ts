import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['server/**/*.test.ts', 'scripts/**/*.test.ts', 'sdk/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    globalSetup: ['server/test/global-setup.ts'],
    pool: 'forks',
    // Test files share their worker's module graph instead of importing the server anew each (import was 64 %
    // of the suite's time on PGlite): no test mocks modules or changes process.env, and every file builds
    // its own app and database, so nothing a file sets up reaches another.
    isolate: false,
    // Vitest's default is cores − 1 forks: one on CI's 2 cores. Many files mostly wait (spawned CLI processes,
    // SMTP retries, scheduler ticks), so three side by side roughly halve the wall time.
    maxWorkers: 3,
  },
})
