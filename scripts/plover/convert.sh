#!/bin/sh
# data/cameo-plover.tsv from PLOVER's CAMEO2PLOVER table (../shared/reference/cameo-to-plover.txt,
# CC BY-SA 4.0): one line per CAMEO code, tab-separated code, PLOVER event, mode, context; the
# comments and spacing dropped, modes and contexts trimmed, a code listed twice kept at its first line. Usage: sh scripts/plover/convert.sh [IN] > data/cameo-plover.tsv
set -e
IN=${1:-../shared/reference/cameo-to-plover.txt}
cat <<'HEAD'
# CAMEO code -> PLOVER event category, mode, context (tab-separated; empty when none).
# Derived by scripts/plover/convert.sh from the PLOVER project's CAMEO2PLOVER-2021.txt
# (PLOVER manual draft 0.8, 2021, edited by Philip Schrodt; github.com/openeventdata/PLOVER),
# licensed CC BY-SA 4.0; this table is licensed CC BY-SA 4.0 likewise.
# A code not listed takes the line of its longest listed prefix; roots 01 and 02 have none.
HEAD
sed -e 's/#.*//' "$IN" | awk -F: '
    /^[0-9]+:/ && !seen[$1]++ {
        code = $1; rest = $2
        n = split(rest, f, ",")
        for (i = 1; i <= 3; i++) { v = i <= n ? f[i] : ""; gsub(/^[ \t]+|[ \t]+$/, "", v); g[i] = v }
        printf "%s\t%s\t%s\t%s\n", code, g[1], g[2], g[3]
    }'
