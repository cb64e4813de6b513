#!/usr/bin/env bash
# `npm run test:e2e`: Playwright against the built app (builds first unless E2E_SKIP_BUILD=1 and a build exists).
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${E2E_SKIP_BUILD:-}" != "1" || ! -f dist/web/index.html || ! -f dist/server/main.js ]]; then
  npm run build --silent
fi
exec npx playwright test -c e2e/playwright.config.ts "$@"
