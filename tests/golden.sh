#!/bin/sh
# Golden tests: each directory tests/golden/NAME holds
#   cmd      one shell command line; $DYAD is the program, $G the case directory
#   stdout   the exact expected standard output (optional)
#   stderr   the exact expected standard error (optional)
#   rc       the expected exit status (default 0)
#   requires a path that must exist, else the case is skipped (for ../shared material)
# Names are hierarchical (seg-1.2, ingest-3.1) and run in order. GOLDEN_PART=K/N runs the Kth of
# N parts (every Nth case from the Kth), for tests/run.sh to spread a slow pass over its slots.
set -u
cd "$(dirname "$0")/.." || exit 2
: "${DYAD:?set DYAD to the dyad program}"
pass=0
fail=0
out=$(mktemp)
err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT
part=${GOLDEN_PART:-1/1}
k=${part%/*}
n=${part#*/}
i=0
for G in tests/golden/*/; do
    i=$((i + 1))
    [ $(( (i - 1) % n + 1 )) -eq "$k" ] || continue
    G=${G%/}
    name=${G##*/}
    [ -f "$G/cmd" ] || continue
    if [ -f "$G/requires" ] && [ ! -e "$(cat "$G/requires")" ]; then echo "skip $name ($(cat "$G/requires") is absent)"; continue; fi
    export G DYAD
    sh -c "$(cat "$G/cmd")" > "$out" 2> "$err"
    rc=$?
    want_rc=0
    [ -f "$G/rc" ] && want_rc=$(cat "$G/rc")
    ok=1
    if [ "$rc" != "$want_rc" ]; then ok=0; echo "FAIL $name: exit status $rc, expected $want_rc"; fi
    if [ -f "$G/stdout" ] && ! diff -u "$G/stdout" "$out" > /dev/null; then
        ok=0; echo "FAIL $name: standard output differs"; diff -u "$G/stdout" "$out" | head -n 30
    fi
    if [ -f "$G/stderr" ] && ! diff -u "$G/stderr" "$err" > /dev/null; then
        ok=0; echo "FAIL $name: standard error differs"; diff -u "$G/stderr" "$err" | head -n 30
    fi
    if [ $ok = 1 ]; then pass=$((pass + 1)); echo "ok   $name"; else fail=$((fail + 1)); fi
done
echo "golden: $pass passed, $fail failed"
[ $fail -eq 0 ]
