# selftest.sh — harness self-checks (run-e2e.sh --selftest): hand-written units under selftest/
# prove the mechanics the product checks rely on (seconds-level timers with AccuracySec=1s,
# Persistent= catch-up, SIGTERM on stop, enable state, byte-exact argv, security scoring), so a
# failing product check points at the product, not at the harness or the machine.

SELFTEST_CHECKS=(
    "st_timer_fires|a 3 s timer fires repeatedly; list-timers shows the elapse systemd-analyze calendar predicts"
    "st_persistent_catch_up|Persistent=true catches up one missed elapse, Persistent=false does not"
    "st_stop_forwards_sigterm|systemctl stop sends SIGTERM and the cgroup's grandchild is gone"
    "st_enable_and_remove|an unenabled timer stays inactive; a removed timer is gone after daemon-reload"
    "st_escaping_round_trip|hand-escaped hostile argv/env/description arrive byte for byte"
    "st_security_profiles|verify is silent; strict profile <= 3.0, standard < 5.0, the JVM runs under both"
)

ST_UNITS=$BOX_E2E/selftest

# Copies the named selftest units into /etc/systemd/system and reloads.
st_install() {
    in_sh 'd=$1; shift; for u; do cp "$d/$u" /etc/systemd/system/; done; systemctl daemon-reload' "$ST_UNITS" "$@" \
        || fail "could not install $*"
}

# The run times (epoch seconds, fractional) a selftest unit logged.
st_runs() { in_sh 'cat /run/e2e/$1.log 2>/dev/null || true' "$1"; }

st_timer_fires() {
    watch e2e-tick.service e2e-tick.timer
    st_install e2e-tick.service e2e-tick.timer e2e-daily.service e2e-daily.timer
    in_box systemctl start e2e-tick.timer e2e-daily.timer || fail "timers did not start"
    wait_until 15 "three runs of e2e-tick" '[[ $(wc -l </run/e2e/e2e-tick.log) -ge 3 ]]'
    expect_run_spacing "$(st_runs e2e-tick)" 3
    local cal="Mon..Fri *-*-* 04:05:06 Europe/Berlin" predicted
    # "(in UTC): ..." follows "Next elapse: ..." only when the local zone is not UTC
    predicted=$(in_box systemd-analyze calendar --iterations=1 "$cal" \
        | awk -F': ' '/Next elapse:/ { n = $2 } /\(in UTC\):/ { n = $2 } END { print n }')
    [[ -n $predicted ]] || fail "systemd-analyze calendar printed no elapse for '$cal'"
    expect_next_elapse e2e-daily.timer "$(epoch_of "$predicted")"
}

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

st_persistent_catch_up() {
    watch e2e-persist.timer e2e-persist.service e2e-nocatch.timer e2e-nocatch.service
    st_install e2e-persist.service e2e-persist.timer e2e-nocatch.service e2e-nocatch.timer
    expect_catch_up e2e-persist e2e-nocatch 6
}

# Starts both timers (schedule every PERIOD s), waits for a first run, stops them across the next
# elapse and starts them again: CATCHER must run once at once, CONTROL must not.
expect_catch_up() {
    local catcher=$1 control=$2 period=$3
    in_box systemctl start "$catcher.timer" "$control.timer" || fail "timers did not start"
    wait_until $((period + 3)) "first run of both" \
        "[[ -s /run/e2e/$catcher.log && -s /run/e2e/$control.log ]]"
    in_box systemctl stop "$catcher.timer" "$control.timer"
    local first
    first=$(st_runs "$catcher" | head -n1)
    # sleep past the next elapse, then start again well before the one after it
    sleep "$(awk -v f="$first" -v p="$period" -v now="$(date +%s.%N)" 'BEGIN { s = f + p + 1 - now; print (s > 0 ? s : 0) }')"
    in_box systemctl start "$catcher.timer" "$control.timer"
    sleep 2.5
    expect_eq "runs of $catcher (Persistent=true) after the restart" 2 "$(count_lines /run/e2e/$catcher.log)"
    expect_eq "runs of $control (Persistent=false) after the restart" 1 "$(count_lines /run/e2e/$control.log)"
}

st_stop_forwards_sigterm() {
    watch e2e-term.service
    st_install e2e-term.service
    in_box systemctl start --no-block e2e-term.service
    wait_until 10 "the grandchild to start" '[[ -s /run/e2e/gc.pid ]]'
    local gc
    gc=$(in_box cat /run/e2e/gc.pid)
    in_box systemctl stop e2e-term.service
    expect_eq "what the job recorded" TERM "$(in_box cat /run/e2e/term.log 2>/dev/null)"
    if in_box kill -0 "$gc" 2>/dev/null; then fail "grandchild $gc survived the stop"; fi
}

st_enable_and_remove() {
    watch e2e-on.timer e2e-off.timer
    st_install e2e-on.service e2e-on.timer e2e-off.service e2e-off.timer
    in_box systemctl enable --now e2e-on.timer >/dev/null 2>&1 || fail "could not enable e2e-on.timer"
    in_box systemctl daemon-reload
    expect_eq "is-enabled e2e-off.timer" disabled "$(in_box systemctl is-enabled e2e-off.timer)"
    expect_eq "is-active e2e-off.timer" inactive "$(in_box systemctl is-active e2e-off.timer)"
    expect_eq "is-active e2e-on.timer" active "$(in_box systemctl is-active e2e-on.timer)"
    in_sh 'systemctl disable --now e2e-on.timer 2>/dev/null; rm /etc/systemd/system/e2e-on.*; systemctl daemon-reload'
    expect_eq "LoadState of the removed timer" not-found "$(unit_prop e2e-on.timer LoadState)"
}

# systemd quoting of one word for ExecStart= ($=1) or Environment= ($=0): double quotes, C escapes
# for \ and ", %% for specifiers, $$ where ExecStart= would expand variables.
st_quote() {
    local v=$1 exec=$2
    v=${v//\\/\\\\}
    v=${v//\"/\\\"}
    v=${v//%/%%}
    v=${v//$'\t'/\\t}
    ((exec)) && v=${v//\$/\$\$}
    printf '"%s"' "$v"
}

st_escaping_round_trip() {
    # shellcheck source=hostile.sh
    source "$E2E_DIR/hostile.sh"
    watch e2e-argv.service
    local i exec_line="ExecStart=$BOX_E2E/dump-argv.sh" env_lines="" desc
    for i in "${!HOSTILE[@]}"; do
        exec_line+=" $(st_quote "${HOSTILE[$i]}" 1)"
        env_lines+="Environment=$(st_quote "$(hostile_env_name "$i")=${HOSTILE[$i]}" 0)"$'\n'
    done
    desc=${HOSTILE_DESCRIPTION//%/%%}
    printf '[Unit]\nDescription=%s\n\n[Service]\nType=oneshot\nEnvironment=E2E_DUMP_DIR=/run/e2e/argv\n%s%s\n' \
        "$desc" "$env_lines" "$exec_line" | put_stdin /etc/systemd/system/e2e-argv.service
    in_box systemctl daemon-reload
    in_box systemctl start e2e-argv.service || fail "e2e-argv.service failed"
    expect_dump /run/e2e/argv
    expect_eq "Description" "$HOSTILE_DESCRIPTION" "$(unit_prop e2e-argv.service Description)"
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

st_security_profiles() {
    local p body='[Unit]\nDescription=e2e %s profile\n\n[Service]\nType=oneshot\nStateDirectory=jobgen/e2e-%s\nExecStart=/bin/sh -c "java -version && echo ok >$$STATE_DIRECTORY/x"\n'
    in_box mkdir -p /run/lock/jobgen
    for p in standard strict; do
        watch "e2e-$p.service"
        # shellcheck disable=SC2059
        { printf "$body" "$p" "$p"; grep -v '^#' "$E2E_DIR/selftest/profile-$p.conf"; } \
            | put_stdin "/etc/systemd/system/e2e-$p.service"
    done
    in_box systemctl daemon-reload
    expect_security /etc/systemd/system/e2e-strict.service 3.0 /etc/systemd/system/e2e-standard.service 5.0
    for p in standard strict; do
        in_box systemctl start "e2e-$p.service" || fail "the JVM did not run under the $p profile"
    done
}

# expect_security STRICT_FILE STRICT_MAX STANDARD_FILE STANDARD_LIMIT: systemd-analyze verify is
# silent on both; scores strict <= STRICT_MAX, standard < STANDARD_LIMIT.
expect_security() {
    local strict=$1 smax=$2 standard=$3 slimit=$4 out s1 s2
    out=$(in_box systemd-analyze verify "$strict" "$standard" 2>&1)
    [[ -z $out ]] || fail "systemd-analyze verify said: $out"
    s1=$(security_score "$strict")
    s2=$(security_score "$standard")
    note "security scores: strict $s1, standard $s2"
    [[ -n $s1 ]] && num_le "$s1" "$smax" || fail "strict scored '$s1' (must be <= $smax)"
    [[ -n $s2 ]] && num_lt "$s2" "$slimit" || fail "standard scored '$s2' (must be < $slimit)"
}
