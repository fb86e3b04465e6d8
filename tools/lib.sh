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
