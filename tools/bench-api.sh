#!/usr/bin/env bash
# HTTP API benchmarks, run as `tools/bench.sh api [GiB-per-upload]` (default 1; fractions work: 0.0625 = 64 MiB).
# Every figure is a ratio against a baseline measured in the same run:
# 1. tus upload throughput on loopback, 1 and 16 concurrent clients (8 MiB PATCHes, after one untimed warm-up upload
#    in 40 small PATCHes that gets the server's code compiled and optimized), vs plain `curl -T` PUTs of the same bytes to nginx (dav_methods PUT) on
#    loopback; p99 PATCH latency.
# 2. peak RSS (VmHWM) of `evidencevault serve` during 16 concurrent uploads vs during 1 upload (target: flat, < 300 MB).
# 3. p99 latency of filtered GET /recordings (limit 50) at ROWS catalog rows (default 1 000 000) vs the unfiltered
#    GET /recordings?limit=50 at 1 000 rows: same endpoint, auth and 50-row answer on a 1000x smaller table.
# 4. /healthz under 100 parallel anonymous calls on a ledger of HEALTH_ENTRIES entries: p99 vs the same flood of the
#    trivial GET /auth/notice, and the server's peak RSS vs after its first /healthz (target: flat, no work per call).
# 5. a sign-in flood (100 parallel wrong passwords from one address): p99 vs the notice flood, answers by status, and
#    how many custody entries it wrote (rate limit + lockout + aggregated failures: a handful, not one per attempt).
# Environment: ROWS (catalog rows, default 1000000), REQUESTS (per query kind, default 2000), HEALTH_ENTRIES (default
# 200000), FLOOD_REQUESTS (per flood, default 5000).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"
GIB="${1:-1}"
ROWS="${ROWS:-1000000}"
REQUESTS="${REQUESTS:-2000}"
HEALTH_ENTRIES="${HEALTH_ENTRIES:-200000}"
FLOOD_REQUESTS="${FLOOD_REQUESTS:-5000}"
CHUNK=$((8 * 1024 * 1024))
EV_PORT="${EV_PORT:-18480}"
NGINX_PORT="${NGINX_PORT:-18481}"

apt_install nginx bc
log "building (Release)"
dotnet build src/EvidenceVault.Cli -c Release --nologo -v quiet
dotnet build tools/EvidenceVault.Bench -c Release --nologo -v quiet
EV="$REPO_ROOT/src/EvidenceVault.Cli/bin/Release/net10.0/evidencevault"
BENCH="$REPO_ROOT/tools/EvidenceVault.Bench/bin/Release/net10.0/evidencevault-bench"

WORK="$REPO_ROOT/.bench-api"
SERVE_PID=""
NGINX_PID=""
stop() { # pid: TERM, then wait for it so its memory and ports are free
  [ -n "$1" ] && kill "$1" 2>/dev/null && wait "$1" 2>/dev/null || true
}
cleanup() {
  stop "$SERVE_PID"
  stop "$NGINX_PID"
  chmod -R u+w "$WORK" 2>/dev/null || true
  rm -rf "$WORK"
}
rm -rf "$WORK"
mkdir -p "$WORK"
trap cleanup EXIT

# A phase that produced no figure (empty or non-numeric) prints n/a instead of stopping the report with a bc syntax error.
num() { [[ "${1:-}" =~ ^[0-9]+([.][0-9]+)?$ ]]; }
ratio() { if num "$1" && num "$2" && [ "$(echo "$2 > 0" | bc)" = 1 ]; then printf '%.2f' "$(echo "$1 / $2" | bc -l)"; else printf 'n/a'; fi; }

new_data() { # dir: a catalog with an administrator and a station key acting as an officer; prints the key
  "$EV" users add admin --display-name "Bench admin" --role administrator --data "$1" >/dev/null
  printf '%s\n' 'bench-admin-pass-phrase' | "$EV" users set-password admin --password-stdin --data "$1" >/dev/null
  local token
  token=$(printf '%s\n' 'bench-admin-pass-phrase' | "$EV" login admin --password-stdin --print-token --data "$1" 2>/dev/null)
  # An archivist: the list phase reads rows of every officer (lists show an officer only their own).
  EVIDENCEVAULT_TOKEN="$token" "$EV" users add station --display-name "Bench station" --role archivist --data "$1" >/dev/null
  EVIDENCEVAULT_TOKEN="$token" "$EV" stations keys issue BENCH-01 --user station --data "$1" | head -1
}
start_serve() { # data dir
  "$EV" serve --role api --urls "http://127.0.0.1:$EV_PORT" --data "$1" >"$WORK/serve.log" 2>&1 &
  SERVE_PID=$!
  wait_for_port 127.0.0.1 "$EV_PORT" 60
}
stop_serve() {
  stop "$SERVE_PID"
  SERVE_PID=""
}
peak_kib() { sed -n 's/^VmHWM:[[:space:]]*\([0-9]*\) kB/\1/p' "/proc/$1/status"; }

log "starting nginx (PUT target) on 127.0.0.1:$NGINX_PORT"
mkdir -p "$WORK/nginx/root" "$WORK/nginx/logs"
{
  [ "$(id -u)" -eq 0 ] && echo "user $(id -un);" # root's workers would otherwise run as nobody and could not write here
  cat <<EOF
worker_processes 2;
daemon off;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/logs/error.log;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx/root/.body;
  proxy_temp_path $WORK/nginx/proxy;
  fastcgi_temp_path $WORK/nginx/fastcgi;
  uwsgi_temp_path $WORK/nginx/uwsgi;
  scgi_temp_path $WORK/nginx/scgi;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WORK/nginx/root;
    location / { dav_methods PUT; create_full_put_path on; client_max_body_size 0; }
  }
}
EOF
} >"$WORK/nginx/nginx.conf"
nginx -p "$WORK/nginx" -e "$WORK/nginx/logs/error.log" -c "$WORK/nginx/nginx.conf" &
NGINX_PID=$!
wait_for_port 127.0.0.1 "$NGINX_PORT" 20

BYTES=$(echo "$GIB * 1073741824 / 1" | bc)
log "upload phases: $BYTES bytes per upload"
"$BENCH" write --out "$WORK/upload.bin" --bytes "$BYTES" --chunk "$CHUNK" --run 0
UPLOAD_DATA="$WORK/upload-data"
KEY=$(new_data "$UPLOAD_DATA")

curl_mbps() { # clients: MB/s of that many concurrent PUTs of the same file
  local start end i pids=()
  start=$(date +%s.%N)
  for i in $(seq 1 "$1"); do
    curl -sSf -H 'Expect:' -T "$WORK/upload.bin" "http://127.0.0.1:$NGINX_PORT/put/$i.bin" &
    pids+=($!)
  done
  for i in "${pids[@]}"; do wait "$i" || { log "curl PUT failed"; exit 1; }; done
  end=$(date +%s.%N)
  rm -rf "$WORK/nginx/root/put"
  echo "$1 * $BYTES / 1000000 / ($end - $start)" | bc -l
}
declare -A CURL TUS PEAK
for clients in 1 16; do
  log "$clients client(s): curl PUT to nginx"
  CURL[$clients]=$(curl_mbps "$clients")
  log "$clients client(s): tus upload to evidencevault serve"
  start_serve "$UPLOAD_DATA"
  # TUS: MB/s, chunk PATCH p50, p99, completing PATCH p50, max (ms), seconds
  TUS[$clients]=$("$BENCH" upload --url "http://127.0.0.1:$EV_PORT/" --key "$KEY" --clients "$clients" \
    --bytes "$BYTES" --chunk "$CHUNK" --run "$clients")
  PEAK[$clients]=$(peak_kib "$SERVE_PID")
  stop_serve
  # The next phase starts from an empty vault: 16 uploads of 1 GiB are 16 GiB on disk.
  chmod -R u+w "$UPLOAD_DATA"
  rm -rf "$UPLOAD_DATA/vault" "$UPLOAD_DATA/uploads" "$UPLOAD_DATA/staging"
done
rm -f "$WORK/upload.bin"

log "list phase: seeding 1 000 rows"
LIST_DATA="$WORK/list-data"
KEY=$(new_data "$LIST_DATA")
"$BENCH" seed --catalog "$LIST_DATA/catalog.db" --from 0 --rows 1000
query() { # kind rows: p50 p99 max mean-rows
  "$BENCH" query --url "http://127.0.0.1:$EV_PORT/" --key "$KEY" --query "$1" --rows "$2" --requests "$REQUESTS"
}
start_serve "$LIST_DATA"
BASE_QUERY=$(query recent 1000)
stop_serve
log "list phase: seeding up to $ROWS rows"
"$BENCH" seed --catalog "$LIST_DATA/catalog.db" --from 1000 --rows $((ROWS - 1000))
start_serve "$LIST_DATA"
declare -A LIST
for kind in officer-window officer window recent; do
  LIST[$kind]=$(query "$kind" "$ROWS")
done
stop_serve

log "health phase: a ledger of $HEALTH_ENTRIES entries"
HEALTH_DATA="$WORK/health-data"
new_data "$HEALTH_DATA" >/dev/null
"$BENCH" custody --catalog "$HEALTH_DATA/catalog.db" --entries "$HEALTH_ENTRIES"
custody_entries() { python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('SELECT COUNT(*) FROM custody').fetchone()[0])" "$HEALTH_DATA/catalog.db"; }
flood() { # path [json]: p50 p99 max ok limited other
  "$BENCH" flood --url "http://127.0.0.1:$EV_PORT/" --path "$1" --parallel 100 --requests "$FLOOD_REQUESTS" ${2:+--json "$2"}
}
start_serve "$HEALTH_DATA"
curl -sf "http://127.0.0.1:$EV_PORT/healthz" >/dev/null # the first check reads the whole chain once
HEALTH_BASE_KIB=$(peak_kib "$SERVE_PID")
NOTICE_FLOOD=$(flood auth/notice)
sleep 1.5 # the anonymous rate limit counts per address per second: each flood starts with a fresh window
HEALTH_FLOOD=$(flood healthz)
HEALTH_PEAK_KIB=$(peak_kib "$SERVE_PID")
BEFORE_SIGNIN=$(custody_entries)
sleep 1.5
SIGNIN_FLOOD=$(flood auth/sign-in '{"user":"station","password":"not-the-password-123"}')
SIGNIN_ENTRIES=$(($(custody_entries) - BEFORE_SIGNIN))
stop_serve

field() { echo "$1" | cut -d' ' -f"$2"; }
MIB=$(echo "$BYTES / 1048576" | bc)
printf '\n%-46s %9s %7s %11s %13s\n' "upload on loopback ($MIB MiB per client)" "MB/s" "ratio" "p99 PATCH" "completion"
for clients in 1 16; do
  t=${TUS[$clients]}
  printf '%-46s %9.1f %7s %11s %13s\n' "curl -T to nginx, $clients client(s) (baseline)" "${CURL[$clients]}" "1.00" "-" "-"
  printf '%-46s %9.1f %7s %9s ms %10s ms\n' "evidencevault tus, $clients client(s), 8 MiB chunks" "$(field "$t" 1)" \
    "$(ratio "$(field "$t" 1)" "${CURL[$clients]}")" "$(field "$t" 3)" "$(field "$t" 5)"
done
printf '(completion: slowest final PATCH, which checks the whole file'\''s SHA-256 and ingests it into the vault)\n'
printf '\n%-46s %9s %7s\n' "peak RSS of evidencevault serve" "MB" "ratio"
printf '%-46s %9.1f %7s\n' "1 upload of $MIB MiB (baseline)" "$(echo "${PEAK[1]} / 1024" | bc -l)" "1.00"
printf '%-46s %9.1f %7s   target: flat (~1), < 300 MB\n' "16 concurrent uploads of $MIB MiB" "$(echo "${PEAK[16]} / 1024" | bc -l)" \
  "$(ratio "${PEAK[16]}" "${PEAK[1]}")"
printf '\n%-46s %9s %7s %9s %9s\n' "GET /recordings, limit 50 ($REQUESTS requests)" "p99 ms" "ratio" "p50 ms" "rows"
printf '%-46s %9.2f %7s %9.2f %9.1f\n' "no filter, 1 000 rows (baseline)" "$(field "$BASE_QUERY" 2)" "1.00" \
  "$(field "$BASE_QUERY" 1)" "$(field "$BASE_QUERY" 4)"
for kind in officer-window officer window recent; do
  q=${LIST[$kind]}
  note=""
  [ "$kind" = officer-window ] && note="   target: p99 < 50 ms"
  printf '%-46s %9.2f %7s %9.2f %9.1f%s\n' "$kind, $ROWS rows" "$(field "$q" 2)" \
    "$(ratio "$(field "$q" 2)" "$(field "$BASE_QUERY" 2)")" "$(field "$q" 1)" "$(field "$q" 4)" "$note"
done
printf '\n%-46s %9s %7s %9s %7s %7s %7s\n' "100 parallel anonymous clients ($FLOOD_REQUESTS calls)" "p99 ms" "ratio" "p50 ms" "200" "429" "other"
flood_row() { # label result baseline note
  printf '%-46s %9.2f %7s %9.2f %7s %7s %7s%s\n' "$1" "$(field "$2" 2)" "$(ratio "$(field "$2" 2)" "$(field "$3" 2)")" \
    "$(field "$2" 1)" "$(field "$2" 4)" "$(field "$2" 5)" "$(field "$2" 6)" "$4"
}
flood_row "GET /auth/notice (baseline)" "$NOTICE_FLOOD" "$NOTICE_FLOOD" ""
flood_row "GET /healthz, $HEALTH_ENTRIES ledger entries" "$HEALTH_FLOOD" "$NOTICE_FLOOD" "   target: ~1 (cached checks)"
flood_row "POST /auth/sign-in, wrong password" "$SIGNIN_FLOOD" "$NOTICE_FLOOD" "   (other: 401/423)"
printf '%-46s %9.1f %7s\n' "peak RSS after the first /healthz (baseline)" "$(echo "$HEALTH_BASE_KIB / 1024" | bc -l)" "1.00"
printf '%-46s %9.1f %7s   target: flat (~1)\n' "peak RSS after the /healthz flood" "$(echo "$HEALTH_PEAK_KIB / 1024" | bc -l)" \
  "$(ratio "$HEALTH_PEAK_KIB" "$HEALTH_BASE_KIB")"
printf '%-46s %9s\n' "custody entries written by the sign-in flood" "$SIGNIN_ENTRIES"
