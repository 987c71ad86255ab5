#!/bin/bash
# bench/wrk.sh - the server under load (bench/README.md, "HTTP API (wrk)").
#
#   bench/wrk.sh DB [PORT]        DYAD=build/dyad by default; wrk on the PATH;
#                                 SERVE_ARGS="--cache-mb 0" to measure without the answer cache
#
# Starts 'dyad serve --db DB', then: wrk -t2 -c32 -d10s --latency on the dashboard's heavy views
# (a series, the network, a relation, the dashboard's network of all time and of three periods); /api/doc/1 with one client while 8 others ask those views
# over and over; and last the server's peak resident memory (VmHWM). Each figure is printed
# beside the load average, the machine being shared. Measures; fails only when a command does.
set -u
DYAD=${DYAD:-build/dyad}
DB=$1
PORT=${2:-8399}
URL=http://127.0.0.1:$PORT
tmp=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT
"$DYAD" serve --db "$DB" --port "$PORT" ${SERVE_ARGS:-} 2>"$tmp/serve.err" &
pid=$!
for _ in $(seq 100); do curl -sf "$URL/api/extent" >/dev/null && break; sleep 0.2; done
load() { cut -d' ' -f1-3 /proc/loadavg; }
# the issue's three, and the network as the dashboard asks it (its 300 busiest edges): of all
# time, of three months, of one month and of one year (PERIODS=0 leaves the periods out)
heavy=("/api/series?dyad=RUS,PRK&by=month" "/api/network" "/api/relation?a=RUS&b=PRK" "/api/network?limit=300")
[ "${PERIODS:-1}" = 0 ] || heavy+=("/api/network?from=2019-03&to=2019-05&limit=300" "/api/network?from=2019-03&to=2019-03&limit=300"
                                  "/api/network?from=2019&to=2019&limit=300")
for path in "${heavy[@]}"; do
    echo "== $path alone: $(curl -s -o /dev/null -w '%{http_code} %{time_total}s %{size_download}B' "$URL$path") (load $(load))"
done
for path in "${heavy[@]}"; do
    echo "== $path (load $(load))"
    wrk -t2 -c32 -d10s --latency "$URL$path" | grep -E "^ +(50|99)%|Requests/sec|Non-2xx|Socket errors|requests in"
done
# 8 heavy clients, round the three views, while one client asks for a document
cat >"$tmp/heavy.lua" <<'LUA'
local paths = {"/api/series?dyad=RUS,PRK&by=month", "/api/network", "/api/relation?a=RUS&b=PRK"}
local i = 0
request = function() i = i + 1; return wrk.format("GET", paths[i % #paths + 1]) end
LUA
wrk -t1 -c8 -d16s -s "$tmp/heavy.lua" "$URL" >"$tmp/heavy.out" &
hv=$!
sleep 3
echo "== /api/doc/1 while 8 heavy clients run (load $(load))"
wrk -t1 -c1 -d10s --latency "$URL/api/doc/1" | grep -E "^ +(50|99)%|Requests/sec|Non-2xx|Socket errors|requests in"
wait "$hv"
echo "   the heavy clients:"; grep -E "Requests/sec|Non-2xx|requests in" "$tmp/heavy.out"
echo "== server peak RSS: $(grep VmHWM /proc/$pid/status | tr -s ' ')"
