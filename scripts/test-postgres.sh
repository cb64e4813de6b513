#!/usr/bin/env bash
# Runs the server suite against PostgreSQL when TEST_DATABASE_URL answers; says so plainly when it does not.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${TEST_DATABASE_URL:-}" ]; then
  if [ "${CI:-}" = "true" ]; then
    echo "CI=true needs TEST_DATABASE_URL: the PostgreSQL run may not be skipped" >&2
    exit 1
  fi
  echo "TEST_DATABASE_URL is not set: PostgreSQL run not requested (CI sets it)."
  exit 0
fi
if ! node -e "const c=new (require('pg').Client)(process.env.TEST_DATABASE_URL);c.connect().then(()=>c.end(),()=>process.exit(1))"; then
  echo "PostgreSQL is not reachable at TEST_DATABASE_URL=${TEST_DATABASE_URL}" >&2
  exit 1
fi
npx vitest run
