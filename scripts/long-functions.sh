#!/bin/sh
# Functions over the house limit (120 lines, from the '{' opening the body at column 0 to its '}'),
# and files over 1,500 lines, in src/*.c and src/cli/*.c; exits 1 when there is one.
#   sh scripts/long-functions.sh [LIMIT]
cd "$(dirname "$0")/.." || exit 2
limit=${1:-120}
long=$(for f in src/*.c src/cli/*.c; do
    awk -v F="$f" -v L="$limit" '/^\{/ {s = NR; name = prev} /^\}/ {if (s && NR - s + 1 > L) print F ": " NR - s + 1 " lines: " name; s = 0} {prev = $0}' "$f"
    n=$(wc -l < "$f"); [ "$n" -gt 1500 ] && echo "$f: $n lines (file)"
done)
[ -z "$long" ] && { echo "long-functions: none over $limit lines, no file over 1,500"; exit 0; }
echo "$long"
exit 1
