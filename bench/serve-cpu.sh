#!/bin/bash
# bench/serve-cpu.sh - the server's CPU per uncached answer (bench/README.md, "Misses without
# fresh pages"): a figure the machine's load changes little, unlike wrk's latencies.
#
#   bench/serve-cpu.sh DB [PORT] [N]     DYAD=build/dyad by default; N requests a view (default 40)
#
# Starts 'dyad serve --db DB --cache-mb 0', asks each view once, then N times one after another,
# and prints the server's user + system time (/proc/PID/stat) over N. The clock tick is 10 ms:
# N = 40 gives ±0.25 ms. Measures; fails only when a command does.
set -u
DYAD=${DYAD:-build/dyad}
DB=$1
PORT=${2:-8398}
N=${3:-40}
URL=http://127.0.0.1:$PORT
"$DYAD" serve --db "$DB" --port "$PORT" --cache-mb 0 >/dev/null 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null' EXIT
for _ in $(seq 100); do curl -sf "$URL/api/extent" >/dev/null && break; sleep 0.2; done
tck=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
for path in "/api/series?dyad=RUS,PRK&by=month" "/api/network" "/api/network?limit=300" "/api/relation?a=RUS&b=PRK" \
            "/api/network?from=2019-03&to=2019-05"; do
    curl -s -o /dev/null "$URL$path"
    a=$(cpu)
    for _ in $(seq "$N"); do curl -s -o /dev/null "$URL$path"; done
    b=$(cpu)
    echo "$path: $(awk -v t="$((b - a))" -v h="$tck" -v n="$N" 'BEGIN { printf "%.2f", t * 1000 / h / n }') ms CPU a request (load $(cut -d' ' -f1 /proc/loadavg))"
done
