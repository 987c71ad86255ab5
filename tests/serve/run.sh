#!/usr/bin/env bash
# dyad serve over real HTTP: statuses and JSON errors for good and bad requests (unknown path,
# bad parameters, a huge query string, malformed UTF-8, a POST, a slow client), and the server
# still answers afterwards. Ends with "serve: N passed, N failed".   bash tests/serve/run.sh DYAD
set -u
# shellcheck source=tests/lib.sh
. "$(dirname "$0")/../lib.sh"
DYAD=$1
T=$(mktemp -d)
SPID=
cleanup() { [ -n "$SPID" ] && kill "$SPID" 2> /dev/null; wait 2> /dev/null; rm -rf "$T"; }
trap cleanup EXIT
"$DYAD" ingest --no-progress --db "$T/n.db" tests/store/a.txt tests/store/b.txt tests/store/c.txt 2> /dev/null
"$DYAD" serve --db "$T/n.db" --port 0 --web "$T/noweb" > "$T/url" 2> "$T/err" &
SPID=$!
for _ in $(seq 50); do [ -s "$T/url" ] && break; sleep 0.1; done
U=$(head -n 1 "$T/url")
PORT=${U##*:}
PORT=${PORT%/}
code() { curl -s -o "$T/body" -w '%{http_code}' "$@"; }
check serve-1.1 "http://127.0.0.1:$PORT/" "$U"
check serve-1.2 200 "$(code "${U}api/series?dyad=RUS,UKR&by=month&from=2024-01&to=2024-03")"
check serve-1.3 '[{"period":"2024-01","events":2,"goldstein":-12,"verbal_coop":0,"material_coop":0,"verbal_conflict":1,"material_conflict":1},{"period":"2024-02","events":0,"goldstein":0,"verbal_coop":0,"material_coop":0,"verbal_conflict":0,"material_conflict":0},{"period":"2024-03","events":1,"goldstein":-2,"verbal_coop":0,"material_coop":0,"verbal_conflict":1,"material_conflict":0}]' "$(cat "$T/body")"
# the API answers what the command line answers
check serve-1.4 "$("$DYAD" query series --db "$T/n.db" --dyad RUS,UKR --by month --from 2024-01 --to 2024-03 --json)" "$(cat "$T/body")"
check serve-1.5 200 "$(code "${U}api/network?from=2024-03&to=2024-03")"
check serve-1.6 200 "$(code "${U}api/events?actor=UKR")"
check serve-1.7 200 "$(code "${U}api/relation?a=CHN&b=RUS")"
check serve-1.8 200 "$(code "${U}api/actors")"
check serve-1.9 200 "$(code "${U}api/doc/1")"
check serve-2.1 404 "$(code "${U}api/nothing")"
check serve-2.2 '{"error":"no such API; see docs/api.md (events, extent, series, network, relation, obligations, actors, doc/ID)"}' "$(cat "$T/body")"
check serve-2.3 400 "$(code "${U}api/series?dyad=RUS")"
check serve-2.4 400 "$(code "${U}api/events?from=2024-99")"
check serve-2.5 400 "$(code "${U}api/events?actor=%ff%fe%fd")"
check serve-2.6 400 "$(code "${U}api/events?actor=$(head -c 300 /dev/zero | tr '\0' A)")"
check serve-2.7 414 "$(code "${U}api/events?from=$(head -c 120000 /dev/zero | tr '\0' a)")"
check serve-2.8 405 "$(code -X POST -d 'a=1' "${U}api/events")"
check serve-2.9 404 "$(code "${U}../../etc/passwd")"
check serve-2.10 404 "$(code "${U}index.html")"
check serve-2.11 400 "$(code "${U}api/doc/0")"
# no dashboard built: / still answers with a page that says how to build it
check serve-2.12 200 "$(code "${U}")"
check serve-2.13 1 "$(grep -c 'make web' "$T/body")"
check serve-2.14 'text/html; charset=utf-8' "$(curl -s -o /dev/null -w '%{content_type}' "${U}")"
# a client that sends half a request and stops is cut off (5 s), and others are served meanwhile
exec 3<> "/dev/tcp/127.0.0.1/$PORT"
printf 'GET /api/act' >&3
check serve-3.1 200 "$(code --max-time 5 "${U}api/actors")"
start=$(date +%s)
timeout 30 cat <&3 > /dev/null
exec 3<&-
took=$(( $(date +%s) - start ))
check serve-3.2 1 "$([ "$took" -le 25 ] && echo 1 || echo "$took")"
# a client that trickles its request a byte a second is never silent for 5 s, so only the
# header deadline ends it: cut off once its headers are 5 s late (bound 15 s for a loaded
# machine), not kept for the 40 s it would keep trickling
exec 3<> "/dev/tcp/127.0.0.1/$PORT"
(
    trap '' PIPE
    s='GET /api/actors?slow=aaaaaaaaaaaaaaaaaaa'
    for ((i = 0; i < ${#s}; i++)); do printf '%s' "${s:i:1}" >&3 2> /dev/null || exit 0; sleep 1; done
) &
TPID=$!
start=$(date +%s)
timeout 60 cat <&3 > /dev/null
exec 3<&-
took=$(( $(date +%s) - start ))
kill "$TPID" 2> /dev/null
wait "$TPID" 2> /dev/null
check serve-3.5 1 "$([ "$took" -le 15 ] && echo 1 || echo "$took")"
# many connections at once, bounded, and the server is still up
for _ in $(seq 40); do curl -s -o /dev/null "${U}api/actors" & done
wait $(jobs -p | grep -v "^$SPID\$") 2> /dev/null
check serve-3.3 200 "$(code "${U}api/actors")"
kill "$SPID"
wait "$SPID"
check serve-3.4 0 "$?"
SPID=

# bounded answers: a list is clamped to --max-rows and pages on with offset= (X-Next-Offset says
# where); a series of more periods is refused; a query past --time-limit is stopped with a 503
start_server() {
    : > "$T/url"
    "$DYAD" serve --db "${SDB:-$T/n.db}" --port 0 --web "$T/noweb" "$@" > "$T/url" 2> "$T/err" &
    SPID=$!
    for _ in $(seq 50); do [ -s "$T/url" ] && break; sleep 0.1; done
    U=$(head -n 1 "$T/url")
}
stop_server() { kill "$SPID"; wait "$SPID" 2> /dev/null; SPID=; }
hdr() { curl -s -D "$T/hdr" -o "$T/body" -w '%{http_code}' "$@"; }
next() { tr -d '\r' < "$T/hdr" | sed -n 's/^X-Next-Offset: //p'; }
start_server --max-rows 2
check serve-4.1 200 "$(hdr "${U}api/events?limit=100000000")"
check serve-4.2 "2 2" "$(grep -o '"event_id"' "$T/body" | wc -l) $(next)"
all=""
off=0
pages=0
while [ -n "$off" ] && [ "$pages" -lt 50 ]; do
    hdr "${U}api/events?offset=$off" > /dev/null
    all="$all$(tr -d '\n' < "$T/body")"
    off=$(next)
    pages=$((pages + 1))
done
whole=$("$DYAD" query events --db "$T/n.db" --json | tr -d '\n')
# the pages hold every event once, latest first: the command line's list (earliest first) turned round
records() { sed -e 's/^\[//' -e 's/\]$//' -e 's/},{/}\n{/g'; }
check serve-4.3 "$(echo "$whole" | records | tac)" "$(echo "$all" | sed 's/\]\[/,/g' | records)"
check serve-4.4 400 "$(hdr "${U}api/series?dyad=RUS,UKR&by=day&from=2000&to=2024")"
check serve-4.5 '{"error":"the series would have 9132 days, more than the 2 one answer holds; give a later from, an earlier to, or a longer by"}' "$(cat "$T/body")"
check serve-4.6 200 "$(hdr "${U}api/network")"
check serve-4.7 "2" "$(next)"
# the network's pages (edges and nodes, busiest first, a page of each) join to the whole network
edges() { tr -d '\n' < "$T/body" | sed -e 's/.*"edges":\[//' -e 's/\]}$//'; }
nodes() { tr -d '\n' < "$T/body" | sed -e 's/.*"nodes":\[//' -e 's/\],"edges".*//'; }
ae=$(edges) an=$(nodes) off=$(next) pages=1
while [ -n "$off" ] && [ "$pages" -lt 50 ]; do
    hdr "${U}api/network?offset=$off" > /dev/null
    [ -n "$(edges)" ] && ae="$ae,$(edges)"
    [ -n "$(nodes)" ] && an="$an,$(nodes)"
    off=$(next)
    pages=$((pages + 1))
done
"$DYAD" query network --db "$T/n.db" --format json | tr -d '\n' > "$T/whole"
check serve-4.11 "$(cat "$T/whole")" "{\"nodes\":[$an],\"edges\":[$ae]}"
check serve-4.12 "200 {\"nodes\":[],\"edges\":[]}" "$(hdr "${U}api/network?offset=100000") $(cat "$T/body")"
stop_server
start_server --max-rows 100000000 --time-limit 1
check serve-4.8 503 "$(hdr "${U}api/series?dyad=RUS,UKR&by=day&from=1800&to=2200")"
check serve-4.9 '{"error":"the query ran longer than 1 ms and was stopped; ask for a shorter period, a pair or fewer rows"}' "$(cat "$T/body")"
check serve-4.10 200 "$(hdr "${U}api/actors")"
stop_server

# static files never leave the web directory, not even through a link inside it; a server
# listening beyond this machine warns that the API has no authentication
mkdir -p "$T/web"
echo '<p>dyad</p>' > "$T/web/index.html"
ln -s /etc/passwd "$T/web/passwd.html"
ln -s /etc "$T/web/etc"
start_server --web "$T/web"
check serve-6.1 200 "$(code "${U}")"
check serve-6.2 404 "$(code "${U}passwd.html")"
check serve-6.3 404 "$(code "${U}etc/passwd")"
check serve-6.4 "" "$(cat "$T/err")"
check serve-6.6 400 "$(code "${U}index.html%00.png")"
check serve-6.7 '{"error":"a NUL byte (%00) in the request; paths and arguments are text"}' "$(cat "$T/body")"
check serve-6.8 400 "$(code "${U}api/events?actor=%00")"
check serve-6.9 400 "$(code "${U}api/events?%00=RUS")"
stop_server
start_server --bind 0.0.0.0
stop_server
check serve-6.5 1 "$(grep -c 'listening on 0.0.0.0: the API has no authentication' "$T/err")"

# slow clients: 300 connections from one address that send half a request and stop take at
# most their address's share (64); a client from another address gets its answer at once (the
# issue asks for 1 s; measured 190-300 ms, curl's start included, on the 2-core VM at load 13,
# release and ASan; the bound is 5 s so that a loaded machine cannot make it flake), and once
# they time out (5 s of silence) their own address is served again
start_server
fds=()
P=${U##*:}
P=${P%/}
t0=$(date +%s%N)
for _ in $(seq 300); do
    exec {fd}<> "/dev/tcp/127.0.0.1/$P" 2> /dev/null || break
    printf 'GET /api/act' >&"$fd" 2> /dev/null
    fds+=("$fd")
done
check serve-5.1 300 "${#fds[@]}"
t1=$(date +%s%N)
check serve-5.2 200 "$(code --interface 127.0.0.2 --max-time 5 "${U}api/actors")"
ms=$(( ($(date +%s%N) - t1) / 1000000 ))
check "serve-5.3 answered in $ms ms beside 300 slow connections" 1 "$(( ms < 5000 ? 1 : 0 ))"
# (their address is refused meanwhile: it has had its share; with 10 s of grace this took 10.6 s)
got=000
while [ "$got" != 200 ] && [ $(( ($(date +%s%N) - t0) / 1000000 )) -lt 9000 ]; do
    got=$(code --max-time 1 "${U}api/actors")
    [ "$got" = 200 ] || sleep 0.25
done
took=$(( ($(date +%s%N) - t0) / 1000000 ))
check "serve-5.4 their own address served again after $took ms" 1 "$([ "$got" = 200 ] && [ "$took" -le 7000 ] && echo 1 || echo "$got after $took ms")"
for fd in "${fds[@]}"; do exec {fd}>&-; done
stop_server
# the answer cache: a repeat is a hit (X-Cache), byte for byte the first answer; an ingest into
# the same store while the server runs empties it, so the next answer is the new data's, the
# same as a server started afresh gives
"$DYAD" ingest --no-progress --db "$T/c.db" tests/store/a.txt 2> /dev/null
cached() { tr -d '\r' < "$T/hdr" | sed -n 's/^X-Cache: //p'; }
U0=$U
SDB=$T/c.db start_server
check serve-8.1 "200 miss" "$(hdr "${U}api/network") $(cached)"
cp "$T/body" "$T/net1"
check serve-8.2 "200 hit" "$(hdr "${U}api/network") $(cached)"
check serve-8.3 "$(cat "$T/net1")" "$(cat "$T/body")"
"$DYAD" ingest --no-progress --db "$T/c.db" tests/store/b.txt tests/store/c.txt 2> /dev/null
check serve-8.4 "200 miss" "$(hdr "${U}api/network") $(cached)"
cp "$T/body" "$T/net2"
check serve-8.5 1 "$(cmp -s "$T/net1" "$T/net2" || echo 1)"
check serve-8.6 "200 hit" "$(hdr "${U}api/network") $(cached)"
stop_server
SDB=$T/c.db start_server --cache-mb 0
check serve-8.7 "200 " "$(hdr "${U}api/network") $(cached)"
check serve-8.8 "$(cat "$T/net2")" "$(cat "$T/body")"
stop_server
U=$U0
# with the dashboard built (make web, make demo), / is its page; from another working directory too
if [ -f "$(dirname "$DYAD")/web/index.html" ]; then
    # exec: the subshell becomes the server, so killing SPID stops it (not only the subshell)
    (cd "$T" && exec "$DYAD" serve --db "$T/n.db" --port 0 > "$T/url2" 2> /dev/null) &
    SPID=$!
    for _ in $(seq 50); do [ -s "$T/url2" ] && break; sleep 0.1; done
    U2=$(head -n 1 "$T/url2")
    check serve-7.1 200 "$(code "$U2")"
    check serve-7.2 1 "$(grep -c '<script' "$T/body" | sed 's/^[1-9][0-9]*$/1/')"
    check serve-7.3 200 "$(code "${U2}app.js")"
    kill "$SPID"; wait "$SPID" 2> /dev/null; SPID=
fi
summary serve
