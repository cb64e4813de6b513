import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ENGINE, MAIN_JS, TEMPLATE_ENV } from './server.js'

/**
 * Refuses to run against a missing build, and on PGlite migrates one template data dir that every server of
 * the run copies (initdb in WASM costs seconds of CPU per server otherwise).
 */
export default function setup(): () => void {
  if (!existsSync(MAIN_JS)) {
    throw new Error(`${MAIN_JS} is missing: run \`npm run build:server\` first (npm run test:security does).`)
  }
  if (ENGINE !== 'pglite') return () => undefined
  const template = mkdtempSync(join(tmpdir(), 'mockupaws-sec-template-'))
  const result = spawnSync(process.execPath, [MAIN_JS, 'migrate'], {
    cwd: template,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      DATA_DIR: template,
      JWT_SECRET_KEY: 'template-only-secret-0123456789abcdef',
      LOG_LEVEL: 'warn',
    },
    encoding: 'utf8',
  })
  if (result.status !== 0) throw new Error(`migrate failed: ${result.stderr}`)
  process.env[TEMPLATE_ENV] = template
  return () => rmSync(template, { recursive: true, force: true })
}
