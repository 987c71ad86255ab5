#!/bin/bash
# The PostgreSQL store against the SQLite one: a throwaway server (Debian's postgresql, initdb in a
# temporary directory, a free port on 127.0.0.1) gets the same corpus from two dyad ingest
# processes at once, both with every document (a race on each: a document must go in once);
# then the counts and every query's answer (series, network, events, actors, timeline,
# relation, obligations, export, each --dedup; the API's extent, network with a limit and
# event pages) must be SQLite's, byte for byte. Also two
# ingests of disjoint --shard parts at once, and a re-ingest that adds nothing. Installs
# postgresql with apt-get when it is missing and this is root; skips, saying so, when it cannot
# be had or the server does not start. The server is stopped on the way out; every wait is
# bounded. Ends with "pg: N passed, N failed".
#   bash tests/pg/run.sh DYAD [BENCH_GEN]
set -u
# shellcheck source=tests/lib.sh
. "$(dirname "$0")/../lib.sh"
CHECK_SHOW=300     # answers can be long
DYAD=$1
GEN=${2:-build/bench-gen}
cd "$(dirname "$0")/../.." || exit 2
skip() { echo "skip: $*"; echo "pg: $pass passed, $fail failed, 1 skipped"; exit 0; }

bindir() { for d in /usr/lib/postgresql/*/bin; do [ -d "$d" ] && echo "$d"; done | sort -V | tail -n 1; }
if [ -z "$(bindir)" ] || [ ! -x "$(bindir)/initdb" ]; then
    [ "$(id -u)" -eq 0 ] || skip "PostgreSQL is not installed and this is not root to install it"
    echo "installing postgresql (apt-get)"
    export DEBIAN_FRONTEND=noninteractive
    timeout 200 apt-get install -y -qq --no-install-recommends postgresql > /dev/null 2>&1 ||
        { timeout 90 apt-get update -qq > /dev/null 2>&1 &&
          timeout 200 apt-get install -y -qq --no-install-recommends postgresql > /dev/null 2>&1; }
    [ -x "$(bindir)/initdb" ] || skip "postgresql cannot be installed here (apt-get failed)"
fi
BIN=$(bindir)
# initdb refuses root: as root the server runs as the package's postgres user
AS=()
if [ "$(id -u)" -eq 0 ]; then
    id postgres > /dev/null 2>&1 || skip "root, and no postgres user to run the server as"
    AS=(runuser -u postgres --)
fi

T=$(mktemp -d /tmp/dyad-pg.XXXXXX)
chmod 755 "$T"
[ ${#AS[@]} -gt 0 ] && chown postgres "$T"
STARTED=0
cleanup() {
    [ "$STARTED" = 1 ] && pgrun 30 "$BIN/pg_ctl" -D "$T/data" -m immediate -w stop > /dev/null 2>&1
    rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

PORT=""
for p in $(seq 54320 54420); do
    if ! (exec 3<> "/dev/tcp/127.0.0.1/$p") 2> /dev/null; then PORT=$p; break; fi
done
[ -n "$PORT" ] || skip "no free port in 54320-54420"
# from the temporary directory: the postgres user may not read the one we are in
pgrun() { t=$1; shift; (cd "$T" && timeout "$t" "${AS[@]}" "$@"); }    # seconds, command...
pgrun 120 "$BIN/initdb" -D "$T/data" -A trust -U dyad --no-locale -E UTF8 > "$T/initdb.log" 2>&1 ||
    skip "initdb failed: $(tail -n 2 "$T/initdb.log")"
pgrun 60 "$BIN/pg_ctl" -D "$T/data" -l "$T/server.log" -w -t 30 \
    -o "-p $PORT -k $T -c listen_addresses=127.0.0.1 -c fsync=off" start > /dev/null 2>&1 ||
    skip "the server did not start: $(tail -n 2 "$T/server.log" 2> /dev/null)"
STARTED=1
for d in news parts jobs; do
    timeout 30 "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U dyad "$d" || skip "createdb $d failed"
done
echo "ok   a PostgreSQL server on 127.0.0.1:$PORT"
U=postgresql://dyad@127.0.0.1:$PORT/news
L=$T/lite.db

# The corpus: our articles as text, a JSON Lines stream, and 1 MB of bench-gen records.
TEXT=(examples/corpus/*.txt tests/store/*.txt)
if [ -x "$GEN" ]; then "$GEN" -s 1 -f jsonl > "$T/gen.jsonl"; else : > "$T/gen.jsonl"; echo "skip gen (no $GEN)"; fi
ingest() {  # db, then dyad ingest options and files
    db=$1
    shift
    "$DYAD" ingest --no-progress --db "$db" "$@"
}
{ ingest "$L" "${TEXT[@]}" && ingest "$L" --input jsonl tests/shard/stream.jsonl "$T/gen.jsonl"; } > /dev/null 2> "$T/lite.err"
# two processes at once, each with every document
for w in a b; do
    ( ingest "$U" "${TEXT[@]}" && ingest "$U" --input jsonl tests/shard/stream.jsonl "$T/gen.jsonl" ) > /dev/null 2> "$T/$w.err" &
    eval "pid_$w=$!"
done
# shellcheck disable=SC2154
{ wait "$pid_a"; rca=$?; wait "$pid_b"; rcb=$?; }
check "two writers at once: both exit 1 for the broken record only" "1 1" "$rca $rcb"
added() { sed -n 's/.*: \([0-9]*\) documents added.*/\1/p' "$@" | awk '{ s += $1 } END { print s + 0 }'; }
check "two writers: each document added once in all" "$(added "$T/lite.err")" "$(added "$T/a.err" "$T/b.err")"

psql_n() { "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U dyad -d "$1" -tAc "$2"; }
lite_n() { sqlite3 "$L" "$1"; }
for t in documents sentences events facts actors mentions treaties tiers; do
    check "count $t" "$(lite_n "SELECT count(*) FROM $t")" "$(psql_n news "SELECT count(*) FROM $t")"
done
check "no document twice" 0 "$(psql_n news "SELECT count(*) FROM (SELECT hash FROM documents GROUP BY hash HAVING count(*) > 1) x")"

# Every query, both stores, the same bytes (event lists sorted and without the store's row ids:
# those follow the writers' race).
same() {    # name, sort?, query args...
    name=$1 sorted=$2
    shift 2
    "$DYAD" "$@" --db "$L" > "$T/l.out" 2>&1
    "$DYAD" "$@" --db "$U" > "$T/p.out" 2>&1
    if [ "$sorted" = 1 ]; then  # the store's own row ids follow the order the two writers raced in
        for f in "$T/l.out" "$T/p.out"; do sed -E 's/,"doc_id":[0-9]+,"event_id":[0-9]+//g' "$f" | sort -o "$f"; done
    fi
    if cmp -s "$T/l.out" "$T/p.out" && [ -s "$T/l.out" ]; then pass=$((pass + 1)); echo "ok   $name ($(wc -l < "$T/l.out") lines)"
    else fail=$((fail + 1)); echo "FAIL $name: PostgreSQL's answer differs from SQLite's"; diff "$T/l.out" "$T/p.out" | head -n 6; fi
}
for by in day week month year; do same "series RUS,PRK by $by" 0 query series --dyad RUS,PRK --by "$by" --format tsv; done
for dd in none day story; do
    same "series RUS,UKR dedup $dd" 0 query series --dyad RUS,UKR --by month --dedup "$dd" --format json
    same "network dedup $dd" 0 query network --dedup "$dd" --format json
    same "events dedup $dd" 1 query events --dedup "$dd" --limit 100000 --format tsv
done
same "series directed, a period" 0 query series --dyad USA,CHN --directed --from 2005 --to 2015 --by year --format json
same "network of a month" 0 query network --from 2024-06 --to 2024-06 --format tsv
same "network graphml" 0 query network --format graphml
same "events of a dyad" 1 query events --dyad RUS,PRK --format json
same "events of an actor, jsonl" 1 query events --actor USA --limit 100000 --format jsonl
same "actors" 0 query actors --format tsv
same "timeline PRK" 0 query timeline --actor PRK --format tsv
for pair in "RUS PRK" "CHN RUS" "KOR USA"; do
    # shellcheck disable=SC2086
    same "relation $pair" 0 query relation $pair
    # shellcheck disable=SC2086
    same "relation $pair json" 0 query relation $pair --format json
    # shellcheck disable=SC2086
    same "relation $pair csv" 0 query relation $pair --format csv
done
same "obligations" 0 query obligations
same "obligations if PRK is attacked" 0 query obligations --if-attacked PRK --format json
same "export tsv" 1 export --format tsv
same "export jsonl" 1 export --format jsonl

# The dashboard's API from dyad serve on each store: the extent, the network (whole, and its
# busiest few with limit), the latest-first event pages; the same bodies.
serve() {   # db, url file: starts a server, prints its pid
    "$DYAD" serve --db "$1" --port 0 --web "$T/noweb" > "$2" 2> "$2.err" &
    echo $!
}
mkdir -p "$T/noweb"
spl=$(serve "$L" "$T/lurl")
spp=$(serve "$U" "$T/purl")
for _ in $(seq 100); do [ -s "$T/lurl" ] && [ -s "$T/purl" ] && break; sleep 0.1; done
UL=$(head -n 1 "$T/lurl")
UP=$(head -n 1 "$T/purl")
api_same() {    # name, path?query[, 1: events, one a line, sorted, without the store's row ids; 2: their dates]
    curl -s --max-time 60 -o "$T/la.out" "$UL$2"
    curl -s --max-time 60 -o "$T/pa.out" "$UP$2"
    if [ "${3:-0}" = 1 ]; then
        for f in "$T/la.out" "$T/pa.out"; do sed -E 's/\},\{"id"/}\n{"id"/g; s/,"doc_id":[0-9]+,"event_id":[0-9]+//g' "$f" | sort -o "$f"; done
    elif [ "${3:-0}" = 2 ]; then
        for f in "$T/la.out" "$T/pa.out"; do grep -o '"date":"[^"]*"' "$f" > "$f.d"; mv "$f.d" "$f"; done
    fi
    if [ -n "$UL" ] && [ -n "$UP" ] && cmp -s "$T/la.out" "$T/pa.out" && [ -s "$T/la.out" ] && ! grep -q '^{"error"' "$T/la.out"; then
        pass=$((pass + 1)); echo "ok   api $1 ($(wc -c < "$T/la.out") bytes)"
    else fail=$((fail + 1)); echo "FAIL api $1: PostgreSQL's answer differs from SQLite's, or is an error"
        echo "     sqlite: $(head -c 200 "$T/la.out")"; echo "     pg:     $(head -c 200 "$T/pa.out")"; fi
}
api_same "extent" "api/extent"
api_same "extent of a period" "api/extent?from=2024-01&to=2024-06"
api_same "extent of a dyad" "api/extent?dyad=RUS,UKR"
api_same "extent of an actor" "api/extent?actor=USA"
api_same "network" "api/network"
api_same "network, limit 5" "api/network?limit=5"
api_same "network of a period, limit 3" "api/network?from=2024-01&to=2024-12&limit=3"
for dd in none story; do api_same "network dedup $dd, limit 8" "api/network?dedup=$dd&limit=8"; done
# a day's events come in the store's id order, which follows the writers' race: a whole dyad's
# events as a set, and of pages, the days in order
api_same "events of a dyad" "api/events?dyad=RUS,UKR&limit=1000" 1
api_same "events, latest first: a page's days" "api/events?limit=20" 2
api_same "events, latest first: the next page's days" "api/events?from=2024-01&to=2024-12&limit=20&offset=20" 2
kill "$spl" "$spp" 2> /dev/null
wait "$spl" "$spp" 2> /dev/null
# dyad recode on both (content deleted and written again in one transaction, the relations
# rebuilt from it): the same answers still.
"$DYAD" recode --db "$L" > /dev/null 2>&1
"$DYAD" recode --db "$U" > /dev/null 2> "$T/recode.err"
check "recode" "" "$(grep -v 're-coded' "$T/recode.err")"
same "after recode: relation RUS PRK" 0 query relation RUS PRK
same "after recode: series" 0 query series --dyad RUS,PRK --by month --format tsv
same "after recode: actors" 0 query actors --format tsv
same "after recode: obligations" 0 query obligations

# Again: nothing added. Then two disjoint parts at once into another database, same counts.
ingest "$U" "${TEXT[@]}" > /dev/null 2> "$T/again.err"
check "re-ingest adds nothing" "0" "$(added "$T/again.err")"
P=postgresql://dyad@127.0.0.1:$PORT/parts
ingest "$P" --shard 0/2 --input jsonl "$T/gen.jsonl" > /dev/null 2> "$T/p0.err" &
p0=$!
ingest "$P" --shard 1/2 --input jsonl "$T/gen.jsonl" > /dev/null 2> "$T/p1.err" &
p1=$!
wait "$p0"; r0=$?; wait "$p1"; r1=$?
check "two parts at once" "0 0" "$r0 $r1"
check "two parts: the events of one run" "$(psql_n news "SELECT count(*) FROM events e JOIN documents d ON d.id = e.doc WHERE d.name LIKE 'gen-%'")" \
    "$(psql_n parts "SELECT count(*) FROM events")"
# ingest -j 2: workers record the rows, one writer sends them; the database is one thread's
J=postgresql://dyad@127.0.0.1:$PORT/jobs
{ ingest "$J" -j 2 "${TEXT[@]}" && ingest "$J" -j 2 --input jsonl tests/shard/stream.jsonl "$T/gen.jsonl"; } > /dev/null 2> "$T/j.err"
check "ingest -j 2: the documents SQLite added" "$(added "$T/lite.err")" "$(added "$T/j.err")"
for t in documents sentences events facts actors mentions; do
    check "ingest -j 2: count $t" "$(lite_n "SELECT count(*) FROM $t")" "$(psql_n jobs "SELECT count(*) FROM $t")"
done
"$DYAD" export --format jsonl --db "$L" > "$T/l.out" 2>&1
"$DYAD" export --format jsonl --db "$J" > "$T/j.out" 2>&1
check "ingest -j 2: export, ids and all, is SQLite's" "$(md5sum < "$T/l.out")" "$(md5sum < "$T/j.out")"
# a bad URI: a clear message, the I/O status, no hang
timeout 20 "$DYAD" ingest --no-progress --db "postgresql://dyad@127.0.0.1:1/none?connect_timeout=3" "${TEXT[0]}" > /dev/null 2> "$T/bad.err"
check "unreachable server: exit 4 and says so" "4 1" "$? $(grep -c 'cannot connect to PostgreSQL' "$T/bad.err")"

summary pg
