# lib.sh — helpers shared by the end-to-end checks (sourced by run-e2e.sh; not executable).
#
# Every check runs in a subshell of its own, on a freshly booted sandbox. Inside a check:
#   in_box CMD...          run CMD in the container (status passed through)
#   in_sh 'SCRIPT' [ARG..] run a bash script in the container
#   watch UNIT...          these units' journals are printed if the check fails
#   fail MSG / skip REASON end the check (exit 1 / exit 77)
#   wait_until SECS DESC 'SCRIPT'   poll a container script until it succeeds, or fail

SKIP_STATUS=77

# Suite-level endings, for the scripts that source this file ($SUITE names the suite in messages;
# they count PASSED, FAILED and SKIPPED).
summary_and_exit() {
    echo "$PASSED passed, $FAILED failed, $SKIPPED skipped"
    ((FAILED == 0))
    exit $?
}

skip_suite() {
    echo "$SUITE: skipped: $*"
    SKIPPED=1
    summary_and_exit
}

die() {
    echo "$SUITE: error: $*" >&2
    FAILED=1
    summary_and_exit
}

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

# The heaviest exposures systemd-analyze security finds in a unit file, for a failure message.
exposures() {
    echo "heaviest exposures:"
    in_box systemd-analyze security --offline=yes --no-pager "$1" 2>&1 | grep '✗' \
        | awk '{ w = $NF; $1 = ""; $NF = ""; print w "\t" $2 }' | sort -rn | head -n 10 | sed 's/^/      /'
}

# True if $1 <= $2 (decimal numbers).
num_le() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a + 0 <= b + 0) }'; }
num_lt() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a + 0 < b + 0) }'; }

# ---------------------------------------------------------------------------------------------
# expectations shared by the product checks and the selftests

# The run times (epoch seconds, fractional) a unit logged to /run/e2e/UNIT.log.
runs_of() { in_sh 'cat /run/e2e/$1.log 2>/dev/null || true' "$1"; }

# Fails unless consecutive run times (one per line) are PERIOD seconds apart, within a second.
expect_run_spacing() {
    local runs=$1 period=$2
    awk -v p="$period" 'NR > 1 { d = $1 - prev; if (d < p - 1 || d > p + 1) { print d; bad = 1 } } { prev = $1 }
        END { exit bad }' <<<"$runs" >/dev/null || fail "runs are not ${period} s apart: $(tr '\n' ' ' <<<"$runs")"
    note "runs at $(tr '\n' ' ' <<<"$runs")"
}

# Fails unless the timer's next elapse (as `systemctl show` and `systemctl list-timers` report it)
# is the instant WANT (epoch seconds).
expect_next_elapse() {
    local timer=$1 want=$2 shown listed
    shown=$(epoch_of "$(unit_prop "$timer" NextElapseUSecRealtime)")
    expect_eq "$timer NextElapseUSecRealtime (epoch)" "$want" "$shown"
    listed=$(in_box systemctl list-timers --all --no-pager --no-legend "$timer" | awk '{ print $1, $2, $3, $4 }')
    expect_eq "$timer NEXT in list-timers (epoch)" "$want" "$(epoch_of "$listed")"
    note "$timer next elapse $listed"
}

# Starts both timers (schedule every PERIOD s), waits for a first run, stops them across the next
# two elapses and starts them again: CATCHER must run exactly once at once (before its next
# elapse), with its Persistent= stamp on disk. CONTROL (Persistent=no) is only reported: systemd
# 252 bases a restarted timer on its previous activation, so it may fire at once as well.
expect_catch_up() {
    local catcher=$1 control=$2 period=$3 first
    in_box systemctl start "$catcher.timer" "$control.timer" || fail "timers did not start"
    wait_until $((period + 3)) "first run of both" \
        "[[ -s /run/e2e/$catcher.log && -s /run/e2e/$control.log ]]"
    in_box systemctl stop "$catcher.timer" "$control.timer"
    first=$(runs_of "$catcher" | head -n1)
    sleep "$(awk -v f="$first" -v p="$period" -v now="$(date +%s.%N)" 'BEGIN { s = f + 2 * p + 1 - now; print (s > 0 ? s : 0) }')"
    in_box systemctl start "$catcher.timer" "$control.timer"
    sleep 2.5
    expect_eq "runs of $catcher (Persistent=yes) after missing two elapses" 2 "$(count_lines "/run/e2e/$catcher.log")"
    in_box test -e "/var/lib/systemd/timers/stamp-$catcher.timer" || fail "no Persistent= stamp for $catcher.timer"
    note "control $control (Persistent=no) ran $(($(count_lines "/run/e2e/$control.log") - 1)) time(s) after the restart"
}

# Compares the job's dump (argv, env under DIR) with the hostile values, byte for byte.
expect_dump() {
    local dir=$1 kind
    hostile_expected_argv >"$WORK/argv.want"
    hostile_expected_env >"$WORK/env.want"
    for kind in argv env; do
        in_box cat "$dir/$kind" >"$WORK/$kind.got" || fail "the job wrote no $kind dump"
        cmp -s "$WORK/$kind.want" "$WORK/$kind.got" || fail "$kind differs: $(first_difference "$WORK/$kind.want" "$WORK/$kind.got")"
    done
    note "argv ($(wc -c <"$WORK/argv.want") bytes) and env ($(wc -c <"$WORK/env.want") bytes) identical"
}

# The first NUL-separated element that differs, shown with cat -A.
first_difference() {
    diff <(tr '\0' '\n' <"$1" | cat -A) <(tr '\0' '\n' <"$2" | cat -A) | head -n 4 | cut -c1-200 | tr '\n' ' '
}

# expect_security STRICT_FILE STRICT_MAX STANDARD_FILE STANDARD_LIMIT: systemd-analyze verify is
# silent on both; scores strict <= STRICT_MAX, standard < STANDARD_LIMIT.
expect_security() {
    local strict=$1 smax=$2 standard=$3 slimit=$4 out s1 s2
    out=$(in_box systemd-analyze verify "$strict" "$standard" 2>&1)
    [[ -z $out ]] || fail "systemd-analyze verify said: $out"
    # `security --offline` (scoring a unit file that is not loaded) arrived in systemd 250. grep reads
    # a here-string, not a pipe: under pipefail, grep -q quitting early could fail the writer and so the test
    if ! grep -q -- '--offline' <<<"$(in_box systemd-analyze security --help 2>&1)"; then
        note "security scores: not measured: this systemd's systemd-analyze security has no --offline (250)"
        return 0
    fi
    s1=$(security_score "$strict")
    s2=$(security_score "$standard")
    note "security scores: strict $s1, standard $s2"
    [[ -n $s1 ]] && num_le "$s1" "$smax" || fail "strict scored '$s1' (must be <= $smax); $(exposures "$strict")"
    [[ -n $s2 ]] && num_lt "$s2" "$slimit" || fail "standard scored '$s2' (must be < $slimit); $(exposures "$standard")"
}

# Fails if the two units differ in any `systemctl show` property except those derived from the
# job's name, description, command and environment: a hostile value must not smuggle in a
# directive its benign twin does not have.
expect_same_directives() {
    local a=$1 b=$2 allowed diffs
    allowed='^(Id|Names|Description|ExecStart|ExecStartEx|Environment|StateDirectory|SyslogIdentifier|LogExtraFields|FragmentPath|SourcePath|Documentation|InvocationID|ControlGroup|Triggers|TriggeredBy|Unit|Before|After|Requires|Wants|WantedBy|RequiredBy|UnitFileState|UnitFilePreset|NextElapseUSecRealtime|NextElapseUSecMonotonic|RuntimeDirectory|LogNamespace)$'
    in_box systemctl show --all -- "$a" >"$WORK/props.a" || fail "systemctl show $a failed"
    in_box systemctl show --all -- "$b" >"$WORK/props.b" || fail "systemctl show $b failed"
    # runtime state (timestamps of loading and state changes) differs between any two units
    diffs=$(awk -F= -v allowed="$allowed" '
        { name = $1; value = substr($0, length(name) + 2) }
        FNR == NR { a[name] = value; next }
        { seen[name] = 1; if (!(name in a) || a[name] != value) print name }
        END { for (n in a) if (!(n in seen)) print n }' "$WORK/props.a" "$WORK/props.b" | grep -Ev "$allowed" | grep -v Timestamp | sort -u | tr '\n' ' ')
    [[ -z $diffs ]] || fail "$a and its benign twin $b differ in: $diffs"
    note "$a: no property beyond name, description, command and environment differs from $b"
}
