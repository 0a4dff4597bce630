# selftest.sh — harness self-checks (run-e2e.sh --selftest): hand-written units under selftest/
# prove the mechanics the product checks rely on (seconds-level timers with AccuracySec=1s,
# Persistent= catch-up, SIGTERM on stop, enable state, byte-exact argv, security scoring), so a
# failing product check points at the product, not at the harness or the machine.

SELFTEST_CHECKS=(
    "st_timer_fires||a 3 s timer fires repeatedly; list-timers shows the elapse systemd-analyze calendar predicts"
    "st_persistent_catch_up||Persistent=true runs exactly once after missing two elapses"
    "st_stop_forwards_sigterm||systemctl stop sends SIGTERM and the cgroup's grandchild is gone"
    "st_enable_and_remove||an unenabled timer stays inactive; a removed timer is gone after daemon-reload"
    "st_escaping_round_trip||hand-escaped hostile argv/env/description arrive byte for byte"
    "st_security_profiles||verify is silent; strict profile <= 3.0, standard < 5.0, the JVM runs under both"
)

ST_UNITS=$BOX_E2E/selftest

# Copies the named selftest units into /etc/systemd/system and reloads.
st_install() {
    in_sh 'd=$1; shift; for u; do cp "$d/$u" /etc/systemd/system/; done; systemctl daemon-reload' "$ST_UNITS" "$@" \
        || fail "could not install $*"
}

st_timer_fires() {
    watch e2e-tick.service e2e-tick.timer
    st_install e2e-tick.service e2e-tick.timer e2e-daily.service e2e-daily.timer
    in_box systemctl start e2e-tick.timer e2e-daily.timer || fail "timers did not start"
    wait_until 15 "three runs of e2e-tick" '[[ $(wc -l </run/e2e/e2e-tick.log) -ge 3 ]]'
    expect_run_spacing "$(runs_of e2e-tick)" 3
    local cal="Mon..Fri *-*-* 04:05:06 Europe/Berlin" predicted
    # "(in UTC): ..." follows "Next elapse: ..." only when the local zone is not UTC
    predicted=$(in_box systemd-analyze calendar --iterations=1 "$cal" \
        | awk -F': ' '/Next elapse:/ { n = $2 } /\(in UTC\):/ { n = $2 } END { print n }')
    [[ -n $predicted ]] || fail "systemd-analyze calendar printed no elapse for '$cal'"
    expect_next_elapse e2e-daily.timer "$(epoch_of "$predicted")"
}

st_persistent_catch_up() {
    watch e2e-persist.timer e2e-persist.service e2e-nocatch.timer e2e-nocatch.service
    st_install e2e-persist.service e2e-persist.timer e2e-nocatch.service e2e-nocatch.timer
    expect_catch_up e2e-persist e2e-nocatch 6
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
    watch e2e-argv.service
    local i exec_line="ExecStart=$BOX_E2E/dump-argv.sh" env_lines="" benign_exec benign_env=""
    benign_exec=$exec_line
    for i in "${!HOSTILE[@]}"; do
        exec_line+=" $(st_quote "${HOSTILE[$i]}" 1)"
        env_lines+="Environment=$(st_quote "$(hostile_env_name "$i")=${HOSTILE[$i]}" 0)"$'\n'
        benign_exec+=" x"
        benign_env+="Environment=$(hostile_env_name "$i")=x"$'\n'
    done
    st_service "${HOSTILE_DESCRIPTION//%/%%}" "$env_lines" "$exec_line" | put_stdin /etc/systemd/system/e2e-argv.service
    st_service benign "$benign_env" "$benign_exec" | put_stdin /etc/systemd/system/e2e-benign.service
    in_box systemctl daemon-reload
    expect_same_directives e2e-argv.service e2e-benign.service
    in_box systemctl start e2e-argv.service || fail "e2e-argv.service failed"
    expect_dump /run/e2e/argv
    expect_eq "Description" "$HOSTILE_DESCRIPTION" "$(unit_prop e2e-argv.service Description)"
}

# A oneshot unit: st_service DESCRIPTION ENVIRONMENT-LINES EXECSTART-LINE.
st_service() {
    printf '[Unit]\nDescription=%s\n\n[Service]\nType=oneshot\nEnvironment=E2E_DUMP_DIR=/run/e2e/argv\n%s%s\n' "$1" "$2" "$3"
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
