# checks.sh — the product checks of issue 6 (sourced by run-e2e.sh), one function per item,
# each against the public contract (src/docs): catalogues under catalogues/, `jobgen install
# --root /`, `jobgen run` flags, runs.jsonl in /var/lib/jobgen/JOB. Each entry is
# "function|pieces it needs|what it proves"; a check whose piece is not in the jar yet skips and
# names the piece, without a boot.

PRODUCT_CHECKS=(
    "check_01a_timer_fires|render install|a seconds-level timer fires repeatedly"
    "check_01b_next_agrees|render next install|systemctl list-timers shows the next elapse jobgen next predicts (zoned schedule)"
    "check_02_persistent_catch_up|render install|catch-up: true runs exactly once after missing two elapses"
    "check_03_locks|render run install|a manual run during the timer's run is skipped-locked; a lock group serializes two jobs"
    "check_04_period_stamp|render run install|systemctl start twice in one period runs the job once"
    "check_05_timeout_and_stop|render run install|a timeout kills the grandchild; systemctl stop forwards SIGTERM, history says killed"
    "check_06a_heartbeats|render run install|healthchecks pings reach a loopback server in order, with the run id of the history"
    "check_06b_on_failure_notify|render run notify install|on-failure runs the notify template with the failed unit's name"
    "check_07_non_root_user|render run install|a User= job locks, stamps and writes history"
    "check_08_enabled_and_removed|install|enabled: false leaves the timer disabled; a removed job's timer goes away"
    "check_09_escaping_round_trip|render install run|hostile argv, environment and description arrive byte for byte, nothing injected"
    "check_10_verify_and_security|render|every rendered unit verifies silently; strict <= 3.0, standard < 5.0"
    "check_11_lean_runs|render run install|a lean run: no JVM while the command runs, flock held by the command and its grandchild, stamp skip, busy skips counted to a failure, stop and timeout end the whole cgroup"
)

CATS=$BOX_E2E/catalogues
PRODUCT_HAS=""
STATE=/var/lib/jobgen

# Which product pieces the jar has, probed once inside the first boot: render, install, next,
# notify, run.
probe_product() {
    PRODUCT_HAS=""
    in_box jobgen render "$CATS/timer.yaml" >/dev/null 2>&1 && PRODUCT_HAS+=" render"
    local cmd
    for cmd in install next notify; do has_command "$cmd" && PRODUCT_HAS+=" $cmd"; done
    in_sh 'jobgen run --job probe --state-dir /run/e2e-probe -- /bin/true && [[ -s /run/e2e-probe/runs.jsonl ]]' \
        >/dev/null 2>&1 && PRODUCT_HAS+=" run"
    PRODUCT_HAS=${PRODUCT_HAS# }
}

# True if the jar has the subcommand. `jobgen X --help` exits 0 even for an unknown X (the
# top-level --help wins), so read the usage; whole, since `grep -q` closing the pipe early would
# turn the status into SIGPIPE's under pipefail.
has_command() {
    local out
    out=$(in_box jobgen "$1" --help 2>&1)
    grep -q "^Usage: jobgen $1" <<<"$out"
}

# The pieces among PIECE... that the jar lacks, as "jobgen X, jobgen Y" (empty when none).
missing_pieces() {
    local p out=""
    for p in "$@"; do [[ " $PRODUCT_HAS " == *" $p "* ]] || out+="${out:+, }jobgen $p"; done
    echo "$out"
}

# Installs a catalogue (container path) with `jobgen install --root /`.
install_catalogue() {
    local cat=$1 out
    out=$(in_box jobgen install --root / "$cat" 2>&1) || fail "jobgen install $cat failed: $out"
}

# The outcomes in JOB's history, one per line, oldest first.
outcomes_of() {
    in_sh '[[ -f $1 ]] && grep -o "\"outcome\" *: *\"[^\"]*\"" "$1" | sed "s/.*\"\([^\"]*\)\"$/\1/"' "$STATE/$1/runs.jsonl"
}

# Field F (a JSON string) of the last history line of JOB.
last_history_field() {
    in_sh '[[ -f $1 ]] && tail -n1 "$1" | grep -o "\"$2\" *: *\"[^\"]*\"" | sed "s/.*\"\([^\"]*\)\"$/\1/"' \
        "$STATE/$1/runs.jsonl" "$2"
}

expect_outcomes() {
    local job=$1 want=$2 got
    got=$(outcomes_of "$job" | tr '\n' ' ')
    expect_eq "history outcomes of $job" "$want" "${got% }"
}

# ---------------------------------------------------------------------------------------------

check_01a_timer_fires() {
    watch jobgen-e2e-tick.service jobgen-e2e-tick.timer
    install_catalogue "$CATS/timer.yaml"
    wait_until 15 "three runs of e2e-tick" '[[ $(wc -l </run/e2e/jobgen-e2e-tick.log) -ge 3 ]]'
    expect_run_spacing "$(runs_of jobgen-e2e-tick)" 3
}

check_01b_next_agrees() {
    watch jobgen-e2e-weekday.timer
    install_catalogue "$CATS/timer.yaml"
    local out predicted
    out=$(in_box jobgen next "$CATS/timer.yaml" --job e2e-weekday --count 1 2>&1) || fail "jobgen next failed: $out"
    # the first instant in the output, ISO-8601 or systemd style, with its zone
    predicted=$(grep -oE '[0-9]{4}-[0-9]{2}-[0-9]{2}[ T][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?( ?(Z|[+-][0-9]{2}:?[0-9]{2}|[A-Z]{3,5}))?' \
        <<<"$out" | head -n1)
    [[ -n $predicted ]] || fail "no instant in the output of jobgen next: $out"
    expect_next_elapse jobgen-e2e-weekday.timer "$(epoch_of "$predicted")"
}

check_02_persistent_catch_up() {
    watch jobgen-e2e-persist.timer jobgen-e2e-persist.service jobgen-e2e-nocatch.timer jobgen-e2e-nocatch.service
    install_catalogue "$CATS/catch-up.yaml"
    expect_catch_up jobgen-e2e-persist jobgen-e2e-nocatch 6
}

check_03_locks() {
    watch jobgen-e2e-locked.service jobgen-e2e-group-a.service jobgen-e2e-group-b.service
    install_catalogue "$CATS/lock.yaml"
    wait_until 10 "the timer to start e2e-locked" '[[ -s /run/e2e/locked.started ]]'
    expect_eq "state of the timer-started run" activating "$(unit_prop jobgen-e2e-locked.service ActiveState)"
    local out
    out=$(in_box jobgen run --job e2e-locked --lock node --on-busy skip -- /bin/sh -c 'echo MANUAL-RAN >/run/e2e/manual' 2>&1) \
        || fail "the manual run exited non-zero: $out"
    in_box test ! -e /run/e2e/manual || fail "the manual run ran its command while the lock was held"
    expect_eq "outcome of the manual run" skipped-locked "$(last_history_field e2e-locked outcome)"

    in_box systemctl start --no-block jobgen-e2e-group-a.service jobgen-e2e-group-b.service
    wait_until 30 "both group jobs to finish" '[[ $(grep -c ^end /run/e2e/group.log) -eq 2 ]]'
    local order
    order=$(in_box sort -k2,2n /run/e2e/group.log | awk '{ printf "%s-%s ", $1, $3 }')
    note "lock group order: $order"
    [[ $order == "start-a end-a start-b end-b " || $order == "start-b end-b start-a end-a " ]] \
        || fail "the two jobs of lock group e2e-grp overlapped: $order"
}

check_04_period_stamp() {
    watch jobgen-e2e-stamped.service
    install_catalogue "$CATS/stamp.yaml"
    in_box systemctl start jobgen-e2e-stamped.service || fail "first start failed"
    in_box systemctl start jobgen-e2e-stamped.service || fail "second start failed"
    expect_eq "times the command ran" 1 "$(count_lines /run/e2e/stamped.log)"
    expect_outcomes e2e-stamped "success skipped-done"
}

check_05_timeout_and_stop() {
    watch jobgen-e2e-timeout.service jobgen-e2e-stoppable.service
    install_catalogue "$CATS/timeout.yaml"
    local gc
    in_box systemctl start --no-block jobgen-e2e-timeout.service
    wait_until 10 "attempt 1 to start its grandchild" "[[ -s $STATE/e2e-timeout/grandchild.1 ]]"
    gc=$(in_box cat "$STATE/e2e-timeout/grandchild.1")
    # the unit is still active (retry delay) when attempt 1's grandchild must already be gone,
    # so it is the runner's process-group kill, not systemd's cgroup cleanup, that ended it
    wait_until 8 "grandchild $gc of the timed-out attempt to die" "! kill -0 $gc"
    expect_eq "unit state after attempt 1 timed out" activating "$(unit_prop jobgen-e2e-timeout.service ActiveState)"
    wait_until 20 "e2e-timeout to finish" '[[ $(systemctl show -p ActiveState --value jobgen-e2e-timeout.service) != activating ]]'
    expect_outcomes e2e-timeout timeout

    in_box systemctl start --no-block jobgen-e2e-stoppable.service
    wait_until 10 "e2e-stoppable to start its command" "[[ -s $STATE/e2e-stoppable/up ]]"
    in_box systemctl stop jobgen-e2e-stoppable.service 2>/dev/null   # (warns that the timer can restart it)
    expect_eq "signal the command got" TERM "$(in_box cat "$STATE/e2e-stoppable/signal" 2>/dev/null)"
    expect_outcomes e2e-stoppable killed
}

check_06a_heartbeats() {
    watch jobgen-e2e-beat-ok.service jobgen-e2e-beat-fail.service e2e-heartbeat-server.service
    # the host JDK bound at /opt/jdk, else the container's own Java (bullseye: older glibc)
    local java
    java=$(in_sh 'if [[ -x /opt/jdk/bin/java ]]; then echo /opt/jdk/bin/java; else command -v java; fi')
    in_box systemd-run --quiet --unit=e2e-heartbeat-server "$java" "$BOX_E2E/HeartbeatRecorder.java" \
        18080 /run/e2e-heartbeats.log || fail "could not start the heartbeat server"
    wait_until 30 "the heartbeat server to listen" 'curl -sf http://127.0.0.1:18080/ready'
    install_catalogue "$CATS/heartbeat.yaml"
    in_box systemctl start jobgen-e2e-beat-ok.service || fail "e2e-beat-ok failed"
    in_box systemctl start jobgen-e2e-beat-fail.service 2>/dev/null && fail "e2e-beat-fail succeeded"
    local rid pings
    rid=$(last_history_field e2e-beat-ok run_id)
    pings=$(in_box grep -o '^[A-Z]* /hc/ok-check[^ ]*' /run/e2e-heartbeats.log | tr '\n' ' ')
    note "pings of e2e-beat-ok: $pings"
    [[ -n $rid && $pings == *"/hc/ok-check/start?rid=$rid "*"/hc/ok-check?rid=$rid "* ]] \
        || fail "e2e-beat-ok (run $rid): expected /start then success with rid=$rid, got: $pings"
    rid=$(last_history_field e2e-beat-fail run_id)
    pings=$(in_box grep -o '^[A-Z]* /hc/fail-check[^ ]*' /run/e2e-heartbeats.log | tr '\n' ' ')
    note "pings of e2e-beat-fail: $pings"
    [[ -n $rid && $pings =~ /hc/fail-check/start\?rid=$rid\ .*/hc/fail-check/(fail|3)\?rid=$rid\  ]] \
        || fail "e2e-beat-fail (run $rid): expected /start then /fail or /3 with rid=$rid, got: $pings"
}

check_06b_on_failure_notify() {
    watch jobgen-e2e-beat-fail.service 'jobgen-notify@*'
    install_catalogue "$CATS/heartbeat.yaml"
    in_box systemctl start jobgen-e2e-beat-fail.service 2>/dev/null && fail "e2e-beat-fail succeeded"
    wait_until 20 "the on-failure command" '[[ -s /run/e2e/notified ]]'
    local instance
    instance=$(in_box systemctl list-units --all --plain --no-legend 'jobgen-notify@*' | awk '{ print $1 }' | head -n1)
    expect_eq "notify instance" "jobgen-notify@jobgen-e2e-beat-fail.service.service" "$instance"
    in_box grep -q jobgen-e2e-beat-fail /run/e2e/notified || fail "the on-failure command was not told the unit name"
}

check_07_non_root_user() {
    watch jobgen-e2e-as-user.service
    in_box useradd --system --no-create-home --shell /usr/sbin/nologin e2eapp || fail "useradd failed"
    install_catalogue "$CATS/user.yaml"
    in_box systemctl start jobgen-e2e-as-user.service || fail "first run failed"
    in_box systemctl start jobgen-e2e-as-user.service || fail "second run failed"
    expect_eq "user the command ran as" e2eapp "$(in_box cat "$STATE/e2e-as-user/whoami")"
    expect_eq "owner of runs.jsonl" e2eapp "$(in_box stat -c %U "$STATE/e2e-as-user/runs.jsonl")"
    expect_outcomes e2e-as-user "success skipped-done"
}

check_08_enabled_and_removed() {
    watch jobgen-e2e-on.timer jobgen-e2e-off.timer jobgen-e2e-removed.timer
    in_sh 'mkdir -p /etc/jobgen && cp "$1" /etc/jobgen/e2e-enabled.yaml' "$CATS/enabled.yaml"
    install_catalogue /etc/jobgen/e2e-enabled.yaml
    expect_eq "is-enabled jobgen-e2e-on.timer" enabled "$(in_box systemctl is-enabled jobgen-e2e-on.timer)"
    expect_eq "is-active jobgen-e2e-on.timer" active "$(in_box systemctl is-active jobgen-e2e-on.timer)"
    expect_eq "is-enabled jobgen-e2e-off.timer" disabled "$(in_box systemctl is-enabled jobgen-e2e-off.timer)"
    expect_eq "is-active jobgen-e2e-off.timer" inactive "$(in_box systemctl is-active jobgen-e2e-off.timer)"
    expect_eq "is-active jobgen-e2e-removed.timer" active "$(in_box systemctl is-active jobgen-e2e-removed.timer)"
    in_box cp "$CATS/enabled-after.yaml" /etc/jobgen/e2e-enabled.yaml
    install_catalogue /etc/jobgen/e2e-enabled.yaml
    expect_eq "is-active of the removed job's timer" inactive "$(in_box systemctl is-active jobgen-e2e-removed.timer)"
    expect_eq "LoadState of the removed job's timer" not-found "$(unit_prop jobgen-e2e-removed.timer LoadState)"
    in_box test ! -e /etc/systemd/system/jobgen-e2e-removed.service || fail "the removed job's service file is still there"
    expect_eq "is-active jobgen-e2e-on.timer after the second install" active "$(in_box systemctl is-active jobgen-e2e-on.timer)"
}

check_09_escaping_round_trip() {
    watch jobgen-e2e-hostile.service jobgen-e2e-hostile-runner.service
    hostile_catalogue | put_stdin /run/e2e/escaping.yaml
    install_catalogue /run/e2e/escaping.yaml
    expect_eq "Description" "$HOSTILE_DESCRIPTION" "$(unit_prop jobgen-e2e-hostile.service Description)"
    expect_same_directives jobgen-e2e-hostile.service jobgen-e2e-benign.service
    expect_same_directives jobgen-e2e-hostile.timer jobgen-e2e-benign.timer
    in_box systemctl start jobgen-e2e-hostile.service || fail "jobgen-e2e-hostile.service failed"
    expect_dump /run/e2e/dump-hostile
    in_box systemctl start jobgen-e2e-hostile-runner.service || fail "jobgen-e2e-hostile-runner.service failed"
    expect_dump /run/e2e/dump-hostile-runner
}

# YAML single-quoted scalar: only ' needs escaping (as '').
yaml_quote() { printf "'%s'" "${1//\'/\'\'}"; }

# The escaping catalogue: e2e-hostile (command run directly), e2e-hostile-runner (through
# `jobgen run`, because of lock: node) and e2e-benign, its twin with harmless values.
hostile_catalogue() {
    local job v i
    printf 'jobgen: 1\ntarget: { systemd: %s }\ndefaults:\n  schedule: daily\njobs:\n' "$E2E_TARGET"
    for job in hostile hostile-runner benign; do
        printf '  e2e-%s:\n' "$job"
        if [[ $job == benign ]]; then v=benign; else v=$HOSTILE_DESCRIPTION; fi
        printf '    description: %s\n' "$(yaml_quote "$v")"
        [[ $job == hostile-runner ]] && printf '    lock: node\n'
        printf '    command:\n      - %s\n' "$BOX_E2E/dump-argv.sh"
        for i in "${!HOSTILE[@]}"; do
            if [[ $job == benign ]]; then v=x; else v=${HOSTILE[$i]}; fi
            printf '      - %s\n' "$(yaml_quote "$v")"
        done
        printf '    environment:\n      E2E_DUMP_DIR: /run/e2e/dump-%s\n' "$job"
        for i in "${!HOSTILE[@]}"; do
            if [[ $job == benign ]]; then v=x; else v=${HOSTILE[$i]}; fi
            printf '      %s: %s\n' "$(hostile_env_name "$i")" "$(yaml_quote "$v")"
        done
    done
}

check_10_verify_and_security() {
    watch jobgen-e2e-strict.service jobgen-e2e-standard.service
    hostile_catalogue | put_stdin /run/e2e/escaping.yaml
    local out
    # one render of every catalogue (job names are unique across them; enabled-after.yaml is a
    # subset of enabled.yaml), then one verify of every file
    out=$(in_sh 'd=/run/e2e/rendered; mkdir -p $d && cd $d \
            && jobgen render $(ls "$1"/*.yaml | grep -v /enabled-after.yaml) /run/e2e/escaping.yaml -o $d \
            && v=$(systemd-analyze verify ./* 2>&1) && [[ -z $v ]] || { echo "$v"; false; }' "$CATS" 2>&1) \
        || fail "render, or systemd-analyze verify, is not silent: $out"
    note "verified: $(in_sh 'ls /run/e2e/rendered | wc -l') rendered files"
    expect_security /run/e2e/rendered/jobgen-e2e-strict.service 3.0 /run/e2e/rendered/jobgen-e2e-standard.service 5.0
    if [[ " $PRODUCT_HAS " == *" run "* && " $PRODUCT_HAS " == *" install "* ]]; then
        install_catalogue "$CATS/sandbox.yaml"
        local j
        for j in strict standard unsandboxed; do
            in_box systemctl start "jobgen-e2e-$j.service" || fail "jobgen-e2e-$j.service failed under its sandbox"
            expect_outcomes "e2e-$j" success
        done
    fi
}

# The pid of the unit's main process (0 when none).
main_pid() { unit_prop "$1" MainPID; }

check_11_lean_runs() {
    watch jobgen-e2e-lean.service jobgen-e2e-lean-timeout.service
    install_catalogue "$CATS/lean.yaml"
    in_box grep -q '^ExecCondition=/usr/bin/jobgen run --phase start' /etc/systemd/system/jobgen-e2e-lean.service \
        || fail "e2e-lean was not rendered as a lean unit"
    local st=$STATE/e2e-lean pid gc
    in_box systemctl start --no-block jobgen-e2e-lean.service
    wait_until 20 "e2e-lean to start its command" "[[ -s $st/env ]]"
    # while the command runs, nothing of jobgen is left in the unit: its processes are the command's
    # an unreadable cgroup would leave the list empty and "no java" true: the unit's own cgroup,
    # from systemd, must be read and list at least the command
    local procs
    procs=$(in_sh 'cg=$(systemctl show -p ControlGroup --value -- "$1") && [[ -n $cg ]] || exit 1
        pids=$(cat "/sys/fs/cgroup$cg/cgroup.procs") || exit 1
        for p in $pids; do tr "\0" " " </proc/$p/cmdline 2>/dev/null; echo; done' jobgen-e2e-lean.service) \
        || fail "could not read the processes of the running lean unit's cgroup"
    procs=$(grep -v '^[[:space:]]*$' <<<"$procs")
    [[ -n $procs ]] || fail "the running lean unit's cgroup lists no process"
    note "processes of the running lean unit: $(tr '\n' '|' <<<"$procs")"
    grep -q java <<<"$procs" && fail "a JVM stays in the unit while the command runs"
    pid=$(main_pid jobgen-e2e-lean.service)
    expect_eq "command of the main process" "/bin/sh" "$(in_sh 'tr "\0" " " </proc/$1/cmdline | cut -d" " -f1' "$pid")"
    # the lock is a flock held through the command's descriptor, by the command and its grandchild
    gc=$(in_box cat "$st/grandchild")
    in_sh 'ino=$(stat -c %i /run/lock/jobgen/job-e2e-lean.lock); grep -q "FLOCK .* $1 [0-9a-f]*:[0-9a-f]*:$ino " /proc/locks' "$pid" \
        || fail "no flock held by the command ($pid) on the lock file: $(in_box cat /proc/locks)"
    in_sh 'ls -l /proc/$1/fd | grep -q job-e2e-lean.lock' "$gc" || fail "the grandchild $gc does not hold the lock's descriptor"
    # a manual (resident) run sees the lock held and skips; its skip counts
    in_box jobgen run --job e2e-lean --lock node -- /bin/sh -c 'echo MANUAL >/run/e2e-manual' >/dev/null 2>&1 \
        || fail "the manual run exited non-zero"
    in_box test ! -e /run/e2e-manual || fail "the manual run ran its command while the lean run held the lock"
    local rid period
    read -r rid period < <(in_box cat "$st/env")
    [[ $rid =~ ^[0-9a-f-]{36}$ && $period == *T00:00:00Z ]] || fail "the command got JOBGEN_RUN_ID '$rid' JOBGEN_PERIOD '$period'"
    in_box touch "$st/release"
    # the end phase runs in "deactivating"
    wait_until 30 "e2e-lean to finish" '[[ $(systemctl show -p ActiveState --value jobgen-e2e-lean.service) =~ ^(inactive|failed)$ ]]'
    expect_eq "state after success" inactive "$(unit_prop jobgen-e2e-lean.service ActiveState)"
    expect_eq "run id in the history" "$rid" "$(last_history_field e2e-lean run_id)"
    in_box test -e "$st/run.env" && fail "run.env was left behind"
    # same period again: the start phase skips cleanly, the unit does not fail
    in_box systemctl start jobgen-e2e-lean.service || fail "the second start (stamp skip) failed the unit"
    expect_outcomes e2e-lean "skipped-locked success skipped-done"

    # busy: a resident run holds the lock; the lean unit skips cleanly until the 3rd busy run in a row fails it
    in_box rm -f "$st/stamps" -r
    in_box systemd-run --quiet --unit=e2e-lean-holder jobgen run --job e2e-lean --state-dir /run/e2e-holder --lock node -- sleep 60 \
        || fail "could not start the holder"
    wait_until 20 "the holder to take the lock" 'pgrep -xf "sleep 60" >/dev/null'
    in_box systemctl start jobgen-e2e-lean.service || fail "the 1st busy start failed the unit"
    in_box systemctl start jobgen-e2e-lean.service || fail "the 2nd busy start failed the unit"
    in_box systemctl start jobgen-e2e-lean.service 2>/dev/null && fail "the 3rd busy start in a row did not fail the unit"
    expect_eq "state after 3 busy runs" failed "$(unit_prop jobgen-e2e-lean.service ActiveState)"
    expect_outcomes e2e-lean "skipped-locked success skipped-done skipped-locked skipped-locked skipped-locked"
    in_box systemctl stop e2e-lean-holder.service || fail "could not stop the holder"

    # stop: systemd signals the whole cgroup; the end phase records the run as killed
    in_box systemctl reset-failed jobgen-e2e-lean.service
    in_box rm -rf "$st/stamps" "$st/env" "$st/release"
    in_box systemctl start --no-block jobgen-e2e-lean.service
    wait_until 20 "e2e-lean to start its command again" "[[ -s $st/env ]]"
    gc=$(in_box cat "$st/grandchild")
    [[ $gc =~ ^[0-9]+$ ]] || fail "the lean run wrote no grandchild pid ('$gc')"
    in_box systemctl stop jobgen-e2e-lean.service 2>/dev/null
    in_box kill -0 "$gc" 2>/dev/null && fail "the grandchild $gc outlived the stopped run"
    expect_eq "outcome of the stopped run" killed "$(last_history_field e2e-lean outcome)"

    # timeout: systemd's start timeout ends the run; the whole cgroup goes, grandchild included
    in_box systemctl start jobgen-e2e-lean-timeout.service 2>/dev/null && fail "the timed-out lean run succeeded"
    gc=$(in_box cat "$STATE/e2e-lean-timeout/grandchild")
    [[ $gc =~ ^[0-9]+$ ]] || fail "the timed-out lean run wrote no grandchild pid ('$gc')"
    in_box kill -0 "$gc" 2>/dev/null && fail "the grandchild $gc outlived the timed-out run"
    expect_eq "result of the timed-out unit" timeout "$(unit_prop jobgen-e2e-lean-timeout.service Result)"
    expect_outcomes e2e-lean-timeout timeout
}
