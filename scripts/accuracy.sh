#!/bin/sh
# scripts/accuracy.sh: one line of country+root figures per annotated set, for measuring a rule
# before and after (docs/accuracy.md keeps the table). Needs build/dyad, build/test_devset and
# build/test_expect (make all build/test_devset build/test_expect). Sets under ../shared are
# measured when it is there and named as skipped when not.
#
#   sh scripts/accuracy.sh              every set: devset, world, holdout*, GSR, corpus expects
#   sh scripts/accuracy.sh holdout17    only the sets named (directories under tests/ or "devset")
#   B=build/asan sh scripts/accuracy.sh a build other than build/
#   SHARED=/work/shared sh scripts/accuracy.sh   ../shared elsewhere (from a git worktree, say)
B=${B:-build}
SH=${SHARED:-../shared}
for f in "$B/dyad" "$B/test_devset" "$B/test_expect"; do
    [ -x "$f" ] || { echo "accuracy: $f is missing; run make all $B/test_devset $B/test_expect" >&2; exit 2; }
done
sets=$*
log=$(mktemp); trap 'rm -f "$log"' EXIT
if [ -z "$sets" ]; then
    sets="devset world holdout"
    for d in $(ls -d tests/holdout[0-9]* | sed 's,tests/,,' | sort -t t -k 2 -n); do sets="$sets $d"; done
    sets="$sets gsr expect"
fi
score() {   # NAME DIR: test_devset's total line, shortened; a set dyad failed on stops the run
    "$B/test_devset" "$B/dyad" "$2" 0 0 >"$log" 2>&1
    if grep -q '^dyad: ' "$log"; then echo "accuracy: dyad failed on $1:" >&2; grep -m 3 '^dyad: ' "$log" >&2; exit 1; fi
    line "$1" <"$log"
}
line() {
    sed -n 's/^total: .*; country+root precision \([0-9.]*\) recall \([0-9.]*\) F1 \([0-9.]*\); dates right \(.*\)$/\1 \2 \3 \4/p' |
        awk -v n="$1" '{ printf "%-10s P %s  R %s  F1 %s  dates %s\n", n, $1, $2, $3, $4 }'
}
for s in $sets; do
    case $s in
    devset)
        if [ -d $SH/devset ]; then score devset $SH/devset
        else echo "devset     skipped: $SH/devset is absent"; fi ;;
    gsr)
        g=$SH/conformance/petrarch2-gsr-validation.tsv
        if [ -f $g ]; then
            "$B/test_expect" "$B/dyad" --gsr $g 0 0 --convention petrarch 2>&1 |
                sed -n 's/^gsr: .*precision \([0-9.]*\) recall \([0-9.]*\) F1 \([0-9.]*\).*/gsr        P \1  R \2  F1 \3/p'
        else echo "gsr        skipped: $g is absent"; fi ;;
    expect)
        "$B/test_expect" "$B/dyad" tests/corpus/*.expect 2>&1 | grep -E '^expect:' | sed 's/^expect:/corpus    /' ;;
    *)
        if [ -f "tests/$s/gold.tsv" ]; then score "$s" "tests/$s"
        else echo "accuracy: tests/$s/gold.tsv is missing" >&2; exit 2; fi ;;
    esac
done
