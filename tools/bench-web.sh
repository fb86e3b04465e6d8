#!/usr/bin/env bash
# Web app benchmarks, run as `tools/bench.sh web`. Every figure is a ratio against a baseline measured in the same run:
# 1. server time (p50/p95/p99 over REQUESTS requests) of the recordings list, the case list and a case page at ROWS
#    recordings and CASES cases (activities, linked recordings, every fourth case decided), each against its JSON
#    API twin asking the same question in the same run (pairs alternate; target: page p95 < 200 ms). An officer's own
#    list, and an archivist's lists (who sees every officer's rows).
# 2. first frame of a one-hour proxy: navigation start to the <video>'s first loadeddata in Debian's chromium, the
#    recording page vs a minimal page with the same proxy bytes as a static file from nginx on loopback (median of
#    FRAME_RUNS fresh browser contexts; target: < 1 s), and the very first open, whose proxy the server hashes in full.
# Environment: ROWS (recordings, default 100000), CASES (default 10000), REQUESTS (pairs per query, default 300),
# FRAME_RUNS (default 5).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"
ROWS="${ROWS:-100000}"
CASES="${CASES:-10000}"
REQUESTS="${REQUESTS:-300}"
FRAME_RUNS="${FRAME_RUNS:-5}"
EV_PORT=18490
NGINX_PORT=18491

apt_install nginx bc
ensure_ffmpeg
ensure_chromium
log "building (Release)"
dotnet build src/EvidenceVault.Cli -c Release --nologo -v quiet
dotnet build tools/EvidenceVault.Bench -c Release --nologo -v quiet
EV="$REPO_ROOT/src/EvidenceVault.Cli/bin/Release/net10.0/evidencevault"
BENCH="$REPO_ROOT/tools/EvidenceVault.Bench/bin/Release/net10.0/evidencevault-bench"

WORK="$REPO_ROOT/.bench-web"
DATA="$WORK/data"
SERVE_PID=""
NGINX_PID=""
stop() { # pid: TERM, then wait for it so its ports are free
  [ -n "$1" ] && kill "$1" 2>/dev/null && wait "$1" 2>/dev/null || true
}
cleanup() {
  stop "$SERVE_PID"
  stop "$NGINX_PID"
  chmod -R u+w "$WORK" 2>/dev/null || true
  rm -rf "$WORK"
}
rm -rf "$WORK"
mkdir -p "$WORK/recorder/DCIM"
trap cleanup EXIT
ratio() { printf '%.2f' "$(echo "$1 / $2" | bc -l)"; }
field() { echo "$1" | cut -d' ' -f"$2"; }

# A real one-hour H.264 video, small and fast to make: 320x180 at 5 fps, ultrafast, mono AAC.
log "generating a one-hour 320x180 H.264 MP4"
# Recorded by officer 100000 (named in the file name), so the officer user below may open it without a grant.
VIDEO="$WORK/recorder/DCIM/A123456_100000_20250301090000_0001.MP4"
ffmpeg -hide_banner -loglevel error -y -f lavfi -i "testsrc2=size=320x180:rate=5" -f lavfi -i "sine=frequency=440:sample_rate=16000" \
  -t 3600 -c:v libx264 -preset ultrafast -g 50 -pix_fmt yuv420p -c:a aac -b:a 32k -ac 1 -shortest "$VIDEO"
log "ingesting it (probe, proxy and thumbnail run in the ingest)"
INGESTED=$("$EV" ingest "$WORK/recorder" --json --data "$DATA")
VIDEO_ID=$(printf '%s' "$INGESTED" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(next(f["recordingId"] for f in d["items"] if f.get("recordingId")))')

log "users: an administrator, an archivist, and officer $((100000)) (who sees only their own recordings)"
"$EV" users add admin --display-name "Bench admin" --role administrator --data "$DATA" >/dev/null
printf '%s\n' 'bench-admin-pass-phrase' | "$EV" users set-password admin --password-stdin --data "$DATA" >/dev/null
sign_in() { printf '%s\n' "$2" | "$EV" login "$1" --password-stdin --print-token --data "$DATA" 2>/dev/null; }
ADMIN_TOKEN=$(sign_in admin bench-admin-pass-phrase)
add_user() { # name role [users add options]: prints a session token
  local name=$1 role=$2
  shift 2
  EVIDENCEVAULT_TOKEN="$ADMIN_TOKEN" "$EV" users add "$name" --display-name "Bench $name" --role "$role" "$@" --data "$DATA" >/dev/null
  printf '%s\n' "bench-$name-pass-phrase" | EVIDENCEVAULT_TOKEN="$ADMIN_TOKEN" "$EV" users set-password "$name" --password-stdin --data "$DATA" >/dev/null
  sign_in "$name" "bench-$name-pass-phrase"
}
ARCHIVIST_TOKEN=$(add_user archivist archivist)
OFFICER_TOKEN=$(add_user officer officer --officer 100000)

log "seeding $ROWS recordings and $CASES cases"
"$BENCH" seed --catalog "$DATA/catalog.db" --from 0 --rows "$ROWS"
"$BENCH" cases --catalog "$DATA/catalog.db" --cases "$CASES" --rows "$ROWS"

"$EV" serve --role api --urls "http://127.0.0.1:$EV_PORT" --data "$DATA" >"$WORK/serve.log" 2>&1 &
SERVE_PID=$!
wait_for_port 127.0.0.1 "$EV_PORT" 60

log "baseline page: the same proxy bytes as a static file from nginx on 127.0.0.1:$NGINX_PORT"
mkdir -p "$WORK/nginx/root" "$WORK/nginx/logs"
curl -sSf -H "Authorization: Bearer $OFFICER_TOKEN" "http://127.0.0.1:$EV_PORT/recordings/$VIDEO_ID/proxy" -o "$WORK/nginx/root/proxy.mp4"
cat >"$WORK/nginx/root/player.html" <<'EOF'
<!doctype html><html lang="en"><head><meta charset="utf-8"><title>baseline</title></head>
<body><video controls preload="metadata" src="proxy.mp4"></video></body></html>
EOF
{
  [ "$(id -u)" -eq 0 ] && echo "user $(id -un);" # root's workers would otherwise run as nobody and could not read here
  cat <<EOF
worker_processes 1;
daemon off;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/logs/error.log;
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  access_log off;
  client_body_temp_path $WORK/nginx/body;
  proxy_temp_path $WORK/nginx/proxy;
  fastcgi_temp_path $WORK/nginx/fastcgi;
  uwsgi_temp_path $WORK/nginx/uwsgi;
  scgi_temp_path $WORK/nginx/scgi;
  server { listen 127.0.0.1:$NGINX_PORT; root $WORK/nginx/root; }
}
EOF
} >"$WORK/nginx/nginx.conf"
nginx -p "$WORK/nginx" -e "$WORK/nginx/logs/error.log" -c "$WORK/nginx/nginx.conf" &
NGINX_PID=$!
wait_for_port 127.0.0.1 "$NGINX_PORT" 20

web() { # token query: page p50 p95 p99, JSON p50 p95 p99, mean rows
  "$BENCH" web --url "http://127.0.0.1:$EV_PORT/" --token "$1" --query "$2" --rows "$ROWS" --cases "$CASES" --requests "$REQUESTS"
}
declare -A WEB
log "officer's own list ($REQUESTS pairs)"
WEB[own]=$(web "$OFFICER_TOKEN" list)
for kind in list officer-window window cases case; do
  log "archivist: $kind ($REQUESTS pairs)"
  WEB[$kind]=$(web "$ARCHIVIST_TOKEN" "$kind")
done
log "first frame, as the officer who recorded it: $FRAME_RUNS runs each"
FRAME=$("$BENCH" frame --page "http://127.0.0.1:$EV_PORT/evidence/$VIDEO_ID" --baseline "http://127.0.0.1:$NGINX_PORT/player.html" \
  --token "$OFFICER_TOKEN" --runs "$FRAME_RUNS")
PROXY_MIB=$(echo "$(stat -c %s "$WORK/nginx/root/proxy.mp4") / 1048576" | bc -l)

printf '\n%-56s %9s %9s %7s %9s %9s %6s\n' "server time: page | JSON twin, same query ($REQUESTS pairs)" "page p95" "JSON p95" "ratio" \
  "page p50" "page p99" "rows"
row() { # label key
  local w=${WEB[$2]}
  printf '%-56s %6.1f ms %6.1f ms %7s %6.1f ms %6.1f ms %6.0f   target: p95 < 200 ms\n' "$1" "$(field "$w" 2)" "$(field "$w" 5)" \
    "$(ratio "$(field "$w" 2)" "$(field "$w" 5)")" "$(field "$w" 1)" "$(field "$w" 3)" "$(field "$w" 7)"
}
printf '(%s recordings, %s cases; rows: mean per answer, the same in both)\n' "$ROWS" "$CASES"
row "officer: /evidence | GET /recordings" own
row "archivist: /evidence | GET /recordings" list
row "archivist: /evidence?officer&from&to (7 d) | same" officer-window
row "archivist: /evidence?from&to (7 d) | same" window
row "archivist: /case-files | GET /cases?limit=1000" cases
row "archivist: /case-files/{n} | GET /cases/{n}/timeline" case
printf '\n%-56s %9s %9s %7s\n' "first frame of a one-hour proxy ($(printf '%.1f' "$PROXY_MIB") MiB), median of $FRAME_RUNS" "ms" "max ms" "ratio"
printf '%-56s %6.1f ms %6.1f ms %7s\n' "static file + minimal <video> page, nginx (baseline)" "$(field "$FRAME" 2)" "$(field "$FRAME" 4)" "1.00"
printf '%-56s %6.1f ms %6.1f ms %7s   target: < 1000 ms\n' "/evidence/{id} (recording page, Range from the vault)" "$(field "$FRAME" 1)" "$(field "$FRAME" 3)" \
  "$(ratio "$(field "$FRAME" 1)" "$(field "$FRAME" 2)")"
printf '%-56s %6.1f ms %9s %7s   (server hashes the whole proxy; browser cold)\n' "/evidence/{id}, first open after serve starts (1 run)" \
  "$(field "$FRAME" 5)" "-" "$(ratio "$(field "$FRAME" 5)" "$(field "$FRAME" 2)")"
