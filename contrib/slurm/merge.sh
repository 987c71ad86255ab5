#!/bin/sh
# contrib/slurm/merge.sh OUTDIR - puts together the parts that dyad-code.sbatch wrote into OUTDIR
# (part-KKKKK.FMT, each with its part-KKKKK.done), in part order, on standard output. A TSV or
# CSV header (every part has one) is written once. Refuses, naming the parts to run again, when
# any part of the N is missing or unfinished, so a half-done array never passes for a whole one.
# The lines are those of one dyad process over the same inputs, in another order: sort them
# (LC_ALL=C sort) where order matters. Exit status: 0, 1 (parts missing), 2 (usage).
set -u
if [ $# -ne 1 ] || [ ! -d "$1" ]; then
    echo "usage: merge.sh OUTDIR > merged   (OUTDIR: where dyad-code.sbatch wrote its parts)" >&2
    exit 2
fi
OUT=$1
first=$(find "$OUT" -maxdepth 1 -name 'part-*.done' | LC_ALL=C sort | head -n 1)
if [ -z "$first" ]; then
    echo "merge: $OUT holds no finished part (part-*.done); run dyad-code.sbatch first" >&2
    exit 1
fi
N=$(sed -n 's/^shards=//p' "$first")
EXT=$(sed -n 's/^ext=//p' "$first")
case $N in ''|*[!0-9]*) echo "merge: $first names no shards=N; it was not written by dyad-code.sbatch" >&2; exit 1 ;; esac
missing=""
k=0
while [ "$k" -lt "$N" ]; do
    p=$(printf '%s/part-%05d' "$OUT" "$k")
    if [ ! -f "$p.done" ] || [ ! -f "$p.$EXT" ] || [ "$(sed -n 's/^shards=//p' "$p.done")" != "$N" ]; then
        missing="$missing${missing:+,}$k"
    fi
    k=$((k + 1))
done
if [ -n "$missing" ]; then
    echo "merge: parts $missing of $N are missing or unfinished in $OUT; run them again with" >&2
    echo "  sbatch --array=$missing --export=ALL,DYAD_SHARDS=$N contrib/slurm/dyad-code.sbatch ..." >&2
    exit 1
fi
# A header (TSV, CSV: every part that coded something starts with the same one) is written once.
head0=""
k=0
while [ "$k" -lt "$N" ] && [ -z "$head0" ]; do
    head0=$(head -n 1 "$(printf '%s/part-%05d.%s' "$OUT" "$k" "$EXT")")
    k=$((k + 1))
done
case $head0 in "{"*) head0="" ;; esac
[ -n "$head0" ] && printf '%s\n' "$head0"
k=0
while [ "$k" -lt "$N" ]; do
    H=$head0 awk 'NR > 1 || ENVIRON["H"] == "" || $0 != ENVIRON["H"]' "$(printf '%s/part-%05d.%s' "$OUT" "$k" "$EXT")" || exit 1
    k=$((k + 1))
done
