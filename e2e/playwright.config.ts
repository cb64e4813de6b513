import { execFileSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig, devices } from '@playwright/test'

const root = fileURLToPath(new URL('..', import.meta.url))

/** A free port and a fresh PGlite data dir, chosen once in the runner and inherited by the workers. */
function freePort(): string {
  return execFileSync(process.execPath, [
    '-e',
    "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})",
  ]).toString()
}
process.env.E2E_PORT ??= freePort()
process.env.E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'mockupaws-e2e-'))
// With TEST_DATABASE_URL (CI sets it) the server runs on a fresh database of that PostgreSQL server, dropped by
// global-teardown.ts: there the database works beside the server instead of inside its event loop, which halves
// the suite's time on 2 cores. Without it, on PGlite in E2E_DATA_DIR, as `npm start` runs.
if (process.env.TEST_DATABASE_URL && !process.env.E2E_DATABASE_URL) {
  const url = new URL(process.env.TEST_DATABASE_URL)
  url.pathname = `/mockupaws_e2e_${process.pid}_${Date.now()}`
  execFileSync(
    process.execPath,
    [
      '-e',
      "const c=new (require('pg').Client)(process.argv[1]);c.connect().then(()=>c.query('create database '+process.argv[2])).then(()=>c.end())",
      process.env.TEST_DATABASE_URL,
      url.pathname.slice(1),
    ],
    { cwd: root },
  )
  process.env.E2E_DATABASE_URL = url.toString()
}
// The SMTP server itself runs inside the test process (e2e/smtp-inbox.ts, started by schedules.spec.ts on this
// port); until it listens, deliveries fail and are retried, as with any mail server that is down.
process.env.E2E_SMTP_PORT ??= freePort()
const baseURL = `http://127.0.0.1:${process.env.E2E_PORT}`

const chromium = {
  ...devices['Desktop Chrome'],
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  },
}

export default defineConfig({
  testDir: '.',
  outputDir: join(root, 'test-results'),
  fullyParallel: true,
  // A test spends most of its time waiting (the server, job polling, the page's 5 s refetches, transitions),
  // not computing: four workers keep 2 cores busy. E2E_WORKERS overrides it.
  workers: Number(process.env.E2E_WORKERS ?? 4),
  retries: process.env.CI ? 1 : 0,
  // The scenario page now renders several charts and panels; on CI's 2 cores, shared by two workers, the
  // server and Chromium, a first render can take over 10 s.
  timeout: 60_000,
  expect: { timeout: 20_000 },
  // Every retried test is listed at the end (e2e/retried-reporter.ts), so a retry never hides flakiness.
  reporter: [['list'], ['./retried-reporter.ts']],
  use: {
    baseURL,
    // Recording a trace (a screencast and a DOM snapshot per action) costs every test CPU; only a retry records
    // one (CI retries once). Locally a failure still leaves its screenshot and error context; `--trace on`.
    trace: 'on-first-retry',
    screenshot: 'only-on-failure',
    permissions: ['clipboard-read', 'clipboard-write'],
  },
  projects: [
    { name: 'setup', testMatch: /auth\.setup\.ts/, use: chromium },
    {
      name: 'chromium',
      testMatch: /.*\.spec\.ts/,
      dependencies: ['setup'],
      use: { ...chromium, storageState: join(root, 'e2e/.auth/user.json') },
    },
  ],
  globalTeardown: './global-teardown.ts',
  webServer: {
    command: 'node dist/server/main.js serve',
    cwd: root,
    url: `${baseURL}/health`,
    // A fresh PGlite (initdb and every migration in WASM) can take ~50 s to start on CI's busy 2 cores.
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      NODE_ENV: 'test',
      PORT: process.env.E2E_PORT,
      HOST: '127.0.0.1',
      DATA_DIR: process.env.E2E_DATA_DIR,
      ...(process.env.E2E_DATABASE_URL ? { DATABASE_URL: process.env.E2E_DATABASE_URL } : {}),
      JWT_SECRET_KEY: 'e2e-secret-0123456789abcdef0123456789abcdef',
      BCRYPT_ROUNDS: '4',
      RATE_LIMIT_AUTH_PER_MINUTE: '100000',
      RATE_LIMIT_PER_MINUTE: '100000',
      RATE_LIMIT_INGEST_PER_MINUTE: '100000',
      // Users are …@example.com and name colleagues there as recipients; schedules are run by hand back to back.
      SCHEDULE_RECIPIENT_DOMAINS: 'example.com',
      SCHEDULE_RUN_NOW_COOLDOWN_SECONDS: '0',
      // Report jobs and schedule runs happen in this process, as with `npm start`.
      SCHEDULER_ENABLED: 'true',
      SMTP_URL: `smtp://127.0.0.1:${process.env.E2E_SMTP_PORT}`,
      MAIL_FROM: 'mockupAWS e2e <reports@example.com>',
      LOG_LEVEL: 'warn',
    },
  },
})
