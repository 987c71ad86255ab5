#!/bin/sh
# Runs every test suite against each build directory given (build, build/asan) and ends with
# the line "N passed, N failed". Suites: C unit tests (Check), golden files (tests/golden),
# expectations on our articles (tests/corpus) and on the seed articles when ../shared is there,
# facts against the annotated articles of tests/facts (precision and recall floors), agreement
# with PETRARCH2's GSR records when ../shared/conformance is there, and PETRARCH's own unit tests
# coded with their dictionaries imported by dyad dict import.
set -u
cd "$(dirname "$0")/.." || exit 2
PASS=0
FAIL=0
LOG=$(mktemp)
trap 'rm -f "$LOG"' EXIT

count() {   # adds the "N passed, N failed" of the suite's last such line
    line=$(grep -E '[0-9]+ passed, [0-9]+ failed' "$LOG" | tail -n 1)
    p=$(echo "$line" | sed -E 's/^(.*[^0-9])?([0-9]+) passed, ([0-9]+) failed.*/\2/')
    f=$(echo "$line" | sed -E 's/^(.*[^0-9])?([0-9]+) passed, ([0-9]+) failed.*/\3/')
    if [ -z "$line" ]; then p=0; f=1; echo "  (the suite printed no summary: counted as a failure)"; fi
    PASS=$((PASS + p))
    FAIL=$((FAIL + f))
}

held_out() {   # an annotated set of tests/ against its floors: held_out SET MIN_P MIN_R
    "$B/test_devset" "$B/dyad" "tests/$1" "$2" "$3" > "$LOG" 2>&1
    grep -E '^(total|ok|FAIL)' "$LOG" | sed "s/^/$1: /"
    count
}

FIRST=$1
for B in "$@"; do
    echo "== $B"
    WRAP=""
    if [ "${VALGRIND:-0}" = 1 ]; then
        WRAP="env DYAD_VALGRIND=1 valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite"
    fi
    echo "-- unit tests ($B/test_unit)"
    CK_FORK=no $WRAP "$B/test_unit" > "$LOG" 2>&1
    grep -E 'FAIL|failed:|Failures: [1-9]|Errors: [1-9]|^unit:' "$LOG" | head -n 40
    count

    echo "-- golden tests (tests/golden)"
    DYAD="$WRAP $PWD/$B/dyad" sh tests/golden.sh > "$LOG" 2>&1
    grep -E '^(FAIL|golden:)' "$LOG"
    grep -A 30 '^FAIL' "$LOG" | grep -E '^[-+<>@ ]' | head -n 60
    count

    echo "-- expectations (tests/corpus, seeds)"
    EXP="tests/corpus/*.expect"
    [ -d tests/seeds ] && EXP="$EXP tests/seeds/*.expect"
    # shellcheck disable=SC2086
    "$B/test_expect" "$B/dyad" $EXP > "$LOG" 2>&1
    grep -E '^(FAIL|skip|expect:|     )' "$LOG" | head -n 120
    count

    echo "-- facts against tests/facts (per-kind precision and recall)"
    "$B/test_expect" "$B/dyad" --facts tests/facts "${FACTS_MIN_P:-0.85}" "${FACTS_MIN_R:-0.70}" > "$LOG" 2>&1
    grep -E '^(facts|FAIL|ok)' "$LOG"
    count
    "$B/test_expect" "$B/dyad" --facts tests/facts-holdout "${FACTS_MIN_P:-0.85}" "${FACTS_MIN_R:-0.70}" > "$LOG" 2>&1
    grep -E '^(facts: overall|FAIL|ok)' "$LOG"
    count
    "$B/test_expect" "$B/dyad" --facts tests/facts-holdout2 "${FACTS_MIN_P:-0.85}" "${FACTS_MIN_R:-0.70}" > "$LOG" 2>&1
    grep -E '^(facts: overall|FAIL|ok)' "$LOG"
    count
    "$B/test_expect" "$B/dyad" --facts tests/facts-holdout3 "${FACTS_MIN_P:-0.85}" "${FACTS_MIN_R:-0.70}" > "$LOG" 2>&1
    grep -E '^(facts: overall|FAIL|ok)' "$LOG"
    count
    # held-out set 4: first run P 0.85 R 0.70; floors a little below its figure after the rules it showed (1.00 / 0.94)
    "$B/test_expect" "$B/dyad" --facts tests/facts-holdout4 "${FACTS4_MIN_P:-0.90}" "${FACTS4_MIN_R:-0.85}" > "$LOG" 2>&1
    grep -E '^(facts: overall|FAIL|ok)' "$LOG"
    count
    # held-out set 5: first run P 0.85 R 0.72; floors a little below its figure after the rules it showed (1.00 / 0.91)
    "$B/test_expect" "$B/dyad" --facts tests/facts-holdout5 "${FACTS5_MIN_P:-0.92}" "${FACTS5_MIN_R:-0.82}" > "$LOG" 2>&1
    grep -E '^(facts: overall|FAIL|ok)' "$LOG"
    count

    echo "-- corpus store (tests/store)"
    sh tests/store/run.sh "$PWD/$B/dyad" > "$LOG" 2>&1
    grep -E '^(FAIL|store:|     |skip)' "$LOG"
    count

    echo "-- shards (tests/shard: --shard K/N parts put together are one run; contrib/slurm's scripts)"
    sh tests/shard/run.sh "$PWD/$B/dyad" > "$LOG" 2>&1
    grep -E '^(FAIL|shard:|     |skip)' "$LOG"
    count

    echo "-- HTTP server (tests/serve)"
    bash tests/serve/run.sh "$PWD/$B/dyad" > "$LOG" 2>&1
    grep -E '^(FAIL|serve:|     )' "$LOG"
    count

    echo "-- hostile input (tests/hostile)"
    bash tests/hostile/run.sh "$PWD/$B/dyad" > "$LOG" 2>&1
    grep -E '^(FAIL|hostile:)' "$LOG"
    count

    if [ "$B" = "$FIRST" ] && [ -z "$WRAP" ]; then
        echo "-- fuzzing, ${FUZZ_SECONDS:-60} s a harness (tests/fuzz)"
        bash tests/fuzz/run.sh "${FUZZ_SECONDS:-60}" code jsonl dict dates api > "$LOG" 2>&1
        grep -E '^(ok|FAIL|fuzz:)' "$LOG"
        count
    fi

    if [ "$B" = "$FIRST" ] && [ -z "$WRAP" ]; then
        echo "-- the PostgreSQL store against SQLite (tests/pg; skips without postgresql)"
        timeout 600 bash tests/pg/run.sh "$PWD/$B/dyad" > "$LOG" 2>&1
        grep -E '^(FAIL|pg:|skip|     )' "$LOG"
        count
    fi

    if [ "$B" = "$FIRST" ] && [ -z "$WRAP" ]; then
        echo "-- a one-node Slurm cluster runs contrib/slurm's array job (tests/slurm; skips without root or slurm-wlm)"
        timeout 600 bash tests/slurm/run.sh "$PWD/$B/dyad" > "$LOG" 2>&1
        grep -E '^(FAIL|slurm:|skip|     )' "$LOG"
        count
    fi

    if [ "$B" = "$FIRST" ] && [ -z "$WRAP" ]; then
        echo "-- dashboard in headless Chromium (tests/e2e)"
        DYAD="$PWD/$B/dyad" bash tests/e2e/run.sh > "$LOG" 2>&1
        grep -E '^(FAIL|e2e:|     )' "$LOG"
        count
        # a million generated events: about 60 s (25 s to make the store); DYAD_SCALE_TEST=0 skips it
        if [ "${DYAD_SCALE_TEST:-1}" != 0 ]; then
            echo "-- dashboard on a million events (tests/e2e/run.sh scale; DYAD_SCALE_TEST=0 skips it)"
            DYAD="$PWD/$B/dyad" bash tests/e2e/run.sh scale > "$LOG" 2>&1
            grep -E '^(FAIL|e2e:|     )' "$LOG"
            count
        fi
    fi

    if [ -f ../shared/reference/cameo-goldstein.tsv ]; then
        echo "-- CAMEO codes and Goldstein weights against ../shared/reference"
        # every code of the published table is in dict/cameo.txt with the same weight, and no other
        awk -F '\t' 'FNR == NR { if ($1 ~ /^[0-9]/) ref[$1] = $2; next }
                      /^[0-9]/ { ours[$1] = $2 }
                      END { p = 0; f = 0
                            for (k in ref) if ((k in ours) && ours[k] + 0 == ref[k] + 0) p++; else { f++; print "FAIL cameo " k " " ours[k] " != " ref[k] }
                            for (k in ours) if (!(k in ref)) { f++; print "FAIL cameo " k " is not in the reference" }
                            printf "cameo: %d passed, %d failed\n", p, f }' \
            ../shared/reference/cameo-goldstein.tsv dict/cameo.txt > "$LOG" 2>&1
        grep -E '^(FAIL|cameo:)' "$LOG" | head -n 20
        count
    fi

    echo "-- codebook sentences (tests/codebook: 392 short sentences over every CAMEO root)"
    "$B/test_expect" "$B/dyad" --codebook tests/codebook/sentences.tsv "${CODEBOOK_MIN_P:-0.88}" "${CODEBOOK_MIN_R:-0.85}" > "$LOG" 2>&1
    grep -E '^(codebook|ok|FAIL|expect:)' "$LOG"
    count
    echo "-- unseen codebook sentences (tests/codebook/unseen2.tsv: 80, four a CAMEO root; first run P 0.90 R 0.79)"
    "$B/test_expect" "$B/dyad" --codebook tests/codebook/unseen2.tsv "${UNSEEN2_MIN_P:-0.88}" "${UNSEEN2_MIN_R:-0.85}" > "$LOG" 2>&1
    grep -E '^(codebook|ok|FAIL|expect:)' "$LOG"
    count
    echo "-- our annotated sets (tests/world 30 stories, tests/holdout 25, tests/holdout3, holdout4 and holdout5 14 each, holdout6 10, holdout7 14, holdout8 12, holdout9, holdout10, holdout11, holdout13, holdout14, holdout15 and holdout16 16 each, holdout12 14)"
    for set in world holdout holdout3 holdout4; do held_out $set "${WORLD_MIN_P:-0.85}" "${WORLD_MIN_R:-0.45}"; done
    # holdout5 (under-covered regions) sits lower: its floors are a bit below its measured P 0.79 R 0.56
    held_out holdout5 "${H5_MIN_P:-0.75}" "${H5_MIN_R:-0.50}"
    # holdout6 (10 stories): first, unseen run P 0.81 R 0.47; floors a bit below its acc7 figures P 0.89 R 0.67
    held_out holdout6 "${H6_MIN_P:-0.85}" "${H6_MIN_R:-0.63}"
    # holdout7 (14 stories, untuned): floors a bit below its first, unseen run P 0.75 R 0.53
    held_out holdout7 "${H7_MIN_P:-0.70}" "${H7_MIN_R:-0.47}"
    # holdout8 (12 stories, the lead's probes of stop 22; tuned): floors a bit below P 0.92 R 0.73
    held_out holdout8 "${H8_MIN_P:-0.87}" "${H8_MIN_R:-0.66}"
    # holdout9 (16 blind stories of stop 23, first run P 0.79 R 0.38; tuned since): floors a bit below P 0.93 R 0.73
    held_out holdout9 "${H9_MIN_P:-0.88}" "${H9_MIN_R:-0.66}"
    # holdout10 (16 blind stories of stop 23, first run P 0.79 R 0.54; tuned from stop 24): floors a bit below P 0.83 R 0.63
    held_out holdout10 "${H10_MIN_P:-0.78}" "${H10_MIN_R:-0.57}"
    # holdout11 (16 blind stories of stop 24, first runs P 0.64-0.68 R 0.39-0.40; tuned in stop 26):
    # floors a bit below P 0.83 R 0.64
    held_out holdout11 "${H11_MIN_P:-0.77}" "${H11_MIN_R:-0.58}"
    # holdout12 (14 blind stories of stop 24, first run P 0.66 R 0.50; tuned): floors a bit below P 0.87 R 0.60
    held_out holdout12 "${H12_MIN_P:-0.82}" "${H12_MIN_R:-0.54}"
    # holdout13 (16 blind stories written at the end of stop 24, first run P 0.73 R 0.44; tuned
    # from stop 25): floors a bit below P 0.86 R 0.63
    held_out holdout13 "${H13_MIN_P:-0.80}" "${H13_MIN_R:-0.57}"
    # holdout14 (16 blind stories of stop 25, first run P 0.71 R 0.48; tuned): floors a bit below P 0.90 R 0.64
    held_out holdout14 "${H14_MIN_P:-0.84}" "${H14_MIN_R:-0.58}"
    # holdout15 (16 blind stories of stop 26, untuned: P 0.72 R 0.41 at its start, P 0.74 R 0.44
    # after its rules; released at stop 27, acc16a tuned its a* stories: P 0.87 R 0.54): floors a bit below
    # merged with acc16b, second17, eval18 at the end of stop 27: P 0.89 R 0.64
    held_out holdout15 "${H15_MIN_P:-0.85}" "${H15_MIN_R:-0.60}"
    # holdout16 (16 blind stories of stop 27, untuned: P 0.74 R 0.47 at its start, P 0.76 R 0.50
    # after its rules; released at stop 28 and tuned by acc19a (a*) and acc19b (b*): P 0.90 R 0.59 merged): floors a bit below
    held_out holdout16 "${H16_MIN_P:-0.82}" "${H16_MIN_R:-0.56}"
    echo "-- dev set (../shared/devset: 12 wire stories with gold events)"
    if [ -f ../shared/devset/gold.tsv ]; then
        "$B/test_devset" "$B/dyad" ../shared/devset "${DEVSET_MIN_P:-0.90}" "${DEVSET_MIN_R:-0.80}" > "$LOG" 2>&1
        grep -E '^(total|ok|FAIL|devset:)' "$LOG"
        count
    else
        echo "skip: ../shared/devset is absent"
    fi

    if [ -f ../shared/conformance/petrarch2-gsr-validation.tsv ]; then
        # scored as the records were coded, by PETRARCH's conventions (--convention petrarch,
        # docs/coding.md; P 0.87 R 0.76 F1 0.81); dyad's own convention printed for information
        echo "-- PETRARCH2 GSR agreement (--convention petrarch)"
        "$B/test_expect" "$B/dyad" --gsr ../shared/conformance/petrarch2-gsr-validation.tsv "${GSR_MIN_P:-0.84}" "${GSR_MIN_R:-0.73}" --convention petrarch > "$LOG" 2>&1
        grep -E '^(gsr|FAIL|ok)' "$LOG"
        count
        "$B/test_expect" "$B/dyad" --gsr ../shared/conformance/petrarch2-gsr-validation.tsv 0 0 --convention dyad 2>&1 | grep -E '^gsr:' | sed 's/^/info: /'
    fi

    if [ -f ../shared/conformance/petrarch2-validation.tsv ]; then
        echo "-- PETRARCH unit tests, with their dictionaries imported by dyad dict import"
        UD=$(mktemp -d)
        "$B/dyad" dict import --from petrarch ../shared/conformance/petrarch2-validation-dictionaries --out "$UD/dict" --dict dict > /dev/null 2>&1
        "$B/test_expect" "$B/dyad" --petrarch-units ../shared/conformance/petrarch2-validation.tsv "$UD/dict" "${UNITS_MIN_P:-0.89}" "${UNITS_MIN_R:-0.76}" > "$LOG" 2>&1
        grep -E '^(units|FAIL|ok)' "$LOG"
        count
        rm -rf "$UD"
    else
        echo "-- PETRARCH unit tests: skipped (../shared/conformance is absent)"
    fi
done
# Once more the unit and golden tests under valgrind: no leaks, no invalid reads.
if [ "${VALGRIND_PASS:-0}" = 1 ] && command -v valgrind > /dev/null 2>&1; then
    WRAP="env DYAD_VALGRIND=1 valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite"
    echo "== $FIRST under valgrind"
    echo "-- unit tests"
    CK_FORK=no $WRAP "$FIRST/test_unit" > "$LOG" 2>&1
    grep -E 'FAIL|failed:|^unit:|==[0-9]+==' "$LOG" | head -n 40
    count
    echo "-- golden tests"
    DYAD="$WRAP $PWD/$FIRST/dyad" sh tests/golden.sh > "$LOG" 2>&1
    grep -E '^(FAIL|golden:)' "$LOG"
    count
fi
echo "$PASS passed, $FAIL failed"
[ "$FAIL" -eq 0 ]
