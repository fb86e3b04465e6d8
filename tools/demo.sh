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
# Each run starts from an empty demo folder: the previous run left users behind (the web app's demo sign-ins), and
# from the first user on the CLI checks access as everywhere else.
if [ -e "$EVIDENCEVAULT_DATA" ]; then
  log "removing the previous demo's data folder $EVIDENCEVAULT_DATA"
  chmod -R u+w "$EVIDENCEVAULT_DATA"
  rm -rf "$EVIDENCEVAULT_DATA"
fi
DEMO_PASSWORD="demo-pass-phrase-2026"
log "ingesting $SAMPLE into $EVIDENCEVAULT_DATA"
set +e
"$EV" ingest "$SAMPLE" --sm3
INGEST_EXIT=$?
set -e
log "recordings in the catalog"
"$EV" recordings list
log "re-hashing every stored original"
"$EV" verify

# A case whose inspection activity covers the morning's footage: linked automatically by officer and time.
CASE="市监罚〔2025〕12号"
if ! "$EV" cases show "$CASE" >/dev/null 2>&1; then
  log "opening case $CASE with an on-site inspection 09:20-10:00"
  "$EV" cases create "$CASE" --type 行政处罚 --party "某某食品有限公司" --officer 010203
  "$EV" cases activity add "$CASE" --stage 调查取证 --type inspection --place "某某路18号仓库" \
    --start 2025-03-01T09:20:00+08:00 --end 2025-03-01T10:00:00+08:00
  "$EV" add "$SAMPLE/RECORD/现场 笔录 -01.txt" --case "$CASE" --stage 调查取证 --document-type inspection-notes
fi
log "the full-process timeline of $CASE"
"$EV" cases timeline "$CASE"
log "retention: every recording's term and the rule that set it"
"$EV" retention plan
PACKAGE="$REPO_ROOT/samples/generated/export"
rm -rf "$PACKAGE"
log "exporting $CASE as a self-verifying BagIt package"
"$EV" export "$CASE" -o "$PACKAGE"
"$EV" verify-package "$PACKAGE"
(cd "$PACKAGE" && sh verify.sh | tail -1)
log "installation check"
"$EV" doctor
log "custody chain"
"$EV" audit verify
log "demo sign-ins for the web app: demo (officer 010203, on case $CASE) and demo-admin (administrator)"
"$EV" users add demo-admin --display-name "演示管理员" --role administrator --department 办公室 >/dev/null
printf '%s\n' "$DEMO_PASSWORD" | "$EV" users set-password demo-admin --password-stdin >/dev/null
EVIDENCEVAULT_TOKEN=$(printf '%s\n' "$DEMO_PASSWORD" | "$EV" login demo-admin --password-stdin --print-token 2>/dev/null)
export EVIDENCEVAULT_TOKEN
"$EV" users add demo --display-name "演示执法员" --role officer --department 一中队 --officer 010203 >/dev/null
printf '%s\n' "$DEMO_PASSWORD" | "$EV" users set-password demo --password-stdin >/dev/null
log "the web app: run \`$EV serve\`, open http://127.0.0.1:5080/ and sign in as demo (the officer: recordings, player, case $CASE) or demo-admin (administration), password $DEMO_PASSWORD"
exit "$INGEST_EXIT"
