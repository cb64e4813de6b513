#!/usr/bin/env bash
# The repository explains itself: no comment or doc may send the reader to a file outside it (a "SPEC §…"
# section, a shared folder, a path on one machine). Part of the lint step of `npm test`.
set -euo pipefail
cd "$(dirname "$0")/.."

pattern='SPEC §|SPEC\.md|\.\./shared/|shared/pricing|/work/(shared|main|wt)/'
if git grep -n -I -E "$pattern" -- . ':!package-lock.json' ':!scripts/check-self-contained.sh'; then
  echo "check-self-contained: the lines above refer to files outside the repository; point at docs/ instead." >&2
  exit 1
fi
