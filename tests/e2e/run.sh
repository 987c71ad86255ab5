#!/usr/bin/env bash
# The dashboard end to end in headless Chromium: ingest tests/corpus, start dyad serve on a free
# loopback port, open the page, pick RUS and PRK, check the chart's and the network's counts
# against `dyad query ... --json`, click an event and see its sentence; a screenshot goes to
# build/dashboard.png. Installs Debian's chromium when it is missing (as root). Ends with
# "e2e: N passed, N failed".
set -u
cd "$(dirname "$0")/../.."
DYAD=${DYAD:-build/dyad}
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
"$DYAD" ingest --no-progress --db "$T/news.db" tests/corpus/*.txt examples/corpus/*.txt 2> /dev/null || { echo "e2e: 0 passed, 1 failed (ingest)"; exit 1; }
"$DYAD" serve --db "$T/news.db" --port 0 --web build/web > "$T/url" 2> "$T/serve.err" &
SPID=$!
for _ in $(seq 50); do [ -s "$T/url" ] && break; sleep 0.1; done
URL=$(head -n 1 "$T/url")
[ -n "$URL" ] || { echo "e2e: 0 passed, 1 failed (the server did not start: $(cat "$T/serve.err"))"; exit 1; }
# what the page must show, from the command line's answers
SERIES=$("$DYAD" query series --db "$T/news.db" --dyad RUS,PRK --by month --json)
NETWORK=$("$DYAD" query network --db "$T/news.db" --format json)
EVENTS=$("$DYAD" query events --db "$T/news.db" --dyad RUS,PRK --limit 500 --json)
export URL SERIES NETWORK EVENTS
NODE_PATH=web/node_modules node tests/e2e/dashboard.js
