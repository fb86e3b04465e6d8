#!/usr/bin/env bash
# Shared helpers for the tools/ scripts: install what is missing, idempotently.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS_DIR="$REPO_ROOT/.tools"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log() { printf '==> %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

APT_UPDATED=0
apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing ${missing[*]} from apt"
  if [ "$APT_UPDATED" -eq 0 ]; then
    as_root apt-get update -qq
    APT_UPDATED=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

ensure_ffmpeg() {
  if ! command -v ffmpeg >/dev/null 2>&1 || ! command -v ffprobe >/dev/null 2>&1; then
    apt_install ffmpeg
  fi
  ffmpeg -hide_banner -version | head -1 >&2
}

ensure_chromium() { # Debian's chromium, driven by Playwright through ExecutablePath: no browser download
  if ! command -v chromium >/dev/null 2>&1; then
    apt_install chromium fonts-noto-cjk
  fi
  export EVIDENCEVAULT_CHROMIUM="${EVIDENCEVAULT_CHROMIUM:-$(command -v chromium)}"
  "$EVIDENCEVAULT_CHROMIUM" --version >&2 || true
}

ensure_node() {
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    apt_install nodejs npm
  fi
}

AZURITE_VERSION=3.37.0
ensure_azurite() {
  ensure_node
  local dir="$TOOLS_DIR/azurite"
  if [ ! -x "$dir/node_modules/.bin/azurite-blob" ]; then
    log "installing azurite@$AZURITE_VERSION from npm"
    mkdir -p "$dir"
    (cd "$dir" && npm init -y >/dev/null && npm install --no-audit --no-fund --loglevel=error "azurite@$AZURITE_VERSION" >/dev/null)
  fi
  AZURITE_BIN="$dir/node_modules/.bin/azurite-blob"
}

TUS_JS_CLIENT_VERSION=4.3.1
ensure_tus_js_client() { # the real tus client the upload interop test drives
  ensure_node
  local dir="$TOOLS_DIR/tus-js-client"
  if [ ! -f "$dir/node_modules/tus-js-client/package.json" ]; then
    log "installing tus-js-client@$TUS_JS_CLIENT_VERSION from npm"
    mkdir -p "$dir"
    npm install --prefix "$dir" --no-audit --no-fund --loglevel=error "tus-js-client@$TUS_JS_CLIENT_VERSION" >/dev/null
  fi
  export EVIDENCEVAULT_TUS_JS_CLIENT="$dir/node_modules"
}

wait_for_port() { # host port seconds
  local deadline=$((SECONDS + $3))
  until (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; do
    if [ $SECONDS -ge $deadline ]; then
      log "nothing is listening on $1:$2 after $3 s"
      return 1
    fi
    sleep 0.3
  done
}

ensure_postgres() { # apt postgresql; PG_BIN is where initdb and pg_ctl live (Debian keeps them off PATH)
  if ! compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
    apt_install postgresql
  fi
  PG_BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
}

as_postgres() { # the server refuses to run as root
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# A throw-away cluster on a loopback port: trust auth, fsync off (it is deleted afterwards), C collation.
# Sets PG_DATA; PG_URL is the catalog URL for it.
start_postgres() { # port
  ensure_postgres
  PG_DATA="$(mktemp -d /tmp/ev-pg.XXXXXX)"
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$PG_DATA"
  as_postgres "$PG_BIN/initdb" -D "$PG_DATA" -U postgres -A trust --no-sync -E UTF8 --locale=C >/dev/null
  as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_DATA/server.log" -w -s \
    -o "-p $1 -k $PG_DATA -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300" start
  PG_URL="postgres://postgres@127.0.0.1:$1/postgres"
}

stop_postgres() {
  [ -n "${PG_DATA:-}" ] || return 0
  as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -s stop || true
  rm -rf "$PG_DATA"
  PG_DATA=""
}
