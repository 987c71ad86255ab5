#!/bin/sh
# File-local names unique across files (as in SQLite's amalgamation, where every .c file is
# concatenated into one): lists each static function or variable defined at file level in more
# than one of src/*.c and src/cli/*.c, with its files, and exits 1 when there is one.
#   sh scripts/static-names.sh
cd "$(dirname "$0")/.." || exit 2
dups=$(for f in src/*.c src/cli/*.c; do
    grep -E '^static ' "$f" | grep -v '^static inline' |
        sed -E 's/\(.*//; s/\[.*//; s/ *=.*//; s/;.*//' | awk '{print $NF}' | sed 's/^\*//' | sort -u | sed "s|\$| $f|"
done | awk '{n[$1]++; f[$1] = f[$1] " " $2} END {for (k in n) if (n[k] > 1) print k ":" f[k]}' | sort)
[ -z "$dups" ] && { echo "static-names: every file-local name is unique"; exit 0; }
echo "$dups"
exit 1
