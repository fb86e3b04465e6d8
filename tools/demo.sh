#!/usr/bin/env bash
# The main job on the embedded defaults (SQLite catalog + local vault under ./.evidencevault):
# generate a docked recorder with ffmpeg, ingest it, and print the result table.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"

ensure_ffmpeg
log "building"
dotnet build src/EvidenceVault.Cli -c Release --nologo -v quiet
EV="$REPO_ROOT/src/EvidenceVault.Cli/bin/Release/net10.0/evidencevault"

SAMPLE="$REPO_ROOT/samples/generated/recorder"
"$REPO_ROOT/tools/make-sample-recorder.sh" "$SAMPLE"

export EVIDENCEVAULT_DATA="$REPO_ROOT/.evidencevault"
log "ingesting $SAMPLE into $EVIDENCEVAULT_DATA"
set +e
"$EV" ingest "$SAMPLE" --sm3
INGEST_EXIT=$?
set -e
log "recordings in the catalog"
"$EV" recordings list
log "re-hashing every stored original"
"$EV" verify
exit "$INGEST_EXIT"
