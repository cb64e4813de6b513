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
step "compose files (docker-compose config)"; bash scripts/check-compose.sh
step "build"
npm run build --silent
step "server tests on PGlite"
npx vitest run
step "server tests on PostgreSQL"
bash scripts/test-postgres.sh
