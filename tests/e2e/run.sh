#!/usr/bin/env bash
# The dashboard end to end in headless Chromium (tests/e2e/dashboard.js):
#   run.sh          ingest tests/corpus and examples/corpus; screenshot build/dashboard.png
#   run.sh scale    a store of DYAD_SCALE_EVENTS generated events (default 1,000,000) made by
#                   build/bench-store the way ingest stores them; screenshot build/dashboard-1m.png
# Starts dyad serve on a free loopback port, opens the page, picks RUS and PRK, and checks what
# the page shows against the command line's answers (written to files: a million events' answers
# do not fit the environment). Installs Debian's chromium when it is missing (as root). Ends with
# "e2e: N passed, N failed".
set -u
cd "$(dirname "$0")/../.."
DYAD=${DYAD:-build/dyad}
MODE=${1:-corpus}
if [ ! -x /usr/bin/chromium ]; then
    if [ "$(id -u)" -eq 0 ]; then
        echo "e2e: installing Debian's chromium" >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium > /dev/null 2>&1 ||
            { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium > /dev/null; }
    fi
fi
if [ ! -x /usr/bin/chromium ] || [ ! -d web/node_modules/playwright-core ]; then
    echo "e2e: 0 passed, 1 failed (chromium or playwright-core is missing: run make web as root)"
    exit 1
fi
T=$(mktemp -d)
cleanup() { [ -n "${SPID:-}" ] && kill "$SPID" 2> /dev/null; wait 2> /dev/null; rm -rf "$T"; }
trap cleanup EXIT
if [ "$MODE" = scale ]; then
    BENCH=${BENCH_STORE:-$(dirname "$DYAD")/bench-store}
    [ -x "$BENCH" ] || { echo "e2e: 0 passed, 1 failed ($BENCH is missing: make build/bench-store)"; exit 1; }
    "$BENCH" -g -n "${DYAD_SCALE_EVENTS:-1000000}" -o "$T/news.db" > "$T/bench.out" || { echo "e2e: 0 passed, 1 failed (bench-store)"; exit 1; }
    SHOT=build/dashboard-1m.png
else
    "$DYAD" ingest --no-progress --db "$T/news.db" tests/corpus/*.txt examples/corpus/*.txt 2> /dev/null || { echo "e2e: 0 passed, 1 failed (ingest)"; exit 1; }
    SHOT=build/dashboard.png
fi
"$DYAD" serve --db "$T/news.db" --port 0 --web build/web > "$T/url" 2> "$T/serve.err" &
SPID=$!
for _ in $(seq 50); do [ -s "$T/url" ] && break; sleep 0.1; done
URL=$(head -n 1 "$T/url")
[ -n "$URL" ] || { echo "e2e: 0 passed, 1 failed (the server did not start: $(cat "$T/serve.err"))"; exit 1; }
# what the page must show, from the command line's answers
E=$T/expect
mkdir -p "$E"
"$DYAD" query series --db "$T/news.db" --dyad RUS,PRK --by month --json > "$E/series.json"
"$DYAD" query network --db "$T/news.db" --format json > "$E/network.json"
"$DYAD" query events --db "$T/news.db" --dyad RUS,PRK --limit 100000000 --json > "$E/events.json"
# the data's extent straight from the store, not through dyad: the first and last month of an event
sqlite3 "$T/news.db" "SELECT strftime('%Y-%m', min(day) * 86400, 'unixepoch') || ' ' || strftime('%Y-%m', max(day) * 86400, 'unixepoch') FROM events" > "$E/extent.txt" ||
    { echo "e2e: 0 passed, 1 failed (the sqlite3 program is missing: make deps)"; exit 1; }
# the region codes of the dictionary: none may be offered as a country
grep -v '^#' dict/regions.txt | awk 'NF { print $1 }' | sort -u > "$E/regions.txt"
export URL MODE SHOT EXPECT=$E
NODE_PATH=web/node_modules node tests/e2e/dashboard.js
