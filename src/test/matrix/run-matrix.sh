#!/usr/bin/env bash
# run-matrix.sh — the proofs of the product on every systemd our users run, each on the real one.
#
# For each Debian suite it boots systemd as PID 1 of a sandbox ($JOBGEN_SHARED_TOOLS/systemd-sandbox)
# and, with N = the version that booted:
#   verify    renders every example and golden case with `jobgen render --systemd-version N` and
#             runs `systemd-analyze verify` on the units inside: any output at all (a refused unit,
#             an "Unknown key name ..., ignoring" warning, a bad value) fails the case
#   gates     lists which gated directives (plan/DirectiveGates) appeared in those units, so the
#             "at or above its version" half of every gate is shown on a real systemd; a gate newer
#             than N appearing fails
#   control   where a gate is newer than N: the gates catalogue rendered for that newer version
#             must make verify complain, or the silence of the verify check would prove nothing
#   e2e       the end-to-end suite (src/test/e2e/run-e2e.sh) on the same suite, its catalogues
#             retargeted to N (JOBGEN_E2E_SYSTEMD_VERSION)
#   calendar  systemd-analyze calendar/timespan over the conformance inputs (record-conformance.sh):
#   timespan  compared with the table stored for N in src/test/resources/conformance/N/, or written
#             there with --record
# and prints a table version x checks at the end.
#
# Usage (as root): src/test/matrix/run-matrix.sh [--record] [--only CHECKS] [SUITE...]
#   SUITE      bullseye (247), bookworm (252), bookworm-backports (254), trixie (257), testing;
#              default: all five (or JOBGEN_MATRIX_SUITES)
#   --record   write the calendar/timespan tables instead of comparing with them
#   --only     comma-separated subset of verify,e2e,conformance
# Needs root, JOBGEN_SHARED_TOOLS and target/jobgen.jar (mvn package); skips with the reason without
# the first two, like the e2e suite.
# Environment: JOBGEN_MATRIX_SANDBOX_PREFIX (default /var/tmp/jobgen-matrix-): each suite caches its
# root tree in PREFIX<suite>. The first run of a suite builds it (debootstrap, a few minutes).
# Exit status 1 when any check failed on any suite.

set -uo pipefail

MATRIX_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
PROJECT=$(cd "$MATRIX_DIR/../../.." && pwd)
JAR=$PROJECT/target/jobgen.jar
LAUNCHER=$PROJECT/src/main/dist/jobgen
PREFIX=${JOBGEN_MATRIX_SANDBOX_PREFIX:-/var/tmp/jobgen-matrix-}
RECORD=0 ONLY=verify,e2e,conformance SUITES=()

while (($#)); do
    case $1 in
        --record) RECORD=1 ;;
        --only) ONLY=$2; shift ;;
        -h|--help) sed -n '2,/^$/{s/^# \{0,1\}//;p}' "$0"; exit 0 ;;
        -*) echo "matrix: unknown option $1" >&2; exit 2 ;;
        *) SUITES+=("$1") ;;
    esac
    shift
done
((${#SUITES[@]})) || read -r -a SUITES <<<"${JOBGEN_MATRIX_SUITES:-bullseye bookworm bookworm-backports trixie testing}"
wants() { [[ ,$ONLY, == *,$1,* ]]; }

if [[ -z ${JOBGEN_SHARED_TOOLS:-} || ! -x ${JOBGEN_SHARED_TOOLS:-}/systemd-sandbox ]]; then
    echo "matrix: skipped: JOBGEN_SHARED_TOOLS does not hold systemd-sandbox (.ci/run sets it)"; exit 0
fi
[[ $(id -u) -eq 0 ]] || { echo "matrix: skipped: systemd-sandbox needs root"; exit 0; }
[[ -f $JAR ]] || { echo "matrix: error: $JAR is missing: build it first (mvn -B package)" >&2; exit 1; }
SBX=$JOBGEN_SHARED_TOOLS/systemd-sandbox

elapsed_since() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.0f", b - a }'; }
in_box() { "$SBX" exec -- "$@"; }
in_sh() { local s=$1; shift; "$SBX" exec -- /bin/bash -c "set -o pipefail; $s" matrix "$@"; }

# ---------------------------------------------------------------------------------------------
# the sandbox of one suite

# Sets the sandbox environment for suite $1. Bullseye's glibc (2.31) is older than the one the
# host JDK is built for, so there the container brings its own Java 17.
suite_env() {
    local suite=$1
    export SANDBOX_DIR=$PREFIX$suite SANDBOX_NAME=jobgen-matrix-$suite SANDBOX_TIMER_ACCURACY=1s
    export SANDBOX_SUITE=${suite%-backports}
    unset SANDBOX_EXTRA_PACKAGES SANDBOX_JDK SANDBOX_PROJECT_DIR SANDBOX_NETWORK
    if [[ $suite == bullseye ]]; then
        export SANDBOX_EXTRA_PACKAGES=openjdk-17-jre-headless SANDBOX_JDK=none
    fi
}

# Builds the suite's root tree. A "-backports" suite is its base suite's tree with systemd upgraded
# from the backports archive, done once in the cached tree (the sandbox tool knows one suite only);
# the marker file records it so the next run reuses the tree.
prepare() {
    local suite=$1 rootfs marker mirror base_version base=$PREFIX${1%-backports}
    # the base suite's cached tree, when there is one, spares a second debootstrap of it
    if [[ $suite == *-backports && ! -e $SANDBOX_DIR/rootfs && -f $base/rootfs/.systemd-sandbox-rootfs ]] \
        && ! SANDBOX_DIR=$base "$SBX" status >/dev/null 2>&1; then
        echo "    copying the root tree of ${suite%-backports} from $base"
        mkdir -p "$SANDBOX_DIR" && cp -a --reflink=auto "$base/rootfs" "$SANDBOX_DIR/rootfs.copy" \
            && mv "$SANDBOX_DIR/rootfs.copy" "$SANDBOX_DIR/rootfs" || return 1
    fi
    "$SBX" create 2>&1 | sed 's/^/    /' || return 1
    [[ $suite == *-backports ]] || return 0
    rootfs=$SANDBOX_DIR/rootfs
    marker=$rootfs/.jobgen-matrix-backports
    [[ -f $marker ]] && return 0
    mirror=$(sed -n 's/^mirror=//p' "$rootfs/.systemd-sandbox-rootfs")
    base_version=$(package_version "$rootfs" systemd)
    echo "    upgrading systemd $base_version from $suite ($mirror)"
    # sh has no pipefail: apt's output goes to a file and its own status decides, so a failed
    # install cannot pass for an upgrade and leave the marker behind
    systemd-nspawn --quiet --register=no --keep-unit --resolv-conf=copy-host --directory="$rootfs" --pipe -- /bin/sh -ec "
        echo 'deb $mirror $suite main' >/etc/apt/sources.list.d/backports.list
        apt-get -qq update
        log=/var/tmp/jobgen-matrix-apt.log
        if DEBIAN_FRONTEND=noninteractive apt-get -qq install -y --no-install-recommends -t $suite systemd systemd-sysv libsystemd0 libsystemd-shared udev >\$log 2>&1; then
            tail -n 3 \$log; rm -f \$log
        else
            status=\$?; tail -n 20 \$log; rm -f \$log; echo \"apt-get install failed with status \$status\"; exit 1
        fi
        apt-get clean" 2>&1 | sed 's/^/    /' || return 1
    : >"$rootfs/etc/machine-id"
    printf 'upgraded=%s\nbase-systemd=%s\n' "$(date -u +%FT%TZ)" "${base_version%%[!0-9]*}" >"$marker"
}

# The version of package $2 installed in root tree $1, from dpkg's status file.
package_version() {
    awk -v pkg="$2" '$1 == "Package:" { p = ($2 == pkg) } p && $1 == "Version:" { print $2; exit }' "$1/var/lib/dpkg/status"
}

# The lowest systemd a backports suite may boot: newer than its base suite's, which the marker
# recorded before the upgrade; bookworm-backports carries 254 or later. Empty when unknown.
backports_floor() {
    local suite=$1 base
    base=$(sed -n 's/^base-systemd=//p' "$SANDBOX_DIR/rootfs/.jobgen-matrix-backports" 2>/dev/null)
    case $suite in
        bookworm-backports) echo 254 ;;
        *) [[ $base =~ ^[0-9]+$ ]] && echo $((base + 1)) ;;
    esac
}

boot() {
    "$SBX" restart --project "$PROJECT" >"$WORK/boot.log" 2>&1 || { sed 's/^/    /' "$WORK/boot.log"; return 1; }
    "$SBX" cp "$JAR" /usr/lib/jobgen/jobgen.jar >/dev/null \
        && "$SBX" cp "$LAUNCHER" /usr/bin/jobgen >/dev/null && in_box chmod 755 /usr/bin/jobgen
}

# Sets version to the systemd that booted. A backports suite below its floor fails: the checks
# would otherwise pass on the base suite's systemd under the backports name.
booted_version() {
    local suite=$1 floor
    version=$(in_box systemctl --version | sed -n '1s/^systemd \([0-9]*\).*/\1/p')
    echo "    booted: $(in_box systemctl --version | head -n 1)"
    [[ $suite == *-backports ]] || return 0
    floor=$(backports_floor "$suite")
    if [[ $floor =~ ^[0-9]+$ && $version =~ ^[0-9]+$ ]] && ((version >= floor)); then
        return 0
    fi
    echo "    FAIL  $suite booted systemd '$version', not the backported one (at least '${floor:-unknown}')"
    return 1
}

# ---------------------------------------------------------------------------------------------
# verify: every example and golden case, rendered for the booted version

# Prints "name catalogue [render options]" per case, paths relative to the project.
cases() {
    local f d
    for f in "$PROJECT"/examples/*.yaml; do
        echo "example-$(basename "$f" .yaml) ${f#"$PROJECT"/}"
    done
    for d in "$PROJECT"/src/test/resources/golden/*/; do
        [[ -f $d/catalogue.yaml ]] || continue
        local opts="" rp
        rp=$(sed -n 's/^runner-path=//p' "$d/case.properties" 2>/dev/null)
        [[ -n $rp ]] && opts="--runner-path $rp"
        echo "$(basename "$d") ${d#"$PROJECT"/}catalogue.yaml $opts"
    done
    for f in "$PROJECT"/src/test/resources/gates/*.yaml; do
        echo "gates-$(basename "$f" .yaml) ${f#"$PROJECT"/}"
    done
}

# The units of one case go to /etc/systemd/system (the boot is thrown away afterwards) and are
# verified by name, a template through an instance, as systemd would load them. Programs the units
# start that this tree lacks get a stub, so verify judges the units and not the example's programs.
VERIFY_CASE='
    set -u
    n=$1 cat=/mnt/project/$2 v=$3; shift 3
    d=/run/matrix/$n
    mkdir -p "$d"
    jobgen render --systemd-version "$v" "$@" -o "$d" "$cat" >"$d.render" 2>&1 || { cat "$d.render"; exit 1; }
    rm -f /etc/systemd/system/*.service /etc/systemd/system/*.timer
    names=()
    for f in "$d"/*; do
        b=${f##*/}
        cp "$f" /etc/systemd/system/
        names+=("${b/@./@example.}")
        grep -oE "^Exec[A-Za-z]+=[-@:+!|]*\"?/[^[:space:]\"]+" "$f" | sed -E "s/^[^=]*=[-@:+!|]*\"?//" | while read -r p; do
            [[ -e $p ]] || { mkdir -p "${p%/*}"; printf "#!/bin/sh\nexit 0\n" >"$p"; chmod 755 "$p"; }
        done
    done
    out=$(systemd-analyze verify --man=no "${names[@]}" 2>&1); rc=$?
    if [[ -n $out || $rc != 0 ]]; then echo "exit $rc"; echo "$out"; exit 1; fi
    echo "${#names[@]} units"'

check_verify() {
    local v=$1 name cat opts out status ok=0 bad=0
    in_box mkdir -p /run/matrix
    while read -r name cat opts; do
        # shellcheck disable=SC2086 # opts is a word list
        out=$(in_sh "$VERIFY_CASE" "$name" "$cat" "$v" $opts 2>&1)
        status=$?
        if ((status == 0)); then
            ok=$((ok + 1)); echo "    PASS  verify $name ($out)"
        else
            bad=$((bad + 1)); echo "    FAIL  verify $name (exit status $status)"; sed 's/^/        | /' <<<"$out"
        fi
    done < <(cases)
    RESULT[verify]="$ok/$((ok + bad))"
    ((bad == 0))
}

# "Directive version" per gate of plan/DirectiveGates, read from its source with a regex. No gate
# at all means the source changed shape under the regex: that must fail, not read as "no gates".
GATES_JAVA=$PROJECT/src/main/java/dev/jobgen/plan/DirectiveGates.java
gate_table() {
    local table
    table=$(sed -n 's/.*Map.entry("\([A-Za-z]*\)", \([0-9][0-9]*\)).*/\1 \2/p' "$GATES_JAVA")
    if [[ -z $table ]]; then
        echo "    FAIL  no gate parsed from $GATES_JAVA: update the Map.entry pattern in $0" >&2
        return 1
    fi
    echo "$table"
}

# Which gated directives the verified units carry: each is then proven known to this systemd, at
# or above the version its gate names. Gates newer than this systemd must not appear at all.
check_gates() {
    local v=$1 key since seen=() missing=() newer=0 leaked=() table
    table=$(gate_table) || { RESULT[gates]=0/0; return 1; }
    while read -r key since; do
        if in_sh 'grep -qsE "^$1=" /run/matrix/*/*' "$key"; then
            if ((since > v)); then leaked+=("$key"); else seen+=("$key"); fi
        elif ((since > v)); then
            newer=$((newer + 1))
        else
            missing+=("$key>=$since")
        fi
    done <<<"$table"
    echo "    gates: ${#seen[@]} of the $((${#seen[@]} + ${#missing[@]})) gates up to $v rendered and verified on it;" \
        "$newer newer gates left out${missing:+; never rendered: ${missing[*]}}${leaked:+; LEAKED above $v: ${leaked[*]}}"
    RESULT[gates]="${#seen[@]}/$((${#seen[@]} + ${#missing[@]}))"
    ((${#leaked[@]} == 0))
}

# The control: units rendered for a newer systemd than the booted one must make verify speak
# (an unknown key), or a silent verify would prove nothing. Only where a gate lies above it.
check_control() {
    local v=$1 newest out table
    table=$(gate_table) || { RESULT[control]=0/1; return 1; }
    newest=$(awk '$2 > max { max = $2 } END { print max }' <<<"$table")
    ((newest > v)) || { RESULT[control]=n/a; return 0; }
    if out=$(in_sh "$VERIFY_CASE" control src/test/resources/gates/catalogue.yaml "$newest" 2>&1); then
        echo "    FAIL  control: units rendered for $newest verified silently on $v"; RESULT[control]=0/1; return 1
    fi
    echo "    PASS  control: units rendered for $newest make $v's verify speak: $(grep -m1 -i 'unknown' <<<"$out")"
    RESULT[control]=1/1
}

# ---------------------------------------------------------------------------------------------
# e2e and conformance

check_e2e() {
    local v=$1 log=$WORK/e2e.log summary
    "$SBX" stop >/dev/null 2>&1
    JOBGEN_E2E_SANDBOX_DIR=$SANDBOX_DIR JOBGEN_E2E_SYSTEMD_VERSION=$v \
        bash "$PROJECT/src/test/e2e/run-e2e.sh" 2>&1 | tee "$log" | sed 's/^/    /'
    summary=$(grep -E '^[0-9]+ passed, [0-9]+ failed, [0-9]+ skipped$' "$log" | tail -n 1)
    RESULT[e2e]=$(awk '{ printf "%d/%d", $1, $1 + $3 + $5 }' <<<"${summary:-0 passed, 1 failed, 0 skipped}")
    local passed failed
    read -r passed _ failed _ <<<"${summary:-0 passed, 1 failed}"
    # a run where every check skipped proves nothing on this systemd
    ((passed == 0)) && echo "    FAIL  e2e: no check passed (${summary:-no summary line})"
    ((passed >= 1 && failed == 0))
}

check_conformance() {
    local v=$1 args=()
    ((RECORD)) && args+=(--record)
    boot || return 1
    local out
    out=$(bash "$MATRIX_DIR/record-conformance.sh" "${args[@]}" "$v" 2>&1)
    local rc=$?
    sed 's/^/    /' <<<"$out"
    RESULT[calendar]=$(sed -n 's/^calendar: \([0-9]*\/[0-9]*\|unrecorded\).*/\1/p' <<<"$out")
    RESULT[timespan]=$(sed -n 's/^timespan: \([0-9]*\/[0-9]*\|unrecorded\).*/\1/p' <<<"$out")
    return $rc
}

# ---------------------------------------------------------------------------------------------

WORK=$(mktemp -d /tmp/jobgen-matrix.XXXXXX)
trap '"$SBX" stop >/dev/null 2>&1; rm -rf -- "$WORK"' EXIT
trap 'exit 130' INT TERM

T_ALL=$(date +%s.%N)
ROWS=() FAILED=0
for suite in "${SUITES[@]}"; do
    suite_env "$suite"
    declare -A RESULT=([verify]=- [gates]=- [control]=- [e2e]=- [calendar]=- [timespan]=-)
    t=$(date +%s.%N) version=? failed_here=0
    echo "== $suite ($SANDBOX_DIR)"
    if ! prepare "$suite"; then
        echo "    FAIL  building the root tree of $suite"; failed_here=1
    elif ! boot; then
        echo "    FAIL  $suite did not boot"; failed_here=1
    elif ! booted_version "$suite"; then
        failed_here=1
    else
        if wants verify; then
            check_verify "$version" || failed_here=1
            check_gates "$version" || failed_here=1
            check_control "$version" || failed_here=1
        fi
        if wants e2e; then check_e2e "$version" || failed_here=1; fi
        if wants conformance; then check_conformance "$version" || failed_here=1; fi
    fi
    "$SBX" stop >/dev/null 2>&1
    took=$(elapsed_since "$t")
    echo "== $suite: systemd $version, $took s"
    ROWS+=("$(printf '%-19s %-7s %-7s %-6s %-7s %-7s %-11s %-10s %5ss' "$suite" "$version" "${RESULT[verify]}" \
        "${RESULT[gates]}" "${RESULT[control]}" "${RESULT[e2e]}" "${RESULT[calendar]}" "${RESULT[timespan]}" "$took")")
    ((failed_here)) && FAILED=1
    unset RESULT
done

echo
echo "systemd matrix (passed/run; gates = gates up to that version rendered and verified; control = newer"
echo "units make verify speak; calendar/timespan = rows answered as stored), $(elapsed_since "$T_ALL") s in all"
printf '%-19s %-7s %-7s %-6s %-7s %-7s %-11s %-10s %6s\n' suite systemd verify gates control e2e calendar timespan time
printf '%s\n' "${ROWS[@]}"
exit "$FAILED"
