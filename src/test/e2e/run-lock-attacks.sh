#!/usr/bin/env bash
# run-lock-attacks.sh — an unprivileged local user against jobgen's locks, on a real systemd
# (issue 14, items 1 to 5).
#
# Boots systemd as PID 1 of a throw-away container ($JOBGEN_SHARED_TOOLS/systemd-sandbox), installs
# the built jar and the launcher inside, creates the user `mallory` and replays, as mallory, what
# used to work against root's jobs: planting a lock directory or a symlink before the first run,
# holding a lock, a FIFO at a lock path, deleting a held lock file, and kill -9 of a runner
# outside systemd. Each check gets a fresh boot. What must hold: no root file changes mode, a
# blocked job is reported (a failed unit, never a quiet success), nothing hangs, and a job never
# runs twice at once.
#
# Usage (as root): src/test/e2e/run-lock-attacks.sh [CHECK...]   (CHECK: words of check names)
# Needs: root, JOBGEN_SHARED_TOOLS (holding systemd-sandbox), target/jobgen.jar. Without the first
# two the suite skips with the reason; without the jar it fails.
# Environment: JOBGEN_LOCK_SANDBOX_DIR (default /var/tmp/jobgen-lock-attacks) holds the cached
# root tree; its own default so it never collides with the e2e suite's sandbox.
# Output: one line per check, the journal of the job units on failure, then "N passed, N failed,
# N skipped"; exit 1 when any check failed.

set -uo pipefail

E2E_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
PROJECT=$(cd "$E2E_DIR/../../.." && pwd)
JAR=$PROJECT/target/jobgen.jar
LAUNCHER=$PROJECT/src/main/dist/jobgen
BOX_JAR=/usr/lib/jobgen/jobgen.jar
STATE=/var/lib/jobgen

# shellcheck source=lib.sh
source "$E2E_DIR/lib.sh"

PASSED=0 FAILED=0 SKIPPED=0 SUITE=lock-attacks

[[ -n ${JOBGEN_SHARED_TOOLS:-} ]] || skip_suite "JOBGEN_SHARED_TOOLS is not set (a directory holding systemd-sandbox; .ci/run sets it)"
SBX=$JOBGEN_SHARED_TOOLS/systemd-sandbox
[[ -x $SBX ]] || skip_suite "no executable systemd-sandbox in JOBGEN_SHARED_TOOLS=$JOBGEN_SHARED_TOOLS"
[[ $(id -u) -eq 0 ]] || skip_suite "systemd-sandbox needs root (systemd-nspawn, debootstrap)"
[[ -f $JAR ]] || die "$JAR is missing: build it first (mvn -B package)"

# the e2e suite's root tree (same suite, no extra packages): built once for both
export SANDBOX_DIR=${JOBGEN_LOCK_SANDBOX_DIR:-${JOBGEN_E2E_SANDBOX_DIR:-/var/tmp/jobgen-e2e}}
export SANDBOX_NAME=${SANDBOX_NAME:-jobgen-lock-attacks}
unset SANDBOX_PROJECT_DIR SANDBOX_NETWORK

"$SBX" status >/dev/null 2>&1 && die "a sandbox is already running in $SANDBOX_DIR; stop it: SANDBOX_DIR=$SANDBOX_DIR $SBX stop"
WORK=$(mktemp -d /tmp/jobgen-lock-attacks.XXXXXX)
# the sandbox is stopped and the work files go however the suite ends
trap '"$SBX" stop >/dev/null 2>&1 || echo "lock-attacks: warning: could not stop the sandbox" >&2; rm -rf -- "$WORK"' EXIT
trap 'exit 130' INT TERM

"$SBX" create 2>&1 | sed 's/^/lock-attacks: /' || die "building the sandbox root tree failed"

boot() {
    "$SBX" restart >"$WORK/boot.log" 2>&1 || { cat "$WORK/boot.log" >&2; return 1; }
    put "$JAR" "$BOX_JAR" || return 1
    put "$LAUNCHER" /usr/bin/jobgen && in_box chmod 755 /usr/bin/jobgen || return 1
    in_box useradd --create-home --shell /bin/sh mallory || return 1
    # a root-only file the attacks aim at
    in_sh 'umask 077; echo secret >/etc/jobgen-secret'
}

# Runs a shell script in the container as mallory.
as_mallory() {
    local script=$1
    shift
    "$SBX" exec -- runuser -u mallory -- /bin/sh -c "$script" mallory "$@"
}

install_catalogue() {
    local out
    out=$(printf '%s\n' "$1" | in_sh 'mkdir -p /etc/jobgen && cat >/etc/jobgen/attack.yaml && jobgen install --root / /etc/jobgen/attack.yaml' 2>&1) \
        || fail "jobgen install failed: $out"
}

outcomes_of() {
    in_sh '[[ -f $1 ]] && grep -o "\"outcome\":\"[^\"]*\"" "$1" | cut -d\" -f4 | tr "\n" " "' "$STATE/$1/runs.jsonl" | sed 's/ $//'
}

expect_secret_untouched() {
    expect_eq "mode of /etc/jobgen-secret" "600 root" "$(in_box stat -c '%a %U' /etc/jobgen-secret)"
}

# A root job with a node lock: counts its copies (running and in total) in /run/attack.
VICTIM='jobgen: 1
target: { systemd: 252 }
jobs:
  victim:
    script: |
      echo $$ >>/run/attack-total
      echo x >>/run/attack-running
      [ "$(wc -l </run/attack-running)" -eq 1 ] || echo overlap >>/run/attack-overlap
      sleep "$(cat /run/attack-sleep 2>/dev/null || echo 0)"
      sed -i 1d /run/attack-running
    schedule: daily
    lock: node
    timeout: 1min'

# ---------------------------------------------------------------------------------------------

# Item 1 (and 3, 4 through it): mallory makes /run/lock/jobgen before any job ran (/run/lock is
# 1777) and plants a symlink to a root file and a FIFO. Root's job must refuse the directory:
# fail loudly at once, change no mode, and never hang on the FIFO.
check_1_planted_lock_directory() {
    install_catalogue "$VICTIM"
    as_mallory 'mkdir -m 0777 /run/lock/jobgen && ln -s /etc/jobgen-secret /run/lock/jobgen/job-victim.lock && mkfifo /run/lock/jobgen/group-x.lock' \
        || fail "mallory could not prepare the attack (is /run/lock 1777?)"
    local start=$SECONDS
    if in_box timeout 60 systemctl start jobgen-victim.service; then
        fail "the job started in a directory mallory owns"
    fi
    ((SECONDS - start < 30)) || fail "the refused start took $((SECONDS - start)) s"
    expect_eq "unit state" failed "$(unit_prop jobgen-victim.service ActiveState)"
    in_box journalctl -u jobgen-victim.service --no-pager | grep -q "refusing to use it" || fail "no 'refusing' line in the journal"
    expect_secret_untouched
    in_box test ! -e /run/attack-total || fail "the command ran"
}

# Items 1 and 2 on a normal boot: the directory is root's 0755, the lock file 0600; mallory can
# neither plant files there nor open the lock file to hold it.
check_2_cannot_hold_or_plant() {
    install_catalogue "$VICTIM"
    in_box systemctl start jobgen-victim.service || fail "first run failed"
    expect_eq "lock directory" "755 root" "$(in_box stat -c '%a %U' /run/lock/jobgen)"
    expect_eq "lock file" "600 root" "$(in_box stat -c '%a %U' /run/lock/jobgen/job-victim.lock)"
    as_mallory 'exec 9>>/run/lock/jobgen/job-victim.lock' 2>/dev/null && fail "mallory opened the lock file for writing"
    as_mallory 'exec 9</run/lock/jobgen/job-victim.lock' 2>/dev/null && fail "mallory opened the lock file for reading"
    as_mallory 'flock -n /run/lock/jobgen/job-victim.lock true' 2>/dev/null && fail "mallory took a flock on the lock file"
    as_mallory 'ln -s /etc/jobgen-secret /run/lock/jobgen/job-new.lock' 2>/dev/null && fail "mallory planted a link"
    as_mallory 'mkfifo /run/lock/jobgen/job-fifo.lock' 2>/dev/null && fail "mallory planted a FIFO"
    in_box systemctl start jobgen-victim.service || fail "second run failed"
    expect_eq "outcomes" "success success" "$(outcomes_of victim)"
    expect_secret_untouched
}

# Item 2's other half and item 4: while a run holds the lock, mallory cannot delete the file;
# the busy runs are skips, and the third busy run in a row fails the unit (OnFailure= hears of it).
check_3_busy_lock_is_reported_and_not_deletable() {
    install_catalogue "$VICTIM"
    in_box sh -c 'echo 30 >/run/attack-sleep'
    in_box systemctl start --no-block jobgen-victim.service
    wait_until 20 "the first run to start" '[[ -s /run/attack-running ]]'
    as_mallory 'rm -f /run/lock/jobgen/job-victim.lock' 2>/dev/null
    in_box test -f /run/lock/jobgen/job-victim.lock || fail "mallory deleted the held lock file"
    in_box jobgen run --job victim --lock node -- /bin/sh -c 'echo manual >>/run/attack-total' \
        || fail "the first busy run should exit 0 (a skip)"
    in_box jobgen run --job victim --lock node -- /bin/sh -c 'echo manual >>/run/attack-total' \
        || fail "the second busy run should exit 0 (a skip)"
    local status=0
    in_box jobgen run --job victim --lock node -- /bin/sh -c 'echo manual >>/run/attack-total' || status=$?
    expect_eq "exit status of the third busy run in a row" 75 "$status"
    expect_eq "copies started" 1 "$(count_lines /run/attack-total)"
    in_box test ! -e /run/attack-overlap || fail "two copies overlapped"
    expect_eq "outcomes so far" "skipped-locked skipped-locked skipped-locked" "$(outcomes_of victim)"
    in_box systemctl kill jobgen-victim.service >/dev/null 2>&1
    expect_secret_untouched
}

# Item 3 for a job user: mallory's own job (User=mallory) has its own lock directory; a FIFO she
# puts at its lock path makes her job fail at once with a clear line, never hang.
check_4_fifo_in_own_lock_directory() {
    install_catalogue 'jobgen: 1
target: { systemd: 252 }
jobs:
  mine:
    command: [/bin/true]
    schedule: daily
    user: mallory
    lock: node'
    in_box systemctl start jobgen-mine.service || fail "the first run of mallory's job failed"
    expect_eq "mallory's lock directory" "700 mallory" "$(in_box stat -c '%a %U' /run/lock/jobgen/user-mallory)"
    expect_eq "the shared lock directory" "755 root" "$(in_box stat -c '%a %U' /run/lock/jobgen)"
    as_mallory 'rm /run/lock/jobgen/user-mallory/job-mine.lock && mkfifo /run/lock/jobgen/user-mallory/job-mine.lock' \
        || fail "mallory could not replace her own lock file"
    local start=$SECONDS
    in_box timeout 60 systemctl start jobgen-mine.service && fail "the job ran on a FIFO lock"
    ((SECONDS - start < 30)) || fail "the FIFO held the job for $((SECONDS - start)) s"
    in_box journalctl -u jobgen-mine.service --no-pager | grep -q "not a regular file" || fail "no 'not a regular file' line"
}

# Item 5: outside systemd, mallory's runner is killed with kill -9 while its command runs. The
# command lives on in its own session; the next runner must see the lock as held (no second
# copy), and once the command is gone, record the orphaned run and run normally.
check_5_kill_nine_outside_systemd() {
    as_mallory 'mkdir -m 0700 -p /home/mallory/locks'
    # shellcheck disable=SC2016
    local job='jobgen run --job solo --state-dir /home/mallory/state --lock node --lock-dir /home/mallory/locks -- /bin/sh -c "echo \$\$ >>/home/mallory/copies; sleep \$(cat /home/mallory/sleep)"'
    as_mallory "echo 6 >/home/mallory/sleep; ($job >/dev/null 2>&1 & echo \$! >/home/mallory/runner.pid)"
    wait_until 30 "the first copy to start" '[[ -s /home/mallory/copies ]]'
    sleep 1
    as_mallory 'kill -9 "$(cat /home/mallory/runner.pid)"' || fail "could not kill the runner"
    as_mallory "$job" || fail "the run while the orphan lives should exit 0 (a skip)"
    expect_eq "copies while the orphan lives" 1 "$(count_lines /home/mallory/copies)"
    wait_until 20 "the orphaned command to end" '! pgrep -u mallory -f "sleep 6" >/dev/null'
    as_mallory "echo 0 >/home/mallory/sleep; $job" || fail "the run after the orphan ended failed"
    expect_eq "copies in total" 2 "$(count_lines /home/mallory/copies)"
    expect_eq "mallory's history" "skipped-locked orphaned success" \
        "$(in_sh 'grep -o "\"outcome\":\"[^\"]*\"" /home/mallory/state/runs.jsonl | cut -d\" -f4 | tr "\n" " "' | sed 's/ $//')"
}

CHECKS=(check_1_planted_lock_directory check_2_cannot_hold_or_plant check_3_busy_lock_is_reported_and_not_deletable
    check_4_fifo_in_own_lock_directory check_5_kill_nine_outside_systemd)

for check in "${CHECKS[@]}"; do
    if (($#)); then
        wanted=0
        for f in "$@"; do [[ $check == *"$f"* ]] && wanted=1; done
        ((wanted)) || continue
    fi
    if ! boot; then
        echo "FAIL  $check: the sandbox did not boot"; FAILED=$((FAILED + 1)); continue
    fi
    : >"$WORK/watched"
    t=$SECONDS
    ( "$check" ) >"$WORK/out" 2>&1
    status=$?
    if ((status == 0)); then
        echo "PASS  $check ($((SECONDS - t)) s)"; PASSED=$((PASSED + 1))
    elif ((status == SKIP_STATUS)); then
        echo "SKIP  $check: $(cat "$WORK/skip-reason" 2>/dev/null)"; SKIPPED=$((SKIPPED + 1))
    else
        echo "FAIL  $check ($((SECONDS - t)) s)"; FAILED=$((FAILED + 1))
        sed 's/^/    /' "$WORK/out"
        in_box journalctl --no-pager -n 60 -u 'jobgen-*' 2>/dev/null | sed 's/^/    | /'
    fi
done
summary_and_exit
