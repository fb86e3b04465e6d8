#!/usr/bin/env bash
# Ledger benchmarks, run as `tools/bench.sh ledger [MiB]` (ingest tree size, default 512). Every figure is a ratio
# against a baseline measured in the same run:
# 1. checkpoint + signing cost (evidencevault audit checkpoint of a new head, less the same CLI's start-up measured with
#    `keys show`) as a share of the ingest it follows (target <= 2 %), and at ENTRIES custody entries as a share of
#    the 10-minute checkpoint interval.
# 2. audit verify of ENTRIES custody entries (default 1 000 000): seconds (target <= 60) vs the floor (read every entry
#    and recompute its hash, tools/EvidenceVault.Bench chain), and peak RSS vs the same audit at ENTRIES / 10 (flat).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"
MIB="${1:-512}"
ENTRIES="${ENTRIES:-1000000}"

apt_install time bc
log "building (Release)"
dotnet build src/EvidenceVault.Cli -c Release --nologo -v quiet
dotnet build tools/EvidenceVault.Bench -c Release --nologo -v quiet
EV="$REPO_ROOT/src/EvidenceVault.Cli/bin/Release/net10.0/evidencevault"
BENCH="$REPO_ROOT/tools/EvidenceVault.Bench/bin/Release/net10.0/evidencevault-bench"

WORK="$REPO_ROOT/.bench-ledger"
rm -rf "$WORK"
mkdir -p "$WORK/tree/DCIM"
trap 'chmod -R u+w "$WORK" 2>/dev/null; rm -rf "$WORK"' EXIT
DATA="$WORK/data"
CATALOG="$DATA/catalog.db"

seconds() { # command...: wall seconds
  local start end
  start=$(date +%s.%N); "$@" >/dev/null; end=$(date +%s.%N)
  echo "$end - $start" | bc -l
}
peak_kib() { # command...: peak RSS in KiB (GNU time)
  /usr/bin/time -f '%M' -o "$WORK/time.out" "$@" >/dev/null
  cat "$WORK/time.out"
}
entries() { "$EV" audit verify --json --data "$DATA" | sed -n 's/.*"entries": *\([0-9]*\).*/\1/p' | head -1; }
grow_to() { # total entries
  "$BENCH" custody --catalog "$CATALOG" --entries $(($1 - $(entries)))
}
pct() { printf '%.2f %%' "$(echo "100 * $1 / $2" | bc -l)"; }

log "generating $MIB MiB tree (16 files)"
for i in $(seq -w 1 16); do
  head -c $((MIB * 1024 * 1024 / 16)) /dev/urandom > "$WORK/tree/DCIM/A123456_010203_20250301$(printf '%06d' $((90000 + 10#$i)))_${i}.MP4"
done

log "ingest (writes its checkpoint at the end)"
T_INGEST=$(seconds "$EV" ingest "$WORK/tree" --defer-media --json --data "$DATA")
T_START=$(seconds "$EV" keys show --json --data "$DATA")
"$BENCH" custody --catalog "$CATALOG" --entries 1
T_CKPT=$(seconds "$EV" audit checkpoint --json --data "$DATA")

log "growing the log to $((ENTRIES / 10)) entries"
grow_to $((ENTRIES / 10))
"$EV" audit checkpoint --data "$DATA" >/dev/null
T_VERIFY_SMALL=$(seconds "$EV" audit verify --data "$DATA")
MEM_SMALL=$(peak_kib "$EV" audit verify --data "$DATA")

log "growing the log to $ENTRIES entries"
grow_to "$ENTRIES"
T_CKPT_BIG=$(seconds "$EV" audit checkpoint --data "$DATA")
T_CHAIN=$(seconds "$BENCH" chain --catalog "$CATALOG")
T_VERIFY=$(seconds "$EV" audit verify --data "$DATA")
MEM_BIG=$(peak_kib "$EV" audit verify --data "$DATA")
"$EV" audit verify --data "$DATA" | tail -1 >&2

C_SMALL=$(echo "$T_CKPT - $T_START" | bc -l)
C_BIG=$(echo "$T_CKPT_BIG - $T_START" | bc -l)
printf '\n%-52s %10s %10s\n' "checkpoint + signing" "seconds" "share"
printf '%-52s %10.2f %10s\n' "ingest --defer-media, $MIB MiB in 16 files (baseline)" "$T_INGEST" "100 %"
printf '%-52s %10.2f\n' "CLI start-up (keys show)" "$T_START"
printf '%-52s %10.3f %10s   target <= 2 %%\n' "checkpoint of the ingest's log, less start-up" "$C_SMALL" "$(pct "$C_SMALL" "$T_INGEST")"
printf '%-52s %10.3f %10s   target <= 2 %%\n' "checkpoint at $ENTRIES entries, per 10-min interval" "$C_BIG" "$(pct "$C_BIG" 600)"
printf '\n%-52s %10s %10s\n' "audit verify (chain + checkpoints + row checks)" "seconds" "ratio"
printf '%-52s %10.2f %10s\n' "read + re-hash every entry, $ENTRIES (baseline)" "$T_CHAIN" "1.00"
printf '%-52s %10.2f %10.2f   target <= 60 s\n' "audit verify, $ENTRIES entries" "$T_VERIFY" "$(echo "$T_VERIFY / $T_CHAIN" | bc -l)"
printf '%-52s %10.2f\n' "audit verify, $((ENTRIES / 10)) entries" "$T_VERIFY_SMALL"
printf '\n%-52s %10s %10s\n' "audit verify peak memory" "KiB" "ratio"
printf '%-52s %10d %10s\n' "$((ENTRIES / 10)) entries (baseline)" "$MEM_SMALL" "1.00"
printf '%-52s %10d %10.2f   target ~1 (flat)\n' "$ENTRIES entries" "$MEM_BIG" "$(echo "$MEM_BIG / $MEM_SMALL" | bc -l)"
