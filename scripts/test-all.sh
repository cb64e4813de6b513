#!/usr/bin/env bash
# `npm test`: static checks, build, the server suite on PGlite and (with TEST_DATABASE_URL) PostgreSQL, the
# security and fault suites, the web component tests and the e2e suite. Steps that do not depend on each other
# run side by side, each into its own log that is printed whole, with its time, when the step ends; the first
# failing phase stops the run. With CI=true a missing PostgreSQL, Redis or Chromium fails the run instead of
# skipping the steps that need it.
set -euo pipefail
cd "$(dirname "$0")/.."

LOGS=$(mktemp -d)
STARTED=$SECONDS

# start NAME COMMAND: runs COMMAND in the background (its own process group) into its own log.
declare -A PIDS=()
start() {
  local name=$1 command=$2
  setsid bash -c '
    start=$SECONDS
    bash -c "$2" >"$1.log" 2>&1
    rc=$?
    echo "$rc $((SECONDS - start))" >"$1.status"
    exit "$rc"' _ "$LOGS/$name" "$command" &
  PIDS[$name]=$!
}

# finish TITLE NAME…: waits for the named steps, prints each log with its time, and stops the run (after
# printing them all) when any failed.
finish() {
  local title=$1 name rc secs failed=0
  shift
  for name in "$@"; do
    wait "${PIDS[$name]}" || true
    unset "PIDS[$name]"
    read -r rc secs <"$LOGS/$name.status"
    printf '\n== %s (%ss, exit %s)\n' "$name" "$secs" "$rc"
    cat "$LOGS/$name.log"
    [[ $rc == 0 ]] || failed=1
  done
  if [[ $failed != 0 ]]; then
    printf '\n=== FAILED in phase "%s" after %ss\n' "$title" "$((SECONDS - STARTED))" >&2
    exit 1
  fi
}

# phase TITLE NAME:::COMMAND…: runs the commands at once and finishes them.
phase() {
  local title=$1 spec
  shift
  printf '\n=== %s\n' "$title"
  local -a names=()
  for spec in "$@"; do
    start "${spec%%:::*}" "${spec#*:::}"
    names+=("${spec%%:::*}")
  done
  finish "$title" "${names[@]}"
}

# A step still running when the run stops (a failed phase, Ctrl-C) is stopped with everything it started:
# SIGINT first, as from Ctrl-C, because on SIGTERM Playwright leaves its web server (its own process group)
# running; what still runs after a 30 s grace (a background step ignores SIGINT unless it handles it) gets SIGTERM.
stop_running() {
  local pid grace
  for pid in "${PIDS[@]}"; do kill -INT -- "-$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do
    for ((grace = 0; grace < 30; grace++)); do
      kill -0 -- "-$pid" 2>/dev/null || break
      sleep 1
    done
    kill -- "-$pid" 2>/dev/null || true
  done
  rm -rf "$LOGS"
}
trap stop_running EXIT

# CI must run everything: a missing service is an error there, not a reason to skip.
if [[ "${CI:-}" == "true" ]]; then
  [[ -n "${TEST_DATABASE_URL:-}" ]] || { echo "CI=true needs TEST_DATABASE_URL (PostgreSQL)" >&2; exit 1; }
  [[ -x /usr/bin/chromium ]] || { echo "CI=true needs /usr/bin/chromium for the e2e suite" >&2; exit 1; }
  node -e "const r=new (require('ioredis').Redis)(process.env.TEST_REDIS_URL??'redis://127.0.0.1:6379',{lazyConnect:true,maxRetriesPerRequest:0});r.connect().then(()=>r.quit(),()=>process.exit(1))" \
    || { echo "CI=true needs Redis at ${TEST_REDIS_URL:-redis://127.0.0.1:6379}" >&2; exit 1; }
fi

# Type-checks run on TypeScript 7's native compiler (npm alias `typescript-7`); `typescript` 5.9 stays for the
# emit in `npm run build` and for openapi-typescript, which needs its compiler API (docs/architecture.md).
TSC7="node node_modules/typescript-7/bin/tsc"
phase "static checks and build" \
  "lint:::npx biome check . && bash scripts/check-self-contained.sh" \
  "type-check server:::$TSC7 --noEmit -p tsconfig.json" \
  "type-check web:::$TSC7 --noEmit -p web/tsconfig.json" \
  "type-check e2e:::$TSC7 --noEmit -p e2e/tsconfig.json" \
  "compose files:::bash scripts/check-compose.sh" \
  "generated API types are current:::npx tsx scripts/generate-api-types.ts --check" \
  "build:::npm run build --silent"

# The fault tests mostly wait (restarts, a cut database, a rate-limit window): they run beside CPU-bound steps.
# CI exports TEST_DATABASE_URL for the PostgreSQL run; the PGlite run must not see it.
if [[ -n "${TEST_DATABASE_URL:-}" ]]; then
  phase "server suite on PGlite; fault tests; web components" \
    "server tests on PGlite:::env -u TEST_DATABASE_URL npx vitest run" \
    "fault tests (kill -9, database cut, shared Redis limits):::npx vitest run --config security/vitest.faults.config.ts" \
    "web component tests (vitest, jsdom):::npm run test:web --silent"
  phase "server suite on PostgreSQL; security suite" \
    "server tests on PostgreSQL:::bash scripts/test-postgres.sh" \
    "security suite (HTTP against the built server):::npx vitest run --config security/vitest.config.ts"
else
  echo "TEST_DATABASE_URL is not set: the PostgreSQL run and the fault tests are not requested (CI sets it)."
  phase "server suite on PGlite; security suite; web components" \
    "server tests on PGlite:::npx vitest run" \
    "security suite (HTTP against the built server):::npx vitest run --config security/vitest.config.ts" \
    "web component tests (vitest, jsdom):::npm run test:web --silent"
fi

# The e2e suite runs last, alone: beside the server phases, two cores could not keep up with four browsers,
# the fault tests' restarts and the server suites, and tests timed out (docs/web-app.md).
if [[ -x /usr/bin/chromium ]]; then
  phase "e2e (playwright, chromium)" "e2e (playwright, chromium):::E2E_SKIP_BUILD=1 bash scripts/test-e2e.sh"
else
  printf '\n=== e2e SKIPPED: /usr/bin/chromium is missing (apt-get install -y chromium); .ci/run installs it\n'
fi
printf '\n=== npm test passed in %ss\n' "$((SECONDS - STARTED))"
