#!/bin/sh
# dyad code --shard K/N: N parts of a run, put together, are the one-process run, event for event
# and id for id, with -j or without; every document is coded by exactly one part. Inputs: the
# example corpus and tests/store (plain text), tests/shard/stream.jsonl (records with a string
# id, a number id, none, and one broken record), and 2 MB of bench-gen JSON Lines when
# build/bench-gen is there. Ends with "shard: N passed, N failed".
#   sh tests/shard/run.sh DYAD [BENCH_GEN]
set -u
# shellcheck source=tests/lib.sh
. "$(dirname "$0")/../lib.sh"
DYAD=$1
GEN=${2:-build/bench-gen}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
same() {    # name, file, file: the same lines, in any order
    sort "$2" > "$T/a.sorted"
    sort "$3" > "$T/b.sorted"
    if cmp -s "$T/a.sorted" "$T/b.sorted"; then pass=$((pass + 1)); echo "ok   $1 ($(wc -l < "$2") lines)"
    else fail=$((fail + 1)); echo "FAIL $1: the parts put together differ from one run"; diff "$T/a.sorted" "$T/b.sorted" | head -n 10; fi
}

# name, N, the options of both runs, -- the inputs: runs the whole, then parts 0..N-1 with and
# without -j 2, and checks the union, that no part holds it all, and that errors come once.
split_check() {
    name=$1 n=$2
    shift 2
    opts=""
    while [ "$1" != "--" ]; do opts="$opts $1"; shift; done
    shift
    # shellcheck disable=SC2086
    $DYAD $opts --no-progress "$@" > "$T/whole" 2> "$T/whole.err"
    whole_rc=$?
    case $opts in *tsv*) sed -i 1d "$T/whole" ;; esac     # each part has the header line
    jobs="1 2"
    case $opts in *facts*) jobs=1 ;; esac     # -j is dyad code's
    for j in $jobs; do
        jopt=""
        [ "$j" -gt 1 ] && jopt="-j $j"
        : > "$T/parts"
        : > "$T/parts.err"
        fails=0 full=0 k=0
        while [ $k -lt "$n" ]; do
            # shellcheck disable=SC2086
            $DYAD $opts --no-progress $jopt --shard $k/$n "$@" > "$T/part" 2>> "$T/parts.err" || fails=$((fails + 1))
            [ -s "$T/part" ] && [ "$(wc -l < "$T/part")" -eq "$(wc -l < "$T/whole")" ] && full=$((full + 1))
            case $opts in *tsv*) tail -n +2 "$T/part" >> "$T/parts" ;; *) cat "$T/part" >> "$T/parts" ;; esac
            k=$((k + 1))
        done
        same "$name -j $j: union of $n parts" "$T/whole" "$T/parts"
        check "$name -j $j: no part holds everything" 0 "$full"
        # the run's complaints about documents (not its closing count), each said by one part
        grep -v 'could not be coded' "$T/whole.err" | sort > "$T/e1"
        grep -v 'could not be coded' "$T/parts.err" | sort > "$T/e2"
        check "$name -j $j: each bad document reported once" "$(cat "$T/e1")" "$(cat "$T/e2")"
        check "$name -j $j: parts that failed" "$([ "$whole_rc" -ne 0 ] && echo 1 || echo 0)" "$fails"
    done
}

split_check text-4 4 code -- examples/corpus/*.txt tests/store/*.txt
split_check text-3-tsv 3 code --format tsv -- examples/corpus/*.txt tests/store/*.txt
split_check jsonl-4 4 code --input jsonl -- tests/shard/stream.jsonl
split_check facts-4 4 facts -- examples/corpus/*.txt
split_check facts-jsonl-2 2 facts --input jsonl -- tests/shard/stream.jsonl
if [ -x "$GEN" ]; then
    "$GEN" -s 2 -f jsonl > "$T/gen.jsonl"
    split_check gen-jsonl-4 4 code --input jsonl -- "$T/gen.jsonl"
else
    echo "skip gen-jsonl ($GEN is absent)"
fi

# contrib/slurm's array script, run here as 3 tasks without Slurm, and its merge: the one run,
# the TSV header once; a missing part makes merge refuse, naming it.
S=contrib/slurm
for k in 0 1 2; do
    SLURM_ARRAY_TASK_ID=$k SLURM_ARRAY_TASK_COUNT=3 DYAD=$DYAD bash $S/dyad-code.sbatch examples/corpus "$T/out" --format tsv \
        > /dev/null 2>&1 || echo "FAIL: dyad-code.sbatch task $k"
done
$DYAD code --no-progress --format tsv examples/corpus/*.txt > "$T/whole.tsv"
sh $S/merge.sh "$T/out" > "$T/merged.tsv"
check sbatch-merge-header 1 "$(grep -c '^id	doc' "$T/merged.tsv")"
same sbatch-merge-tsv "$T/whole.tsv" "$T/merged.tsv"
rm "$T/out/part-00001.done"
sh $S/merge.sh "$T/out" > /dev/null 2> "$T/err"
check sbatch-merge-missing "1 merge: parts 1 of 3 are missing or unfinished in $T/out; run them again with" "$? $(head -n 1 "$T/err")"
SLURM_ARRAY_TASK_ID=1 DYAD_SHARDS=3 DYAD=$DYAD bash $S/dyad-code.sbatch examples/corpus "$T/out" --format tsv > /dev/null 2>&1
sh $S/merge.sh "$T/out" > "$T/merged.tsv"
same sbatch-merge-rerun "$T/whole.tsv" "$T/merged.tsv"
# DYAD_SPLIT=files: whole files dealt to 4 tasks, the same union
for k in 0 1 2 3; do
    SLURM_ARRAY_TASK_ID=$k SLURM_ARRAY_TASK_COUNT=4 DYAD_SPLIT=files DYAD=$DYAD bash $S/dyad-code.sbatch tests/store "$T/files" --format tsv \
        > /dev/null 2>&1 || echo "FAIL: dyad-code.sbatch DYAD_SPLIT=files task $k"
done
$DYAD code --no-progress --format tsv tests/store/*.txt > "$T/whole.tsv"
sh $S/merge.sh "$T/files" > "$T/merged.tsv"
same sbatch-split-files "$T/whole.tsv" "$T/merged.tsv"
check sbatch-split-files-each-once "$(find tests/store -name '*.txt' | wc -l)" "$(cat "$T"/files/part-*.tsv | cut -f 2 | grep -v '^doc$' | sort -u | wc -l)"
# a dyad that cannot run (bad option) fails the task and leaves no part behind
SLURM_ARRAY_TASK_ID=0 SLURM_ARRAY_TASK_COUNT=2 DYAD=$DYAD bash $S/dyad-code.sbatch examples/corpus "$T/bad" --nonsense > /dev/null 2>&1
check sbatch-task-fails "1 no part" "$? $(ls "$T/bad"/part-00000.* 2> /dev/null || echo no part)"

# The part of a file depends on its name, not on its folder or on the order of the inputs.
mkdir -p "$T/elsewhere"
cp examples/corpus/*.txt "$T/elsewhere/"
$DYAD code --no-progress --format tsv --shard 1/3 examples/corpus/*.txt | cut -f 1 | sort > "$T/ids1"
# shellcheck disable=SC2046
$DYAD code --no-progress --format tsv --shard 1/3 $(find "$T/elsewhere" -name '*.txt' | sort -r) | cut -f 1 | sort > "$T/ids2"
check shard-folder-order "$(cat "$T/ids1")" "$(cat "$T/ids2")"
# 1/1 is the whole run.
check shard-1-of-1 "$($DYAD code --no-progress examples/corpus/*.txt)" "$($DYAD code --no-progress --shard 0/1 examples/corpus/*.txt)"

# Bad parts: a clear message and the usage status.
for bad in 4/4 5/4 -1/4 1/0 1 a/4 1/ /4 1/4x 1/99999999999; do
    $DYAD code --shard "$bad" examples/corpus/01-kim-putin-vladivostok-summit.txt > /dev/null 2> "$T/err"
    rc=$?
    check "shard-bad-$bad" "2 dyad: --shard takes K/N, part K of N counting from 0 (0 <= K < N <= 1000000), such as 3/64" "$rc $(cat "$T/err")"
done
$DYAD code --shard > /dev/null 2> "$T/err"
check shard-bad-missing 2 "$?"

summary shard
