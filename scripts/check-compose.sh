#!/usr/bin/env bash
# Validates docker-compose.yml and docker-compose.scheduler.yml with `docker-compose config` (schema, merge,
# interpolation). No Docker engine is needed, nor available on the build machine: nothing is built or run.
# Installs Debian's docker-compose package when it is missing and this is a root shell with apt-get;
# fails loudly otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."

fail() {
  echo "check-compose: $*" >&2
  exit 1
}

if ! command -v docker-compose >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "check-compose: docker-compose is missing; installing Debian's docker-compose package"
    apt-get update -qq || fail "apt-get update failed"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-compose >/dev/null \
      || fail "apt-get install docker-compose failed"
  else
    fail "docker-compose is not installed and cannot be installed here (needs root and apt-get)"
  fi
fi

# A scratch project directory: the compose files as committed, and .env from .env.production.example (what
# setup-secrets.sh writes has the same variables), so a developer's own .env never affects the result.
work="$(mktemp -d)"
trap 'rm -rf -- "$work"' EXIT
cp docker-compose.yml docker-compose.scheduler.yml Dockerfile .dockerignore "$work/"
cp .env.production.example "$work/.env"

compose() {
  (cd "$work" && docker-compose --project-name mockupaws "$@")
}

echo "check-compose: docker-compose -f docker-compose.yml config"
compose -f docker-compose.yml config >"$work/base.yml" || fail "docker-compose.yml is not valid"
echo "check-compose: docker-compose -f docker-compose.yml -f docker-compose.scheduler.yml config"
compose -f docker-compose.yml -f docker-compose.scheduler.yml config >"$work/scheduler.yml" \
  || fail "docker-compose.yml + docker-compose.scheduler.yml is not valid"

services() {
  compose "$@" config --services | sort | tr '\n' ' '
}
base_services="$(services -f docker-compose.yml)"
[ "$base_services" = "app db redis " ] || fail "docker-compose.yml services are '$base_services', expected 'app db redis'"
scheduler_services="$(services -f docker-compose.yml -f docker-compose.scheduler.yml)"
[ "$scheduler_services" = "app db redis worker " ] \
  || fail "with the scheduler overlay the services are '$scheduler_services', expected 'app db redis worker'"

# The merged result, read as data: what each service would really run with.
if python3 -c 'import yaml' 2>/dev/null; then
  python3 - "$work/base.yml" "$work/scheduler.yml" <<'EOF' || fail "the merged configuration is not what docs/INFRASTRUCTURE_SETUP.md describes"
import sys, yaml

base = yaml.safe_load(open(sys.argv[1]))["services"]
merged = yaml.safe_load(open(sys.argv[2]))["services"]
problems = []
def expect(ok, message):
    if not ok:
        problems.append(message)

expect(base["app"]["command"] == ["node", "dist/server/main.js", "serve"], "app must run serve")
expect(base["app"]["depends_on"]["db"]["condition"] == "service_healthy", "app must wait for a healthy db")
expect(base["db"]["image"].startswith("postgres:15"), "db must be postgres 15")
expect(any(v.endswith(":/var/lib/postgresql/data:rw") or v.endswith(":/var/lib/postgresql/data")
           for v in base["db"].get("volumes", [])), "db data must be on a volume")
expect("healthcheck" in base["db"], "db needs a healthcheck")
expect(base["app"]["environment"]["DATABASE_URL"].startswith("postgres://mockupaws:"), "app DATABASE_URL")
expect(base["app"]["environment"].get("SCHEDULER_ENABLED") != "false", "base app keeps its scheduler")
expect(merged["app"]["environment"]["SCHEDULER_ENABLED"] == "false", "overlay: app must not schedule")
expect(merged["worker"]["command"] == ["node", "dist/server/main.js", "worker"], "overlay: worker command")
expect(merged["worker"]["depends_on"]["db"]["condition"] == "service_healthy", "overlay: worker waits for db")
for p in problems:
    print("check-compose: " + p, file=sys.stderr)
sys.exit(1 if problems else 0)
EOF
else
  echo "check-compose: python3 with PyYAML not found; checked syntax and services only"
fi

echo "check-compose: both compose files are valid ($(docker-compose version --short))"
