#!/usr/bin/env bash
# Writes a production .env for mockupAWS with fresh secrets from `openssl rand`, readable by its owner only
# (mode 600). An existing file is never replaced without --force, so running it again changes nothing:
# rotating JWT_SECRET_KEY signs everyone out, and a new database password would lock the app out of PostgreSQL.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: scripts/setup-secrets.sh [--force] [--output FILE] [--public-url URL] [--database-host HOST]
                                [--data-dir DIR]

Writes a production .env (default: ./.env) with a new JWT_SECRET_KEY (openssl rand -hex 32) and a new
database password (openssl rand -hex 24), mode 600.

  --force               replace an existing file (new secrets: sessions end, the database password changes)
  --output FILE         where to write (default .env in the current directory)
  --public-url URL      the https address users reach (default https://mockupaws.example.com: edit it)
  --database-host HOST  PostgreSQL host in DATABASE_URL (default 127.0.0.1)
  --data-dir DIR        DATA_DIR (default /var/lib/mockupaws)
EOF
}

force=false
output=.env
public_url=https://mockupaws.example.com
public_url_given=false
db_host=127.0.0.1
data_dir=/var/lib/mockupaws

while [ $# -gt 0 ]; do
  case "$1" in
    --force) force=true ;;
    --output) output="${2:?--output needs a file}"; shift ;;
    --public-url) public_url="${2:?--public-url needs a URL}"; public_url_given=true; shift ;;
    --database-host) db_host="${2:?--database-host needs a host}"; shift ;;
    --data-dir) data_dir="${2:?--data-dir needs a directory}"; shift ;;
    -h | --help) usage; exit 0 ;;
    *) echo "setup-secrets: unknown argument: $1" >&2; usage >&2; exit 2 ;;
  esac
  shift
done

case "$public_url" in
  http://* | https://*) public_url="${public_url%/}" ;;
  *) echo "setup-secrets: --public-url must start with http:// or https://" >&2; exit 2 ;;
esac

if ! command -v openssl >/dev/null 2>&1; then
  echo "setup-secrets: openssl is required (apt-get install openssl)" >&2
  exit 1
fi

if [ -e "$output" ] && [ "$force" != true ]; then
  echo "setup-secrets: $output already exists; left unchanged. Use --force to replace it with new secrets." >&2
  exit 1
fi

public_host="${public_url#*://}"
public_host="${public_host%%/*}"
public_host="${public_host%%:*}"

jwt_secret="$(openssl rand -hex 32)"
# Hex needs no escaping inside DATABASE_URL and survives every shell and .env parser.
db_password="$(openssl rand -hex 24)"

# Created private from the first byte, then moved into place in one step: no moment where the secrets are
# readable by others or half written.
umask 077
output_dir="$(dirname -- "$output")"
tmp="$(mktemp "$output_dir/.env.setup-secrets.XXXXXX")"
trap 'rm -f -- "$tmp"' EXIT

cat >"$tmp" <<EOF
# mockupAWS production configuration, written by scripts/setup-secrets.sh on $(date -u +%Y-%m-%dT%H:%M:%SZ).
# Secrets: keep this file mode 600, out of git and out of backups that others can read.
# Every variable: .env.production.example and docs/configuration.md.
NODE_ENV=production
HOST=127.0.0.1
PORT=8000
PUBLIC_URL=${public_url}

DATABASE_URL=postgres://mockupaws:${db_password}@${db_host}:5432/mockupaws
POSTGRES_PASSWORD=${db_password}
DATA_DIR=${data_dir}

JWT_SECRET_KEY=${jwt_secret}
JWT_ALGORITHM=HS256
ACCESS_TOKEN_EXPIRE_MINUTES=30
REFRESH_TOKEN_EXPIRE_DAYS=7
BCRYPT_ROUNDS=12
API_KEY_PREFIX=mk_

CORS_ORIGINS=${public_url}
RATE_LIMIT_AUTH_PER_MINUTE=5
RATE_LIMIT_PER_MINUTE=100
RATE_LIMIT_INGEST_PER_MINUTE=6000
RATE_LIMIT_ALLOWLIST=
# REDIS_URL=redis://127.0.0.1:6379
# SMTP_URL=smtp://user:password@smtp.example.com:587
MAIL_FROM=mockupAWS <no-reply@${public_host}>

SCHEDULER_ENABLED=true
REPORT_RETENTION_DAYS=30
TRUST_PROXY=true
LOG_LEVEL=info
EOF

chmod 600 "$tmp"
mv -f -- "$tmp" "$output"
trap - EXIT

echo "setup-secrets: wrote $output (mode 600) with a new JWT_SECRET_KEY and database password."
if [ "$public_url_given" != true ]; then
  echo "setup-secrets: PUBLIC_URL and CORS_ORIGINS are $public_url: set them to your address (or pass --public-url)."
fi
echo "setup-secrets: next, create the database role with POSTGRES_PASSWORD (docs/INFRASTRUCTURE_SETUP.md)."
