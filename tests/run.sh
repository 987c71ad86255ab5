#!/usr/bin/env bash
# Runs every test suite against each build directory given (build, build/asan) and ends with
# the line "N passed, N failed, N skipped" (each skipped check named just before it). Suites: C unit tests (Check), golden files (tests/golden),
# expectations on our articles (tests/corpus) and on the seed articles when ../shared is there,
# facts against the annotated articles of tests/facts (precision and recall floors), agreement
# with PETRARCH2's GSR records when ../shared/conformance is there, and PETRARCH's own unit tests
# coded with their dictionaries imported by dyad dict import.
#
# The suites are independent, so they run TEST_JOBS at a time (default 2, the CI machine's
# cores; TEST_JOBS=1 runs them one after another), each into its own log. The report is printed
# in a fixed order, whatever order they end in: a suite's lines appear once it and every suite
# before it have ended, each followed by the seconds it took ("   time: 12 s"), and a table of the
# slowest ones ends the run. A suite counts as the "N passed, N failed" of the last such line of
# its log; one that printed none, or that exited non-zero with no failure counted, is a failure.
set -u
cd "$(dirname "$0")/.." || exit 2
JOBS=${TEST_JOBS:-2}
PASS=0
FAIL=0
SKIP=0
SKIPPED=""
D=$(mktemp -d "${TMPDIR:-/tmp}/dyad-run.XXXXXX") || exit 2
trap 'rm -rf "$D"' EXIT
trap 'kill $(jobs -p) 2> /dev/null; exit 1' INT TERM HUP
T0=$(date +%s)

# The queue: entry i is a note (NOTE[i], printed as it stands) or a suite: HDR[i] its heading
# (empty when it continues the heading before), FLT[i] the shell words that print what matters
# of its log "$LOG", CMD[i] the command run with its output in "$LOG", W[i] a rough cost in
# seconds (the costliest start first), X[i] a class of which one suite runs at a time.
N=0
NAME=""
note() { N=$((N + 1)); NOTE[N]=$1; X[N]=""; }
# suite HEADING FILTER WEIGHT CLASS COMMAND...
suite() {
    N=$((N + 1)); NOTE[N]=""; HDR[N]=$1; FLT[N]=$2; W[N]=$3; X[N]=$4; shift 4
    case $B in *asan*) W[N]=$((W[N] * 3)) ;; esac   # ASan's suites take about three times as long
    CMD[N]=$(printf '%q ' "$@"); LABEL[N]="$B ${NAME}"
}

count() {   # adds the "N passed, N failed" of the last such line of log $1; $2 is the exit status
    line=$(grep -E '[0-9]+ passed, [0-9]+ failed' "$1" | tail -n 1)
    p=$(echo "$line" | sed -E 's/^(.*[^0-9])?([0-9]+) passed, ([0-9]+) failed.*/\2/')
    f=$(echo "$line" | sed -E 's/^(.*[^0-9])?([0-9]+) passed, ([0-9]+) failed.*/\3/')
    if [ -z "$line" ]; then p=0; f=1; echo "  (the suite printed no summary: counted as a failure)"
    elif [ "$2" != 0 ] && [ "$f" = 0 ]; then f=1; echo "  (the suite exited with status $2 and counted no failure: counted as a failure)"; fi
    PASS=$((PASS + p))
    FAIL=$((FAIL + f))
    # what the suite left out, saying so on a line of its own ("skip ...", "skip: ..."), is named
    # in the run's last lines: a skipped check never hides behind "0 failed"
    while IFS= read -r sk; do
        SKIP=$((SKIP + 1)); SKIPPED="$SKIPPED   ${3:-suite}: $sk"$'\n'
    done < <(grep -E '^skip[: ]' "$1")
}
skipnote() {   # a suite left out before it ran: skipnote HEADING REASON
    note "$1"$'\n'"skip: $2"
    SKIP=$((SKIP + 1)); SKIPPED="$SKIPPED   $B: $2"$'\n'
}

# the suites' commands, run in the background with stdout and stderr in their log
units_job() {   # the PETRARCH unit tests with their dictionaries imported: units_job BUILD
    UD=$(mktemp -d "$D/units.XXXXXX")
    "$1/dyad" dict import --from petrarch ../shared/conformance/petrarch2-validation-dictionaries --out "$UD/dict" --dict dict > /dev/null 2>&1
    "$1/test_expect" "$1/dyad" --petrarch-units ../shared/conformance/petrarch2-validation.tsv "$UD/dict" "${UNITS_MIN_P:-0.89}" "${UNITS_MIN_R:-0.76}"
    rc=$?
    rm -rf "$UD"
    return $rc
}
gsr_job() {   # scored by PETRARCH's conventions; dyad's own convention printed for information
    "$1/test_expect" "$1/dyad" --gsr ../shared/conformance/petrarch2-gsr-validation.tsv "${GSR_MIN_P:-0.84}" "${GSR_MIN_R:-0.73}" --convention petrarch
    rc=$?
    "$1/test_expect" "$1/dyad" --gsr ../shared/conformance/petrarch2-gsr-validation.tsv 0 0 --convention dyad 2>&1 | grep -E '^gsr:' | sed 's/^/info: /'
    return $rc
}
cameo_job() {   # every code of the published table is in dict/cameo.txt with the same weight, and no other
    awk -F '\t' 'FNR == NR { if ($1 ~ /^[0-9]/) ref[$1] = $2; next }
                  /^[0-9]/ { ours[$1] = $2 }
                  END { p = 0; f = 0
                        for (k in ref) if ((k in ours) && ours[k] + 0 == ref[k] + 0) p++; else { f++; print "FAIL cameo " k " " ours[k] " != " ref[k] }
                        for (k in ours) if (!(k in ref)) { f++; print "FAIL cameo " k " is not in the reference" }
                        printf "cameo: %d passed, %d failed\n", p, f }' \
        ../shared/reference/cameo-goldstein.tsv dict/cameo.txt
}

FACTS_F="grep -E '^(facts: overall|FAIL|ok)' \"\$LOG\""
held_out() {   # an annotated set of tests/ against its floors: held_out SET MIN_P MIN_R
    NAME=$1 suite "$HO_HDR" "grep -E '^(total|ok|FAIL)' \"\$LOG\" | sed 's/^/$1: /'" 3 "" \
        "$B/test_devset" "$B/dyad" "tests/$1" "$2" "$3"
    HO_HDR=""
}

FIRST=$1
WRAP=""
if [ "${VALGRIND:-0}" = 1 ]; then
    WRAP="env DYAD_VALGRIND=1 valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite"
fi
for B in "$@"; do
    note "== $B"
    NAME=unit suite "-- unit tests ($B/test_unit)" "grep -E 'FAIL|failed:|Failures: [1-9]|Errors: [1-9]|^unit:' \"\$LOG\" | head -n 40" 10 "" \
        env CK_FORK=no $WRAP "$B/test_unit"
    NAME=golden suite "-- golden tests (tests/golden)" "grep -E '^(FAIL|golden:)' \"\$LOG\"; grep -A 30 '^FAIL' \"\$LOG\" | grep -E '^[-+<>@ ]' | head -n 60" 40 "" \
        env DYAD="$WRAP $PWD/$B/dyad" sh tests/golden.sh
    EXP=(tests/corpus/*.expect)
    [ -d tests/seeds ] && EXP+=(tests/seeds/*.expect)
    NAME=expect suite "-- expectations (tests/corpus, seeds)" "grep -E '^(FAIL|skip|expect:|     )' \"\$LOG\" | head -n 120" 10 "" \
        "$B/test_expect" "$B/dyad" "${EXP[@]}"
    NAME=facts suite "-- facts against tests/facts (per-kind precision and recall)" "grep -E '^(facts|FAIL|ok)' \"\$LOG\"" 15 "" \
        "$B/test_expect" "$B/dyad" --facts tests/facts "${FACTS_MIN_P:-0.85}" "${FACTS_MIN_R:-0.70}"
    for s in facts-holdout facts-holdout2 facts-holdout3; do
        NAME=$s suite "" "$FACTS_F" 8 "" "$B/test_expect" "$B/dyad" --facts tests/$s "${FACTS_MIN_P:-0.85}" "${FACTS_MIN_R:-0.70}"
    done
    # held-out set 4: first run P 0.85 R 0.70; floors a little below its figure after the rules it showed (1.00 / 0.94)
    NAME=facts-holdout4 suite "" "$FACTS_F" 8 "" "$B/test_expect" "$B/dyad" --facts tests/facts-holdout4 "${FACTS4_MIN_P:-0.90}" "${FACTS4_MIN_R:-0.85}"
    # held-out set 5: first run P 0.85 R 0.72; floors a little below its figure after the rules it showed (1.00 / 0.91)
    NAME=facts-holdout5 suite "" "$FACTS_F" 8 "" "$B/test_expect" "$B/dyad" --facts tests/facts-holdout5 "${FACTS5_MIN_P:-0.92}" "${FACTS5_MIN_R:-0.82}"

    NAME=store suite "-- corpus store (tests/store)" "grep -E '^(FAIL|store:|     |skip)' \"\$LOG\"" 60 "" \
        sh tests/store/run.sh "$PWD/$B/dyad"
    NAME=shard suite "-- shards (tests/shard: --shard K/N parts put together are one run; contrib/slurm's scripts)" "grep -E '^(FAIL|shard:|     |skip)' \"\$LOG\"" 30 "" \
        sh tests/shard/run.sh "$PWD/$B/dyad"
    NAME=serve suite "-- HTTP server (tests/serve)" "grep -E '^(FAIL|serve:|     )' \"\$LOG\"" 30 "" \
        bash tests/serve/run.sh "$PWD/$B/dyad"
    NAME=hostile suite "-- hostile input (tests/hostile)" "grep -E '^(FAIL|hostile:)' \"\$LOG\"" 120 "" \
        bash tests/hostile/run.sh "$PWD/$B/dyad"

    if [ "$B" = "$FIRST" ] && [ -z "$WRAP" ]; then
        # one suite a harness, so that they spread over the slots; each runs its full time
        FH="-- fuzzing, ${FUZZ_SECONDS:-60} s a harness (tests/fuzz)"
        for h in code jsonl dict dates api; do
            NAME=fuzz-$h suite "$FH" "grep -E '^(ok|FAIL|fuzz:)' \"\$LOG\"" "${FUZZ_SECONDS:-60}" "" \
                bash tests/fuzz/run.sh "${FUZZ_SECONDS:-60}" $h
            FH=""
        done
        # the suites that may install Debian packages (apt's lock) run one at a time: class apt
        NAME=pg suite "-- the PostgreSQL store against SQLite (tests/pg; skips without postgresql)" "grep -E '^(FAIL|pg:|skip|     )' \"\$LOG\"" 60 apt \
            timeout 600 bash tests/pg/run.sh "$PWD/$B/dyad"
        NAME=slurm suite "-- a one-node Slurm cluster runs contrib/slurm's array job (tests/slurm; skips without root or slurm-wlm)" "grep -E '^(FAIL|slurm:|skip|     )' \"\$LOG\"" 60 apt \
            timeout 600 bash tests/slurm/run.sh "$PWD/$B/dyad"
        NAME=e2e suite "-- dashboard in headless Chromium (tests/e2e)" "grep -E '^(FAIL|e2e:|     )' \"\$LOG\"" 20 apt \
            env DYAD="$PWD/$B/dyad" bash tests/e2e/run.sh
        # a million generated events: about 60 s (25 s to make the store); DYAD_SCALE_TEST=0 skips it
        if [ "${DYAD_SCALE_TEST:-1}" != 0 ]; then
            NAME=e2e-scale suite "-- dashboard on a million events (tests/e2e/run.sh scale; DYAD_SCALE_TEST=0 skips it)" "grep -E '^(FAIL|e2e:|     )' \"\$LOG\"" 60 apt \
                env DYAD="$PWD/$B/dyad" bash tests/e2e/run.sh scale
        fi
    fi

    if [ -f ../shared/reference/cameo-goldstein.tsv ]; then
        NAME=cameo suite "-- CAMEO codes and Goldstein weights against ../shared/reference" "grep -E '^(FAIL|cameo:)' \"\$LOG\" | head -n 20" 1 "" cameo_job
    fi

    NAME=codebook suite "-- codebook sentences (tests/codebook: 392 short sentences over every CAMEO root)" "grep -E '^(codebook|ok|FAIL|expect:)' \"\$LOG\"" 3 "" \
        "$B/test_expect" "$B/dyad" --codebook tests/codebook/sentences.tsv "${CODEBOOK_MIN_P:-0.88}" "${CODEBOOK_MIN_R:-0.85}"
    NAME=unseen2 suite "-- unseen codebook sentences (tests/codebook/unseen2.tsv: 80, four a CAMEO root; first run P 0.90 R 0.79)" "grep -E '^(codebook|ok|FAIL|expect:)' \"\$LOG\"" 2 "" \
        "$B/test_expect" "$B/dyad" --codebook tests/codebook/unseen2.tsv "${UNSEEN2_MIN_P:-0.88}" "${UNSEEN2_MIN_R:-0.85}"
    HO_HDR="-- our annotated sets (tests/world 30 stories, tests/holdout 25, tests/holdout3, holdout4 and holdout5 14 each, holdout6 10, holdout7 14, holdout8 12, holdout9, holdout10, holdout11, holdout13, holdout14, holdout15, holdout16, holdout17, holdout18, holdout19 and holdout20 16 each, holdout12 14)"
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
    # holdout17 (16 blind stories of stop 28, first run P 0.78 R 0.50; tuned in stop 29 to P 0.91 R 0.63): floors a bit below
    held_out holdout17 "${H17_MIN_P:-0.85}" "${H17_MIN_R:-0.57}"
    # holdout18 (16 blind stories of stop 29: P 0.83 R 0.48 at its start, P 0.81 R 0.48 after its
    # first round of rules; then released and tuned in halves, acc21a and acc21b: P 0.94 R 0.62): floors a bit below
    # holdout18 merged with stop 30's rules (eval21, target21, breadth21/22, parties21): P 0.94 R 0.70
    held_out holdout18 "${H18_MIN_P:-0.89}" "${H18_MIN_R:-0.64}"
    # holdout19 (16 blind stories of stop 30: P 0.80 R 0.50 at its start, P 0.77 R 0.52 after all the
    # stop's rules; released then, four false-event causes fixed: P 0.82 R 0.52): floors a bit below
    # holdout19 tuned at stop 31 (domestic22, igo22, evalcall22, offer22, the lead): P 0.90 R 0.70
    held_out holdout19 "${H19_MIN_P:-0.85}" "${H19_MIN_R:-0.64}"
    # holdout20 (16 blind stories of stop 31: P 0.70 R 0.52 at its start, P 0.71 R 0.53 after all the
    # stop's rules; released then, eleven causes fixed: P 0.79 R 0.56): floors a bit below
    held_out holdout20 "${H20_MIN_P:-0.74}" "${H20_MIN_R:-0.51}"
    if [ -f ../shared/devset/gold.tsv ]; then
        NAME=devset suite "-- dev set (../shared/devset: 12 wire stories with gold events)" "grep -E '^(total|ok|FAIL|devset:)' \"\$LOG\"" 3 "" \
            "$B/test_devset" "$B/dyad" ../shared/devset "${DEVSET_MIN_P:-0.90}" "${DEVSET_MIN_R:-0.80}"
    else
        skipnote "-- dev set (../shared/devset: 12 wire stories with gold events)" "the dev set: ../shared/devset is absent"
    fi

    if [ -f ../shared/conformance/petrarch2-gsr-validation.tsv ]; then
        # scored as the records were coded, by PETRARCH's conventions (--convention petrarch,
        # docs/coding.md; P 0.87 R 0.76 F1 0.81); dyad's own convention printed for information
        NAME=gsr suite "-- PETRARCH2 GSR agreement (--convention petrarch)" "grep -E '^(gsr|FAIL|ok|info: gsr)' \"\$LOG\"" 10 "" gsr_job "$B"
    else
        skipnote "-- PETRARCH2 GSR agreement" "the GSR: ../shared/conformance is absent"
    fi

    if [ -f ../shared/conformance/petrarch2-validation.tsv ]; then
        NAME=units suite "-- PETRARCH unit tests, with their dictionaries imported by dyad dict import" "grep -E '^(units|FAIL|ok)' \"\$LOG\"" 10 "" units_job "$B"
    else
        skipnote "-- PETRARCH unit tests" "PETRARCH's unit tests: ../shared/conformance is absent"
    fi
done
# Once more the unit and golden tests under valgrind: no leaks, no invalid reads.
if [ "${VALGRIND_PASS:-0}" = 1 ] && command -v valgrind > /dev/null 2>&1; then
    VG="env DYAD_VALGRIND=1 valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite"
    B="$FIRST valgrind"
    note "== $FIRST under valgrind"
    # shellcheck disable=SC2086
    NAME=unit suite "-- unit tests" "grep -E 'FAIL|failed:|^unit:|==[0-9]+==' \"\$LOG\" | head -n 40" 90 "" \
        env CK_FORK=no $VG "$FIRST/test_unit"
    # the slowest suite of all, in two parts that can run side by side
    GH="-- golden tests"
    for part in 1/2 2/2; do
        NAME=golden-${part%/*} suite "$GH" "grep -E '^(FAIL|golden:)' \"\$LOG\"" 100 "" \
            env GOLDEN_PART=$part DYAD="$VG $PWD/$FIRST/dyad" sh tests/golden.sh
        GH=""
    done
elif [ "${VALGRIND_PASS:-0}" = 1 ]; then
    B="$FIRST valgrind"
    skipnote "== $FIRST under valgrind" "the valgrind pass: valgrind is not installed"
fi

# Run the queue: one slot takes the suites in the report's order (so that the report flows),
# the others the costliest waiting ones (so that the long ones do not end the run alone), each
# when its class is free; print what has ended, in order; wait for a suite to end.
if [ -n "${TEST_ONLY:-}" ]; then   # TEST_ONLY=REGEX: only the suites whose label ("BUILD NAME") matches
    for i in $(seq "$N"); do
        [ -z "${NOTE[i]}" ] && ! [[ ${LABEL[i]} =~ $TEST_ONLY ]] && NOTE[i]="(${LABEL[i]} left out: TEST_ONLY)"
    done
fi
ORDER=$(for i in $(seq "$N"); do [ -z "${NOTE[i]}" ] && echo "${W[i]} $i"; done | sort -k1,1nr -k2,2n | awk '{print $2}')
INORDER=$(for i in $(seq "$N"); do [ -z "${NOTE[i]}" ] && echo "$i"; done)
HEAD=""   # the suite the in-order slot runs
# each suite that ends writes a line to the pipe $D/ended, which the loop reads (never blocking:
# it holds both ends); the wait is bounded all the same
mkfifo "$D/ended" || exit 2
exec 9<> "$D/ended"
start() {
    i=$1
    STARTED[i]=1
    ( LOG=$D/$i.log; s=$(date +%s)
      eval "${CMD[i]}" > "$LOG" 2>&1 < /dev/null 9>&-; rc=$?
      echo "$rc $(( $(date +%s) - s ))" > "$D/$i.tmp" && mv "$D/$i.tmp" "$D/$i.done"
      echo "$i" >&9 ) &
}
busy() {   # busy CLASS: a suite of the class has started and not ended
    for j in $(seq "$N"); do
        [ -n "${STARTED[j]:-}" ] && [ ! -f "$D/$j.done" ] && [ "${X[j]}" = "$1" ] && return 0
    done
    return 1
}
SLOW=""
next=1
while [ "$next" -le "$N" ]; do
    running=0
    for i in $ORDER; do [ -n "${STARTED[i]:-}" ] && [ ! -f "$D/$i.done" ] && running=$((running + 1)); done
    if [ -z "$HEAD" ] || [ -f "$D/$HEAD.done" ]; then
        for i in $INORDER; do
            [ "$running" -lt "$JOBS" ] || break
            [ -n "${STARTED[i]:-}" ] && continue
            [ -n "${X[i]}" ] && busy "${X[i]}" && continue
            start "$i"
            HEAD=$i
            running=$((running + 1))
            break
        done
    fi
    for i in $ORDER; do
        [ "$running" -lt "$JOBS" ] || break
        [ -n "${STARTED[i]:-}" ] && continue
        [ -n "${X[i]}" ] && busy "${X[i]}" && continue
        start "$i"
        running=$((running + 1))
    done
    while [ "$next" -le "$N" ]; do
        if [ -n "${NOTE[next]}" ]; then echo "${NOTE[next]}"; next=$((next + 1)); continue; fi
        [ -f "$D/$next.done" ] || break
        read -r rc secs < "$D/$next.done"
        [ -n "${HDR[next]}" ] && echo "${HDR[next]}"
        LOG=$D/$next.log
        eval "${FLT[next]}"
        count "$D/$next.log" "$rc" "${LABEL[next]}"
        echo "   time: $secs s"
        SLOW="$SLOW$secs ${LABEL[next]}"$'\n'
        rm -f "$D/$next.log"
        next=$((next + 1))
    done
    [ "$next" -le "$N" ] && read -r -t 10 _ <&9
done
wait
exec 9>&-
echo "slowest suites (seconds; $JOBS at a time, $(( $(date +%s) - T0 )) s in all):"
printf '%s' "$SLOW" | sort -k1,1nr | head -n 12 | sed 's/^/   /'
if [ "$SKIP" -gt 0 ]; then echo "skipped:"; printf '%s' "$SKIPPED"; fi
echo "$PASS passed, $FAIL failed, $SKIP skipped"
[ "$FAIL" -eq 0 ]
