# tests/lib.sh - what the shell suites (tests/*/run.sh) share. POSIX sh; each suite sources it
# first thing, before any cd:   . "$(dirname "$0")/../lib.sh"
# The counts are pass and fail; a suite ends with `summary NAME`, which prints the line
# "NAME: N passed, N failed" that tests/run.sh adds up, and fails when a check did.
pass=0
fail=0

# The first $CHECK_SHOW bytes of $1 (all of it when CHECK_SHOW is unset): long answers stay readable.
lib_show() {
    if [ -n "${CHECK_SHOW:-}" ]; then printf '%s' "$1" | head -c "$CHECK_SHOW"; else printf '%s' "$1"; fi
}

# check NAME EXPECTED ACTUAL: passes when the two strings are equal; a failure shows both.
check() {
    if [ "$2" = "$3" ]; then pass=$((pass + 1)); echo "ok   $1"; return 0; fi
    fail=$((fail + 1))
    echo "FAIL $1"
    echo "     expected: $(lib_show "$2")"
    echo "     got:      $(lib_show "$3")"
}

summary() {
    echo "$1: $pass passed, $fail failed"
    [ "$fail" -eq 0 ]
}
