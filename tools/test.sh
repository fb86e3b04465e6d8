#!/usr/bin/env bash
# Installs what the tests need (ffmpeg, PostgreSQL, Azurite, tus-js-client), starts a throw-away PostgreSQL cluster and
# Azurite on 127.0.0.1, runs every test,
# stops what it started, and ends with "N passed, N failed, N skipped".
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"

ensure_ffmpeg
ensure_chromium
ensure_postgres
ensure_azurite
ensure_tus_js_client
apt_install umockdev libmtp9 # MTP recorder replays (tests/EvidenceVault.Devices.Tests/Mtp)
apt_install python3-fuse # a recorder whose flash fails, as a FUSE mount (tests/EvidenceVault.Cli.Tests/Fixtures)

AZURITE_PORT="${AZURITE_PORT:-10000}"
AZURITE_DATA="$(mktemp -d)"
RESULTS="$(mktemp -d)"
AZURITE_PID=""
cleanup() {
  if [ -n "$AZURITE_PID" ]; then
    kill "$AZURITE_PID" 2>/dev/null || true
    wait "$AZURITE_PID" 2>/dev/null || true
  fi
  stop_postgres
  rm -rf "$AZURITE_DATA" "$RESULTS"
}
trap cleanup EXIT

POSTGRES_PORT="${POSTGRES_PORT:-54329}"
log "starting PostgreSQL on 127.0.0.1:$POSTGRES_PORT"
start_postgres "$POSTGRES_PORT"
export EVIDENCEVAULT_TEST_POSTGRES="$PG_URL"

log "starting Azurite on 127.0.0.1:$AZURITE_PORT"
"$AZURITE_BIN" --blobHost 127.0.0.1 --blobPort "$AZURITE_PORT" --location "$AZURITE_DATA" \
  --silent --disableTelemetry --skipApiVersionCheck >"$AZURITE_DATA/azurite.log" 2>&1 &
AZURITE_PID=$!
wait_for_port 127.0.0.1 "$AZURITE_PORT" 60

# Tests that take storage away and bring it back start their own Azurite with this binary.
export EVIDENCEVAULT_AZURITE_BIN="$AZURITE_BIN"
export EVIDENCEVAULT_AZURITE_CONNECTION="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:$AZURITE_PORT/devstoreaccount1;"

log "building"
dotnet build EvidenceVault.sln -c Release -warnaserror --nologo -v quiet

log "running tests"
set +e
dotnet test EvidenceVault.sln -c Release --no-build --nologo 2>&1 | tee "$RESULTS/test.log"
TEST_EXIT=${PIPESTATUS[0]}
set -e

# Each test project prints one summary line: "Passed!  - Failed: 0, Passed: 37, Skipped: 0, Total: 37, ...".
count() { grep -E '^(Passed|Failed)!' "$RESULTS/test.log" | grep -oE "$1: +[0-9]+" | awk '{s += $2} END {print s + 0}'; }
PASSED=$(count Passed)
FAILED=$(count Failed)
SKIPPED=$(count Skipped)
EXPECTED_PROJECTS=$(find tests -name '*.Tests.csproj' | wc -l)
REPORTED_PROJECTS=$(grep -cE '^(Passed|Failed)!' "$RESULTS/test.log" || true)
if [ "$REPORTED_PROJECTS" -ne "$EXPECTED_PROJECTS" ]; then
  log "only $REPORTED_PROJECTS of $EXPECTED_PROJECTS test projects reported results (a test host crashed?)"
  FAILED=$((FAILED + EXPECTED_PROJECTS - REPORTED_PROJECTS))
fi

echo "$PASSED passed, $FAILED failed, $SKIPPED skipped"
if [ "$TEST_EXIT" -ne 0 ] || [ "$FAILED" -ne 0 ] || [ "$SKIPPED" -ne 0 ] || [ "$PASSED" -eq 0 ]; then
  exit 1
fi
