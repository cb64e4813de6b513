#!/usr/bin/env bash
# `npm test`: lint, type-check, then the server suite on PGlite and, when PostgreSQL is reachable at
# TEST_DATABASE_URL, again on PostgreSQL. Stops at the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

step "lint (biome)"
npx biome check .
step "type-check (tsc strict)"
npx tsc --noEmit -p tsconfig.json
npx tsc --noEmit -p web/tsconfig.json
npx tsc --noEmit -p e2e/tsconfig.json
step "compose files (docker-compose config)"; bash scripts/check-compose.sh
step "build"
npm run build --silent
step "server tests on PGlite"
# CI exports TEST_DATABASE_URL for the PostgreSQL run below; this run must not see it.
env -u TEST_DATABASE_URL npx vitest run
step "server tests on PostgreSQL"
bash scripts/test-postgres.sh
step "security suite (HTTP against the built server)"; npx vitest run --config security/vitest.config.ts
if [[ -n "${TEST_DATABASE_URL:-}" ]]; then step "fault tests (kill -9, database cut, shared Redis limits)"; npx vitest run --config security/vitest.faults.config.ts; fi
step "web component tests (vitest, jsdom)"
npm run test:web --silent
if [[ -x /usr/bin/chromium ]]; then
  step "e2e (playwright, chromium)"
  E2E_SKIP_BUILD=1 bash scripts/test-e2e.sh
else
  step "e2e SKIPPED: /usr/bin/chromium is missing (apt-get install -y chromium); .ci/run installs it"
fi
