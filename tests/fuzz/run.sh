#!/usr/bin/env bash
# Runs each libFuzzer harness for SECONDS from its seeds in tests/fuzz/NAME/, and prints per
# harness the executions and whether it found anything; ends with "fuzz: N passed, N failed".
#   bash tests/fuzz/run.sh SECONDS NAME...
set -u
# shellcheck source=tests/lib.sh
. "$(dirname "$0")/../lib.sh"
cd "$(dirname "$0")/../.."
# the harnesses' scratch files (fuzz_api's database, libFuzzer's own) go to a directory of this
# run, removed on every exit: one left in /tmp a run adds up on a CI machine
TMPDIR=$(mktemp -d "${TMPDIR:-/tmp}/dyad-fuzz.XXXXXX") || exit 2
export TMPDIR
trap 'rm -rf "$TMPDIR"' EXIT
trap 'exit 1' INT TERM HUP
secs=$1
shift
for name in "$@"; do
    corpus=build/fuzz/corpus-$name
    mkdir -p "$corpus" build/fuzz/crashes
    [ -d "tests/fuzz/$name" ] && cp -n "tests/fuzz/$name"/* "$corpus"/ 2> /dev/null
    log=build/fuzz/$name.log
    build/fuzz/fuzz_"$name" -max_total_time="$secs" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix=build/fuzz/crashes/"$name"- -print_final_stats=1 "$corpus" > "$log" 2>&1
    rc=$?
    execs=$(grep -aE '^stat::number_of_executed_units' "$log" | awk '{print $2}')
    if [ $rc -eq 0 ]; then pass=$((pass + 1)); echo "ok   fuzz $name: ${execs:-?} executions in ${secs} s, nothing found"
    else fail=$((fail + 1)); echo "FAIL fuzz $name (exit $rc): see $log and build/fuzz/crashes/"; grep -aE 'ERROR|SUMMARY' "$log" | head -n 5; fi
done
summary fuzz
