#!/bin/sh
# End-to-end test of the corpus store: ingest our three small articles, then check each query's
# answer against values worked out by hand (in the comments), re-ingesting, --replace, recode,
# bad input, and a kill -9 in the middle of an ingest. Ends with "store: N passed, N failed".
#   sh tests/store/run.sh DYAD
set -u
# shellcheck source=tests/lib.sh
. "$(dirname "$0")/../lib.sh"
DYAD=$1
D=tests/store
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
DB=$T/news.db
$DYAD ingest --no-progress --db "$DB" $D/a.txt $D/b.txt $D/c.txt 2> "$T/err"
check store-1.1 "dyad: $DB: 3 documents added, 0 replaced, 0 already there; 6 events" "$(cat "$T/err")"

# Series RUS,UKR by month, both directions: January has RUS>UKR 111 (-2.0) and 190 (-10.0);
# February nothing; March UKR>RUS 112 (-2.0); April nothing (the period is filled with zeros).
check store-1.2 "$(printf 'period\tevents\tgoldstein\tverbal_coop\tmaterial_coop\tverbal_conflict\tmaterial_conflict\n2024-01\t2\t-12.0\t0\t0\t1\t1\n2024-02\t0\t0.0\t0\t0\t0\t0\n2024-03\t1\t-2.0\t0\t0\t1\t0\n2024-04\t0\t0.0\t0\t0\t0\t0')" \
    "$($DYAD query series --db "$DB" --dyad RUS,UKR --from 2024-01 --to 2024-04 --by month --format tsv)"
# Directed: only Russia to Ukraine, January.
check store-1.3 "$(printf '2024-01\t2\t-12.0\n2024-02\t0\t0.0\n2024-03\t0\t0.0')" \
    "$($DYAD query series --db "$DB" --dyad RUS,UKR --directed --from 2024-01 --to 2024-03 --format tsv | tail -n +2 | cut -f1-3)"
# Events of the dyad in March: the accusation.
check store-1.4 "$(printf '2024-03-02\tUKR\tRUS\t112\t3\t-2.0\ttests/store/b.txt\t1\tUkraine accused Russia.')" \
    "$($DYAD query events --db "$DB" --dyad RUS,UKR --from 2024-03 --format tsv | tail -n +2 | awk -F '\t' -v OFS='\t' '{ gsub(/"/, ""); print $7, $9, $12, $15, $17, $18, $2, $5, $22 }')"
# Network in March: CHN>RUS twice (051 +3.4, 057 +8.0 = 11.4), RUS>CHN once (057 +8.0), UKR>RUS once (-2.0).
check store-1.5 '{"nodes":[{"code":"RUS","mentions":3,"events":4},{"code":"CHN","mentions":2,"events":3},{"code":"UKR","mentions":1,"events":1}],"edges":[{"source":"CHN","target":"RUS","events":2,"goldstein":11.4,"mean_goldstein":5.7},{"source":"RUS","target":"CHN","events":1,"goldstein":8,"mean_goldstein":8},{"source":"UKR","target":"RUS","events":1,"goldstein":-2,"mean_goldstein":-2}]}' \
    "$($DYAD query network --db "$DB" --from 2024-03 --to 2024-03 --format json)"
check store-1.6 2 "$($DYAD query network --db "$DB" --from 2024-03 --to 2024-03 --format graphml | grep -c '<node id="\(RUS\|CHN\)"')"
# Actors: Russia is named five times in three documents; it acts three times and is acted on three times.
check store-1.7 "$(printf 'RUS\t5\t3\t3\t3\tRussia')" "$($DYAD query actors --db "$DB" --format tsv | grep '^RUS	')"
# Timeline of UKR: three events in date order.
check store-1.8 "$(printf '2024-01-15 RUS UKR 111\n2024-01-15 RUS UKR 190\n2024-03-02 UKR RUS 112')" \
    "$($DYAD query timeline --db "$DB" --actor UKR --format tsv | tail -n +2 | awk -F '\t' '{print $1, $3, $4, $5}')"
# Relation CHN RUS: the two signings and the praise; three events, two documents.
check store-1.9 3 "$($DYAD query relation --db "$DB" CHN RUS --json | grep -o '"code":"[0-9]*"' | wc -l | tr -d ' ')"
# Export: a header and six events.
check store-1.10 7 "$($DYAD export --db "$DB" --format csv | wc -l | tr -d ' ')"
check store-1.11 6 "$($DYAD export --db "$DB" --format jsonl | grep -c '"goldstein":')"

# Re-ingesting adds nothing; a changed document of the same name is replaced with --replace.
$DYAD ingest --no-progress --db "$DB" $D/a.txt $D/b.txt $D/c.txt 2> "$T/err"
check store-2.1 "dyad: $DB: 0 documents added, 0 replaced, 3 already there; 0 events" "$(cat "$T/err")"
cp $D/c2.txt "$T/c.txt"
cp $D/c.txt "$T/c0.txt"
$DYAD ingest --no-progress --db "$DB" "$T/c0.txt" 2> /dev/null
cp $D/c2.txt "$T/c0.txt"
$DYAD ingest --no-progress --db "$DB" --replace "$T/c0.txt" 2> "$T/err"
check store-2.2 "dyad: $DB: 0 documents added, 1 replaced, 0 already there; 3 events" "$(cat "$T/err")"
check store-2.3 "1" "$($DYAD export --db "$DB" --format tsv | grep -c 'China criticized Ukraine')"
# Re-coding keeps the events as they are when the dictionaries did not change.
before=$($DYAD export --db "$DB" --format tsv | md5sum)
$DYAD recode --db "$DB" 2> /dev/null
check store-2.4 "$before" "$($DYAD export --db "$DB" --format tsv | md5sum)"

# Bulk loading: the first ingest into an empty store builds its secondary indexes at the end.
# All ten are there afterwards and meta no longer says they are deferred; and the answers are the
# same whether the corpus went in as one bulk load or file by file, each file after the first
# into a store that held events already (so with its indexes kept up to date).
ALLIDX="'documents_name','documents_pubday','events_dyad','events_day','events_tgt','events_doc','facts_kind','facts_doc','mentions_code','mentions_doc'"
if command -v sqlite3 > /dev/null 2>&1; then
    check store-5.1 "10 0" "$(sqlite3 "$DB" "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN ($ALLIDX)") $(sqlite3 "$DB" "SELECT count(*) FROM meta WHERE key = 'indexes'")"
else
    echo "skip store-5.1 (needs the sqlite3 program)"
fi
B1=$T/bulk.db
B2=$T/incremental.db
$DYAD ingest --no-progress --db "$B1" tests/corpus/*.txt 2> /dev/null
# (one process, the first file then each other one in a transaction of its own: a process a file
# cost this suite most of its time, and under ASan minutes)
set -- tests/corpus/*.txt
$DYAD ingest --no-progress --db "$B2" "$1" 2> /dev/null
shift
$DYAD ingest --no-progress --batch 1 --db "$B2" "$@" 2> /dev/null
answers() {
    $DYAD export --db "$1" --format tsv | sort
    $DYAD query network --db "$1" --format json
    $DYAD query actors --db "$1" --format tsv
    $DYAD query series --db "$1" --dyad RUS,UKR --by year --format tsv
    $DYAD query timeline --db "$1" --actor RUS --format tsv
}
answers "$B1" > "$T/a1"
answers "$B2" > "$T/a2"
check store-5.2 "same" "$(cmp -s "$T/a1" "$T/a2" && echo same || diff "$T/a1" "$T/a2" | head -n 5)"
check store-5.3 "yes" "$([ "$(wc -l < "$T/a1")" -gt 20 ] && echo yes || wc -l < "$T/a1")"

# ingest -j N codes on N threads and stores with one writer: the database is that of -j 1, row for
# row (every table in id order), for text files and for JSON Lines records, batches and all.
if command -v sqlite3 > /dev/null 2>&1; then
    dump() { sqlite3 "$1" .dump; }
    $DYAD ingest --no-progress --batch 7 --db "$T/j1.db" tests/corpus/*.txt 2> /dev/null
    $DYAD ingest --no-progress --batch 7 -j 2 --db "$T/j2.db" tests/corpus/*.txt 2> /dev/null
    dump "$T/j1.db" > "$T/d1"; dump "$T/j2.db" > "$T/d2"
    check store-5.4 "same" "$(cmp -s "$T/d1" "$T/d2" && echo same || diff "$T/d1" "$T/d2" | head -n 5)"
    if [ -x build/bench-gen ]; then
        build/bench-gen -s 2 > "$T/j.jsonl"
        $DYAD ingest --no-progress --input jsonl --db "$T/j3.db" "$T/j.jsonl" 2> /dev/null
        $DYAD ingest --no-progress --input jsonl -j 3 --db "$T/j4.db" "$T/j.jsonl" 2> /dev/null
        dump "$T/j3.db" > "$T/d3"; dump "$T/j4.db" > "$T/d4"
        check store-5.5 "same" "$(cmp -s "$T/d3" "$T/d4" && [ "$(grep -c 'INSERT INTO events' "$T/d3")" -gt 1000 ] && echo same || diff "$T/d3" "$T/d4" | head -n 5)"
    fi
else
    echo "skip store-5.4 (needs the sqlite3 program)"
fi

# Bad input: a clear message and a usage exit status; a missing or foreign database: 6.
$DYAD query series --db "$DB" --dyad RUS,ukr > /dev/null 2> "$T/err"; rc=$?
check store-3.1 "2 dyad: 'ukr' is not an actor code; give three capital letters (a country such as RUS, PRK, KOR) or a longer code (RUSGOV, IGOUNO)" "$rc $(cat "$T/err")"
$DYAD query events --db "$DB" --from 2024-02-30 > /dev/null 2> "$T/err"; rc=$?
check store-3.2 "2 dyad: '2024-02-30' is not a date; give YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2024, 2024-06, 2024-06-18)" "$rc $(cat "$T/err")"
$DYAD query events --db "$T/missing.db" > /dev/null 2> "$T/err"; rc=$?
check store-3.3 "6 dyad: $T/missing.db does not exist, and make it with 'dyad ingest --db $T/missing.db FILE...'" "$rc $(cat "$T/err")"
printf 'not a database' > "$T/junk.db"
$DYAD query events --db "$T/junk.db" > /dev/null 2>&1; rc=$?
check store-3.4 "6" "$rc"

# kill -9 at twenty random moments of an ingest (a bulk load: the store starts empty): each time
# the database opens, passes PRAGMA integrity_check, and holds whole batches only (a multiple of
# --batch documents, with every event's document there; all of them when the ingest finished
# first); and the next ingest, opening it for writing, brings back every index.
if command -v sqlite3 > /dev/null 2>&1 && [ -x build/bench-gen ]; then
    build/bench-gen -s 12 > "$T/big.jsonl"
    total=$(wc -l < "$T/big.jsonl" | tr -d ' ')
    bad=0
    rebuilt_bad=0
    interrupted=0
    seen=""
    for trial in $(seq 20); do
        K=$T/kill-$trial.db
        $DYAD ingest --no-progress --db "$K" --batch 40 --input jsonl "$T/big.jsonl" 2> /dev/null &
        pid=$!
        sleep "0.$(( (trial * 7919) % 9 + 1 ))$(( trial % 10 ))"
        kill -9 $pid 2> /dev/null
        wait $pid 2> /dev/null
        ok=$(sqlite3 "$K" 'PRAGMA integrity_check' 2>&1)
        # killed before the schema was written (a slow start, as under ASan): no table, nothing in it
        if sqlite3 "$K" "SELECT 1 FROM sqlite_master WHERE name = 'documents'" 2> /dev/null | grep -q 1; then
            n=$(sqlite3 "$K" 'SELECT count(*) FROM documents' 2>&1)
            orphans=$(sqlite3 "$K" 'SELECT count(*) FROM events WHERE doc NOT IN (SELECT id FROM documents)' 2>&1)
        else
            n=0
            orphans=$(sqlite3 "$K" "SELECT count(*) FROM sqlite_master WHERE type = 'table'" 2>&1)   # must be 0 too
        fi
        if [ "$ok" != ok ] || { [ $((n % 40)) -ne 0 ] && [ "$n" != "$total" ]; } || [ "$orphans" != 0 ]; then
            bad=$((bad + 1))
            echo "     trial $trial: integrity '$ok', $n documents, $orphans orphan events"
        fi
        seen="$seen $n"
        deferred=$(sqlite3 "$K" "SELECT count(*) FROM meta WHERE key = 'indexes'" 2>&1)
        [ "$deferred" = 1 ] && interrupted=$((interrupted + 1))
        $DYAD ingest --no-progress --db "$K" $D/a.txt 2> /dev/null
        idx=$(sqlite3 "$K" "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN ($ALLIDX)" 2>&1)
        left=$(sqlite3 "$K" "SELECT count(*) FROM meta WHERE key = 'indexes'" 2>&1)
        ok=$(sqlite3 "$K" 'PRAGMA integrity_check' 2>&1)
        if [ "$idx" != 10 ] || [ "$left" != 0 ] || [ "$ok" != ok ]; then
            rebuilt_bad=$((rebuilt_bad + 1))
            echo "     trial $trial: after the next ingest $idx of 10 indexes, meta row $left, integrity '$ok'"
        fi
        rm -f "$K" "$K-wal" "$K-shm"
    done
    check store-4.1 0 "$bad"
    check store-4.2 0 "$rebuilt_bad"
    echo "     documents held after each kill:$seen; $interrupted of 20 killed before the indexes were built"
else
    echo "skip store-4 (needs the sqlite3 program and build/bench-gen)"
fi
summary store
