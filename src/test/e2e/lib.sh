# lib.sh — helpers shared by the end-to-end checks (sourced by run-e2e.sh; not executable).
#
# Every check runs in a subshell of its own, on a freshly booted sandbox. Inside a check:
#   in_box CMD...          run CMD in the container (status passed through)
#   in_sh 'SCRIPT' [ARG..] run a bash script in the container
#   watch UNIT...          these units' journals are printed if the check fails
#   fail MSG / skip REASON end the check (exit 1 / exit 77)
#   wait_until SECS DESC 'SCRIPT'   poll a container script until it succeeds, or fail

SKIP_STATUS=77

in_box() { "$SBX" exec -- "$@"; }

in_sh() {
    local script=$1
    shift
    "$SBX" exec -- /bin/bash -c "set -o pipefail; $script" e2e "$@"
}

watch() { printf '%s\n' "$@" >>"$WORK/watched"; }

note() { echo "    $*"; }

fail() {
    echo "    FAIL: $*"
    exit 1
}

skip() {
    printf '%s\n' "$*" >"$WORK/skip-reason"
    exit "$SKIP_STATUS"
}

# Polls SCRIPT inside the container every 0.2 s (one nsenter each) until it exits 0.
wait_until() {
    local secs=$1 desc=$2 script=$3 deadline
    deadline=$(($(date +%s) + secs))
    until in_sh "$script" >/dev/null 2>&1; do
        (($(date +%s) < deadline)) || fail "timed out after ${secs}s waiting for: $desc"
        sleep 0.2
    done
}

# Fails unless the two values are equal; the values are shown quoted so stray spaces are visible.
expect_eq() {
    local what=$1 want=$2 got=$3
    [[ $want == "$got" ]] || fail "$what: expected '$want', got '$got'"
}

# The property of a unit as `systemctl show -p P --value` prints it.
unit_prop() { in_box systemctl show -p "$2" --value -- "$1"; }

# Lines in a container file (0 when it does not exist).
count_lines() { in_sh 'if [[ -f $1 ]]; then wc -l <"$1"; else echo 0; fi' "$1" | tr -d ' '; }

# Copies a host file or directory into the container.
put() { "$SBX" cp "$1" "$2" >/dev/null; }

# Writes stdin to a container file.
put_stdin() { in_sh 'mkdir -p "$(dirname "$1")" && cat >"$1"' "$1"; }

# Epoch seconds of a timestamp as systemd prints it ("Mon 2026-11-23 10:46:52 UTC").
epoch_of() { in_box date -d "$1" +%s; }

# Overall exposure score of a unit file: the number of "Overall exposure level for X: 1.6 OK".
security_score() {
    in_box systemd-analyze security --offline=yes --no-pager "$1" 2>&1 \
        | sed -n 's/.*Overall exposure level for .*: \([0-9.]*\) .*/\1/p' | tail -n1
}

# True if $1 <= $2 (decimal numbers).
num_le() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a + 0 <= b + 0) }'; }
num_lt() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a + 0 < b + 0) }'; }
