#!/usr/bin/env bash
# Speed and memory benchmarks; every figure is a ratio against a baseline measured in the same run.
#   tools/bench.sh [GiB]   (default 1)
#   tools/bench.sh api [GiB-per-upload]   HTTP API: tus uploads, server memory, list/filter at 1M rows, /healthz and sign-in floods (tools/bench-api.sh)
#   tools/bench.sh ledger [MiB]           checkpoint + signing share of ingest, audit verify of 1M custody entries (tools/bench-ledger.sh)
#   tools/bench.sh web                    list and case pages vs their JSON twins at 100k recordings / 10k cases, first
#                                         frame of a one-hour proxy vs a static file from nginx (tools/bench-web.sh)
# 1. ingest --defer-media vs `cp -r` + `sync` and vs `cp -r` + `sync` + `sha256sum` of the same tree;
#    also with --sm3; peak memory with small files vs large files (flat in file size).
# 2. time-to-safe of GiB in 4 files vs the simplest correct hashing copy (tools/hashing-copy.py) and vs `cp -r` + `sync`;
#    --sm3 vs without.
# 3. 25 bays, each source paced to 40 MB/s (USB 2): the station's wall time vs the slowest source read alone; peak
#    memory vs one bay (evidencevault-bench bays).
# 4. proxy time vs the plain ffmpeg command line with the same arguments.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
if [ "${1:-}" = api ]; then
  shift
  exec "$(dirname "${BASH_SOURCE[0]}")/bench-api.sh" "$@"
fi
if [ "${1:-}" = ledger ]; then
  shift
  exec "$(dirname "${BASH_SOURCE[0]}")/bench-ledger.sh" "$@"
fi
if [ "${1:-}" = web ]; then
  shift
  exec "$(dirname "${BASH_SOURCE[0]}")/bench-web.sh" "$@"
fi
cd "$REPO_ROOT"
GIB="${1:-1}"

ensure_ffmpeg
apt_install time
log "building (Release)"
dotnet build src/EvidenceVault.Cli -c Release --nologo -v quiet
dotnet build tools/EvidenceVault.Bench -c Release --nologo -v quiet
EV="$REPO_ROOT/src/EvidenceVault.Cli/bin/Release/net10.0/evidencevault"
BENCH="$REPO_ROOT/tools/EvidenceVault.Bench/bin/Release/net10.0/evidencevault-bench"

WORK="$REPO_ROOT/.bench"
rm -rf "$WORK"
mkdir -p "$WORK"
trap 'rm -rf "$WORK"' EXIT

make_tree() { # dir files bytes-per-file
  mkdir -p "$1/DCIM"
  for i in $(seq -w 1 "$2"); do
    head -c "$3" /dev/urandom > "$1/DCIM/A123456_010203_20250301$(printf '%06d' $((90000 + 10#$i)))_${i}.MP4"
  done
}
drop_caches() { sync; echo 3 > /proc/sys/vm/drop_caches 2>/dev/null || true; }
seconds() { # command...: wall seconds
  local start end
  start=$(date +%s.%N); "$@" >/dev/null; end=$(date +%s.%N)
  echo "$end - $start" | bc -l
}
ratio() { printf '%.2f' "$(echo "$1 / $2" | bc -l)"; }
peak_kib() { # command...: peak RSS in KiB (GNU time)
  /usr/bin/time -f '%M' -o "$WORK/time.out" "$@" >/dev/null
  cat "$WORK/time.out"
}
apt_install bc

BYTES=$((GIB * 1024 * 1024 * 1024))
FILES=16
log "generating $GIB GiB tree ($FILES files)"
make_tree "$WORK/tree" "$FILES" $((BYTES / FILES))

median() { printf '%s\n' "$@" | sort -g | sed -n "$(( ($# + 1) / 2 ))p"; }
ROUNDS="${ROUNDS:-3}"
CP=(); CP_SHA=(); EV_RUNS=(); EV_SM3=()
for round in $(seq 1 "$ROUNDS"); do
  # Alternate the commands within each round so that disk and cache noise hits all of them alike.
  log "round $round of $ROUNDS"
  drop_caches
  CP+=("$(seconds bash -c "cp -r '$WORK/tree' '$WORK/cp' && sync")")
  rm -rf "$WORK/cp"; drop_caches
  EV_RUNS+=("$(seconds "$EV" ingest "$WORK/tree" --defer-media --json --data "$WORK/data1")")
  rm -rf "$WORK/data1"; drop_caches
  CP_SHA+=("$(seconds bash -c "cp -r '$WORK/tree' '$WORK/cp' && sync && sha256sum '$WORK'/cp/DCIM/* >/dev/null")")
  rm -rf "$WORK/cp"; drop_caches
  EV_SM3+=("$(seconds "$EV" ingest "$WORK/tree" --defer-media --sm3 --json --data "$WORK/data2")")
  rm -rf "$WORK/data2"
done
T_CP=$(median "${CP[@]}"); T_CP_SHA=$(median "${CP_SHA[@]}"); T_EV=$(median "${EV_RUNS[@]}"); T_EV_SM3=$(median "${EV_SM3[@]}")

log "peak memory: same total in 16 MiB files vs $((BYTES / FILES / 1048576)) MiB files"
make_tree "$WORK/small" 16 $((16 * 1024 * 1024))
MEM_SMALL=$(peak_kib "$EV" ingest "$WORK/small" --defer-media --json --data "$WORK/data3")
MEM_LARGE=$(peak_kib "$EV" ingest "$WORK/tree" --defer-media --json --data "$WORK/data4")
rm -rf "$WORK/data3" "$WORK/data4" "$WORK/small" "$WORK/tree"

log "time-to-safe: $GIB GiB in 4 files"
make_tree "$WORK/four" 4 $((BYTES / 4))
HC=(); CP4=(); SAFE=(); SAFE_SM3=()
for round in $(seq 1 "$ROUNDS"); do
  log "round $round of $ROUNDS"
  drop_caches
  HC+=("$(seconds python3 "$REPO_ROOT/tools/hashing-copy.py" "$WORK/four" "$WORK/hc")")
  rm -rf "$WORK/hc"; drop_caches
  SAFE+=("$(seconds "$EV" ingest "$WORK/four" --defer-media --json --data "$WORK/data5")")
  rm -rf "$WORK/data5"; drop_caches
  CP4+=("$(seconds bash -c "cp -r '$WORK/four' '$WORK/cp' && sync")")
  rm -rf "$WORK/cp"; drop_caches
  SAFE_SM3+=("$(seconds "$EV" ingest "$WORK/four" --defer-media --sm3 --json --data "$WORK/data6")")
  rm -rf "$WORK/data6"
done
T_HC=$(median "${HC[@]}"); T_CP4=$(median "${CP4[@]}"); T_SAFE=$(median "${SAFE[@]}"); T_SAFE_SM3=$(median "${SAFE_SM3[@]}")
# The floor under --sm3: SM3 is one sequential chain per file, so its own time on one core (OpenSSL, warm cache) bounds the run.
cat "$WORK"/four/DCIM/* >/dev/null
T_SM3_ALONE=$(seconds bash -c "cat '$WORK'/four/DCIM/* | openssl dgst -sm3")
rm -rf "$WORK/four"

BAYS=25; BAY_MIB="${BAY_MIB:-96}"; RATE=40000000
log "station: $BAYS bays of $BAY_MIB MiB (2 files each), each source paced to $((RATE / 1000000)) MB/s"
for b in $(seq -w 1 "$BAYS"); do
  make_tree "$WORK/bays/bay$b" 2 $((BAY_MIB * 1024 * 1024 / 2))
done
make_tree "$WORK/warmup" 1 1048576
drop_caches
# Into files first: GNU time writes its figure only after the program has exited.
/usr/bin/time -f '%M' -o "$WORK/time.bays" "$BENCH" bays --tree "$WORK/bays" --warmup "$WORK/warmup" \
  --data "$WORK/data7" --bays "$BAYS" --rate "$RATE" > "$WORK/bays.out" || true
read -r T_ALONE T_BAYS SECURED FAILED_BAYS < "$WORK/bays.out"
MEM_BAYS=$(cat "$WORK/time.bays"); rm -rf "$WORK/data7"; drop_caches
/usr/bin/time -f '%M' -o "$WORK/time.bay1" "$BENCH" bays --tree "$WORK/bays" --warmup "$WORK/warmup" \
  --data "$WORK/data8" --bays 1 --rate "$RATE" > "$WORK/bay1.out"
read -r T_ALONE1 T_BAY1 _ _ < "$WORK/bay1.out"
# The disk's own pace for the 25 bays' bytes, durably: no pacing, no hashing, no verify.
drop_caches
T_BAYS_CP=$(seconds bash -c "cp -r '$WORK/bays' '$WORK/bays-cp' && sync")
rm -rf "$WORK/bays-cp"
MEM_BAY1=$(cat "$WORK/time.bay1"); rm -rf "$WORK/data8" "$WORK/bays" "$WORK/warmup"

log "proxy: 30 s 1080p H.264 clip at 8 Mbit/s"
ffmpeg -hide_banner -loglevel error -y -f lavfi -i "testsrc2=size=1920x1080:rate=30,noise=alls=12:allf=t" \
  -f lavfi -i "sine=frequency=440:sample_rate=48000" -t 30 -c:v libx264 -preset ultrafast -b:v 8M \
  -pix_fmt yuv420p -c:a aac -shortest "$WORK/clip.mp4"
"$EV" media proxy "$WORK/clip.mp4" "$WORK/proxy-ev.mp4" --command-file "$WORK/cmd" >/dev/null
mapfile -d '' CMD < "$WORK/cmd"
for i in "${!CMD[@]}"; do [ "${CMD[$i]}" = "$WORK/proxy-ev.mp4" ] && CMD[$i]="$WORK/proxy-plain.mp4"; done
PROXY=(); PLAIN=()
for round in $(seq 1 "$ROUNDS"); do
  # Alternating, like the rounds above: an 8 s encode on two cores moves by more than the 5 % the target allows.
  rm -f "$WORK/proxy-ev.mp4" "$WORK/proxy-plain.mp4"
  PLAIN+=("$(seconds "${CMD[@]}")")
  PROXY+=("$(seconds "$EV" media proxy "$WORK/clip.mp4" "$WORK/proxy-ev.mp4")")
done
T_PROXY=$(median "${PROXY[@]}"); T_PLAIN=$(median "${PLAIN[@]}")

printf '\n%-44s %10s %10s\n' "measurement ($GIB GiB, $FILES files, median of $ROUNDS)" "seconds" "ratio"
printf '%-44s %10.2f %10s\n' "cp -r + sync (baseline)" "$T_CP" "1.00"
printf '%-44s %10.2f %10s\n' "cp -r + sync + sha256sum" "$T_CP_SHA" "$(ratio "$T_CP_SHA" "$T_CP")"
printf '%-44s %10.2f %10s   target <= 1.20\n' "evidencevault ingest --defer-media" "$T_EV" "$(ratio "$T_EV" "$T_CP")"
printf '%-44s %10.2f %10s\n' "evidencevault ingest --defer-media --sm3" "$T_EV_SM3" "$(ratio "$T_EV_SM3" "$T_CP")"
printf '%-44s %10.2f %10s\n' "ingest vs cp + sha256sum" "$T_EV" "$(ratio "$T_EV" "$T_CP_SHA")"
printf '\n%-44s %10s %10s\n' "peak memory" "KiB" "ratio"
printf '%-44s %10d %10s\n' "16 x 16 MiB files (baseline)" "$MEM_SMALL" "1.00"
printf '%-44s %10d %10s   target ~1 (flat)\n' "$FILES x $((BYTES / FILES / 1048576)) MiB files" "$MEM_LARGE" "$(ratio "$MEM_LARGE" "$MEM_SMALL")"
printf '\n%-44s %10s %10s\n' "time-to-safe ($GIB GiB, 4 files, median of $ROUNDS)" "seconds" "ratio"
printf '%-44s %10.2f %10s\n' "hashing copy, 1 MiB, fsync per file (baseline)" "$T_HC" "1.00"
printf '%-44s %10.2f %10s\n' "cp -r + sync" "$T_CP4" "$(ratio "$T_CP4" "$T_HC")"
printf '%-44s %10.2f %10s   target <= 0.80\n' "ingest --defer-media vs hashing copy" "$T_SAFE" "$(ratio "$T_SAFE" "$T_HC")"
printf '%-44s %10.2f %10s   target <= 2.00\n' "ingest --defer-media vs cp -r + sync" "$T_SAFE" "$(ratio "$T_SAFE" "$T_CP4")"
printf '%-44s %10.2f %10s   target <= 1.30\n' "ingest --defer-media --sm3 vs without" "$T_SAFE_SM3" "$(ratio "$T_SAFE_SM3" "$T_SAFE")"
printf '%-44s %10.2f %10s   (floor of the line above)\n' "openssl dgst -sm3 alone, one core, warm" "$T_SM3_ALONE" "$(ratio "$T_SM3_ALONE" "$T_SAFE")"
printf '\n%-44s %10s %10s\n' "station, $BAYS bays x $BAY_MIB MiB at 40 MB/s each" "seconds" "ratio"
printf '%-44s %10.2f %10s\n' "slowest source read alone (baseline)" "$T_ALONE" "1.00"
printf '%-44s %10.2f %10s   target <= 1.15\n' "$BAYS bays, all secured ($SECURED files, $FAILED_BAYS failed)" "$T_BAYS" "$(ratio "$T_BAYS" "$T_ALONE")"
printf '%-44s %10.2f %10s\n' "1 bay (same source)" "$T_BAY1" "$(ratio "$T_BAY1" "$T_ALONE1")"
printf '%-44s %10.2f %10s   (pace of the disk for the same bytes)\n' "cp -r + sync of all bays, unpaced" "$T_BAYS_CP" "$(ratio "$T_BAYS_CP" "$T_ALONE")"
printf '%-44s %10s %10s\n' "peak memory" "KiB" "ratio"
printf '%-44s %10d %10s\n' "1 bay (baseline)" "$MEM_BAY1" "1.00"
printf '%-44s %10d %10s   target ~1 (flat)\n' "$BAYS bays" "$MEM_BAYS" "$(ratio "$MEM_BAYS" "$MEM_BAY1")"
printf '\n%-44s %10s %10s\n' "proxy of 30 s 1080p (median of $ROUNDS)" "seconds" "ratio"
printf '%-44s %10.2f %10s\n' "plain ffmpeg, same arguments (baseline)" "$T_PLAIN" "1.00"
printf '%-44s %10.2f %10s   target <= 1.05\n' "media proxy (+ CLI start and probes)" "$T_PROXY" "$(ratio "$T_PROXY" "$T_PLAIN")"
