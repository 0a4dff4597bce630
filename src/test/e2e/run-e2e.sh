#!/usr/bin/env bash
# run-e2e.sh — end-to-end proof on a real systemd (issue 6).
#
# Boots systemd as PID 1 of a throw-away container ($JOBGEN_SHARED_TOOLS/systemd-sandbox), installs
# the built jar as /usr/bin/jobgen inside, and drives `jobgen install --root /`, `jobgen run`,
# `jobgen next` and `jobgen render` on the catalogues in catalogues/. Each check gets a fresh boot
# (about a second), so no check sees another's timers, locks or history.
#
# Usage (as root, from anywhere):
#   src/test/e2e/run-e2e.sh [--selftest] [--keep] [--list] [CHECK...]
#     CHECK       run only checks whose name contains one of these words (e.g. timer escaping)
#     --selftest  run the harness self-checks instead: hand-written units that prove the suite's
#                 mechanics (timer accuracy, Persistent=, argv bytes, scoring) without the product
#     --keep      leave the sandbox running after the last check (for `systemd-sandbox shell`)
#     --list      print the checks and exit
#
# Needs: root, JOBGEN_SHARED_TOOLS (a directory holding systemd-sandbox; .ci/run sets it) and
# target/jobgen.jar (built by `mvn package`; the suite builds nothing). Without the first two the
# suite skips with the reason; without the jar it fails.
# Environment: JOBGEN_E2E_SANDBOX_DIR (default /var/tmp/jobgen-e2e) holds the cached root tree.
# JOBGEN_E2E_SYSTEMD_VERSION (default 252) is the systemd the catalogues target: set it to the
# version the sandbox boots (src/test/matrix/run-matrix.sh does, with SANDBOX_SUITE) so the units
# are rendered for that version and run on it.
# Output: one line per check, the journal of the units involved on failure, and last the summary
# "N passed, N failed, N skipped"; the exit status is 1 when any check failed.

set -uo pipefail

E2E_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
PROJECT=$(cd "$E2E_DIR/../../.." && pwd)
JAR=$PROJECT/target/jobgen.jar
BOX_E2E=/usr/local/lib/e2e          # where the suite's helper files live inside the container
BOX_JAR=/usr/lib/jobgen/jobgen.jar
LAUNCHER=$PROJECT/src/main/dist/jobgen    # the node launcher

# shellcheck source=lib.sh
source "$E2E_DIR/lib.sh"
# shellcheck source=checks.sh
source "$E2E_DIR/checks.sh"
# shellcheck source=selftest.sh
source "$E2E_DIR/selftest.sh"
# shellcheck source=hostile.sh
source "$E2E_DIR/hostile.sh"

PASSED=0 FAILED=0 SKIPPED=0 SUITE=e2e

elapsed_since() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }

# ---------------------------------------------------------------------------------------------
# options

MODE=product KEEP=0 LIST=0 FILTERS=()
while (($#)); do
    case $1 in
        --selftest) MODE=selftest ;;
        --keep) KEEP=1 ;;
        --list) LIST=1 ;;
        -h|--help) sed -n '2,/^$/{s/^# \{0,1\}//;p}' "$0"; exit 0 ;;
        -*) echo "e2e: unknown option $1" >&2; exit 2 ;;
        *) FILTERS+=("$1") ;;
    esac
    shift
done

if [[ $MODE == product ]]; then CHECKS=("${PRODUCT_CHECKS[@]}"); else CHECKS=("${SELFTEST_CHECKS[@]}"); fi
selected() {
    local f
    ((${#FILTERS[@]} == 0)) && return 0
    for f in "${FILTERS[@]}"; do [[ $1 == *"$f"* ]] && return 0; done
    return 1
}
if ((LIST)); then
    for c in "${CHECKS[@]}"; do IFS='|' read -r name pieces desc <<<"$c"; echo "$name  $desc"; done
    exit 0
fi

# ---------------------------------------------------------------------------------------------
# preconditions

[[ -n ${JOBGEN_SHARED_TOOLS:-} ]] || skip_suite "JOBGEN_SHARED_TOOLS is not set (a directory holding systemd-sandbox; .ci/run sets it)"
SBX=$JOBGEN_SHARED_TOOLS/systemd-sandbox
[[ -x $SBX ]] || skip_suite "no executable systemd-sandbox in JOBGEN_SHARED_TOOLS=$JOBGEN_SHARED_TOOLS"
[[ $(id -u) -eq 0 ]] || skip_suite "systemd-sandbox needs root (systemd-nspawn, debootstrap)"
if [[ $MODE == product && ! -f $JAR ]]; then
    die "$JAR is missing: build it first (mvn -B package); the e2e suite builds nothing"
fi

export SANDBOX_DIR=${JOBGEN_E2E_SANDBOX_DIR:-/var/tmp/jobgen-e2e}
E2E_TARGET=${JOBGEN_E2E_SYSTEMD_VERSION:-252}
[[ $E2E_TARGET =~ ^[0-9]+$ ]] || die "JOBGEN_E2E_SYSTEMD_VERSION must be a number (got '$E2E_TARGET')"
export SANDBOX_NAME=jobgen-e2e
# systemd's default timer accuracy is one minute: seconds-level test timers need 1s
export SANDBOX_TIMER_ACCURACY=1s
unset SANDBOX_PROJECT_DIR SANDBOX_NETWORK

WORK=$(mktemp -d /tmp/jobgen-e2e.XXXXXX)
cleanup() {
    if ((KEEP)); then
        echo "e2e: sandbox left running (--keep): SANDBOX_DIR=$SANDBOX_DIR $SBX shell"
    else
        "$SBX" stop >/dev/null 2>&1 || echo "e2e: warning: could not stop the sandbox" >&2
    fi
    rm -rf -- "$WORK"
}

if "$SBX" status >/dev/null 2>&1; then
    die "a sandbox is already running in $SANDBOX_DIR (another e2e run?); stop it with: SANDBOX_DIR=$SANDBOX_DIR $SBX stop"
fi
trap cleanup EXIT
trap 'exit 130' INT TERM

T_SUITE=$(date +%s.%N)
T0=$(date +%s.%N)
"$SBX" create 2>&1 | sed 's/^/e2e: /' || die "building the sandbox root tree failed"
echo "e2e: root tree ready in $(elapsed_since "$T0") s"

# A fresh boot with the project bound read-only at /mnt/project, the suite's helper files copied
# to $BOX_E2E, the jar and the launcher /usr/bin/jobgen (the JDK is bound in by
# systemd-sandbox).
boot() {
    "$SBX" restart --project "$PROJECT" >"$WORK/boot.log" 2>&1 || { cat "$WORK/boot.log" >&2; return 1; }
    put "$E2E_DIR" "$(dirname "$BOX_E2E")/" || return 1   # lands as $BOX_E2E
    if [[ $E2E_TARGET != 252 ]]; then
        in_sh 'sed -i "s/^target: { systemd: 252 }\$/target: { systemd: $1 }/" "$2"/catalogues/*.yaml' "$E2E_TARGET" "$BOX_E2E" || return 1
    fi
    [[ -f $JAR ]] || return 0
    put "$JAR" "$BOX_JAR" || return 1
    # the product's own launcher; it finds the jar at ../lib/jobgen/jobgen.jar = $BOX_JAR
    put "$LAUNCHER" /usr/bin/jobgen && in_box chmod 755 /usr/bin/jobgen
}

T0=$(date +%s.%N)
boot || die "the sandbox did not boot"
echo "e2e: first boot in $(elapsed_since "$T0") s"

if [[ $MODE == product ]]; then
    probe_product
    echo "e2e: product pieces present: ${PRODUCT_HAS:-none}"
fi

# ---------------------------------------------------------------------------------------------
# the checks

print_journals() {
    local u units
    units=$(sort -u "$WORK/watched" 2>/dev/null)
    [[ -n $units ]] || units='jobgen-*'
    for u in $units; do
        echo "    ---- journal of $u"
        in_box journalctl --no-pager -o short-precise -u "$u" 2>&1 | tail -n 60 | sed 's/^/    | /'
    done
}

# Runs check $1 in a process group of its own and kills the group when it takes longer than
# CHECK_LIMIT seconds: a unit that hangs (`systemctl start` waits up to its TimeoutStartSec=)
# must not hang CI. Killing `systemd-sandbox exec` also ends the command inside (pdeathsig).
CHECK_LIMIT=${JOBGEN_E2E_CHECK_TIMEOUT:-180}
LIMIT_STATUS=124
run_with_limit() {
    local pid dog status
    set -m
    ("$1") &
    pid=$!
    (sleep "$CHECK_LIMIT"; kill -TERM -- "-$pid" 2>/dev/null; touch "$WORK/limit-hit") &
    dog=$!
    set +m
    wait "$pid"
    status=$?
    kill -TERM -- "-$dog" 2>/dev/null
    wait "$dog" 2>/dev/null
    if [[ -e $WORK/limit-hit ]]; then rm -f "$WORK/limit-hit"; return "$LIMIT_STATUS"; fi
    return "$status"
}

first=1
for entry in "${CHECKS[@]}"; do
    IFS='|' read -r name pieces desc <<<"$entry"
    selected "$name" || continue
    # shellcheck disable=SC2086 # pieces is a word list
    lacking=$(missing_pieces $pieces)
    if [[ -n $lacking ]]; then
        SKIPPED=$((SKIPPED + 1)); echo "SKIP  $name: waits for: $lacking"; continue
    fi
    : >"$WORK/watched"
    rm -f "$WORK/skip-reason"
    t=$(date +%s.%N)
    if ((first)); then first=0; elif ! boot; then
        echo "FAIL  $name: the sandbox did not boot"; FAILED=$((FAILED + 1)); continue
    fi
    echo "----  $name: $desc"
    run_with_limit "$name"
    status=$?
    took=$(elapsed_since "$t")
    if ((status == 0)); then
        PASSED=$((PASSED + 1)); echo "PASS  $name (${took} s)"
    elif ((status == SKIP_STATUS)); then
        SKIPPED=$((SKIPPED + 1)); echo "SKIP  $name: $(cat "$WORK/skip-reason" 2>/dev/null)"
    else
        ((status == LIMIT_STATUS)) && echo "    FAIL: no result within ${CHECK_LIMIT} s (JOBGEN_E2E_CHECK_TIMEOUT)"
        FAILED=$((FAILED + 1)); echo "FAIL  $name (${took} s)"
        print_journals
    fi
done

echo "e2e: suite took $(elapsed_since "$T_SUITE") s"
summary_and_exit
