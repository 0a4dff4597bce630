#!/usr/bin/env bash
# run-package-tests.sh — proof that the node packages built by `mvn package` work (after package).
#
# On the build host:
#   reproducible  a second build of the commit (sources copied, `mvn -o package` again) gives the
#                 same bytes for the jar, target/jobgen_V_all.deb and target/jobgen-V.tar.gz
#   tarball       one top directory jobgen-V/ holding bin/, lib/, share/
#   lintian       no error and no warning left (each override in lintian-overrides has its reason)
#   no-java       the launcher on a node without java: one line naming the package, exit 127
# In a real systemd (the sandbox from $JOBGEN_SHARED_TOOLS/systemd-sandbox, rootfs with Debian's
# default-jre-headless and no host JDK), after `dpkg -i`:
#   man           every installed man page renders without groff warnings; jobgen-run and
#                 jobgen.yaml carry their reference from src/docs
#   completion    bash-completion loads ours and completes `jobgen ren` to render; so does zsh
#   tmpfiles      the boot service creates /run/lock/jobgen 0755 root:root from our tmpfiles.d line
#   cds           postinst made the archives of this jar, and a `jobgen run` without a heartbeat maps its
#                 classes from the quiet one
#   upgrade       a timer installed with `jobgen install` keeps firing across `dpkg -r` and the
#                 `dpkg -i` of a newer build, whose postinst drops the old jar's archive
#   purge         dpkg --purge removes /var/cache/jobgen
#
# Usage (as root): src/test/package/run-package-tests.sh [--keep]
# Needs target/jobgen_V_all.deb (mvn package). The host checks skip one by one without their tool
# (dpkg-deb, lintian); the sandbox checks skip with the reason when not root, not Linux, or
# JOBGEN_SHARED_TOOLS is unset. JOBGEN_PKG_SANDBOX_DIR (default /var/tmp/jobgen-pkg) holds the
# sandbox's cached root tree (built once, a few minutes).
set -uo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
PROJECT=$(cd "$HERE/../../.." && pwd)
TARGET=$PROJECT/target
BUILD=$PROJECT/src/main/package/build-package.sh
KEEP=0
[[ ${1:-} == --keep ]] && KEEP=1

PASSED=0 FAILED=0 SKIPPED=0
pass() { echo "package: ok: $*"; PASSED=$((PASSED + 1)); }
fail() { echo "package: FAIL: $*"; FAILED=$((FAILED + 1)); }
skip() { echo "package: skipped: $*"; SKIPPED=$((SKIPPED + 1)); }
finish() {
    echo "package: $PASSED passed, $FAILED failed, $SKIPPED skipped"
    ((FAILED == 0))
    exit $?
}

version=$(sed -n 's/^version=//p' "$TARGET/classes/jobgen-version.properties" 2>/dev/null)
DEB=$TARGET/jobgen_${version}_all.deb
TARBALL=$TARGET/jobgen-$version.tar.gz
[[ -n $version && -f $TARBALL ]] || { fail "no $TARBALL: run mvn package first"; finish; }
WORK=$(mktemp -d /tmp/jobgen-pkg-test.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

# --- on the build host ---------------------------------------------------------------------------

# A second, independent build of this commit: the project's sources copied elsewhere and built
# again by Maven (offline: \`package\` has just fetched everything), with the commit's time.
epoch=$(git -C "$PROJECT" log -1 --format=%ct 2>/dev/null)
mkdir -p "$WORK/rebuild"
cp -r "$PROJECT/pom.xml" "$PROJECT/src" "$PROJECT/templates" "$PROJECT/examples" "$WORK/rebuild/"
if ! command -v mvn >/dev/null; then
    skip "reproducible: mvn not on PATH"
elif (cd "$WORK/rebuild" && SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$epoch} mvn -B -q -o -Dstyle.color=never -DskipTests package) >"$WORK/rebuild.log" 2>&1; then
    same=1
    for f in "$TARGET/jobgen.jar" "$TARBALL" "$DEB"; do
        [[ -f $f ]] || continue
        cmp -s "$f" "$WORK/rebuild/target/${f##*/}" || { echo "    ${f##*/} differs"; same=0; }
    done
    ((same)) && pass "reproducible: a second build of this commit gives the same jar, .deb and tarball bytes" ||
        fail "reproducible: a second build differs"
else
    tail -20 "$WORK/rebuild.log"
    fail "reproducible: the second build failed"
fi

tops=$(tar -tzf "$TARBALL" | cut -d/ -f1 | sort -u)
dirs=$(tar -tzf "$TARBALL" | awk -F/ 'NF >= 2 && $2 != "" { print $2 }' | sort -u | tr '\n' ' ')
if [[ $tops == "jobgen-$version" && $dirs == "bin lib share " ]] && tar -tzf "$TARBALL" | grep -x "jobgen-$version/bin/jobgen" >/dev/null; then
    pass "tarball: jobgen-$version/{bin,lib,share}"
else
    fail "tarball: top '$tops', below it '$dirs'"
fi

if ! command -v lintian >/dev/null; then
    skip "lintian: not installed (apt-get install lintian; .ci/run installs it)"
elif [[ ! -f $DEB ]]; then
    skip "lintian: no $DEB (dpkg-deb missing at build time)"
else
    lintian --fail-on none "$DEB" >"$WORK/lintian" 2>&1
    if grep -E '^[EW]: ' "$WORK/lintian"; then
        fail "lintian: errors or warnings above"
    else
        pass "lintian: no errors or warnings"
    fi
fi

# a node without java: the launcher must say what to install, in one line, with PATH as systemd's
mkdir -p "$WORK/nojava/bin"
for tool in sha256sum mkdir ln mv rm readlink; do ln -s "$(command -v "$tool")" "$WORK/nojava/bin/$tool"; done
out=$(env -i PATH="$WORK/nojava/bin" JOBGEN_JAR="$TARGET/jobgen.jar" /bin/bash "$PROJECT/src/main/dist/jobgen" --version 2>&1)
status=$?
if [[ $status -eq 127 && $(wc -l <<<"$out") -eq 1 && $out == *"default-jre-headless"* ]]; then
    pass "no-java: exit 127, '$out'"
else
    fail "no-java: exit $status, output: $out"
fi

# --- in a real systemd ---------------------------------------------------------------------------

if [[ $(uname -s) != Linux ]]; then skip "sandbox checks: not Linux"; finish; fi
if [[ $(id -u) -ne 0 ]]; then skip "sandbox checks: not root"; finish; fi
if [[ -z ${JOBGEN_SHARED_TOOLS:-} || ! -x $JOBGEN_SHARED_TOOLS/systemd-sandbox ]]; then
    skip "sandbox checks: JOBGEN_SHARED_TOOLS unset or without systemd-sandbox"
    finish
fi
if [[ ! -f $DEB ]]; then fail "sandbox checks: no $DEB"; finish; fi

. "$HERE/../node-image.sh"
export SANDBOX_DIR=${JOBGEN_PKG_SANDBOX_DIR:-$NODE_IMAGE_DIR}
export SANDBOX_NAME=${SANDBOX_NAME:-jobgen-pkg}
export SANDBOX_JDK=none   # Debian's java, as a node has it
export SANDBOX_EXTRA_PACKAGES=$NODE_IMAGE_PACKAGES
export SANDBOX_TIMER_ACCURACY=1s
SBX=$JOBGEN_SHARED_TOOLS/systemd-sandbox
box() { "$SBX" exec -- /bin/bash -c "set -o pipefail; $1"; }
wait_box() { # wait_box SECS SCRIPT
    local deadline=$(($(date +%s) + $1))
    until box "$2" >/dev/null 2>&1; do
        (($(date +%s) < deadline)) || return 1
        sleep 0.5
    done
}
stop_box() { ((KEEP)) || "$SBX" stop >/dev/null 2>&1; }

"$SBX" create >"$WORK/create.log" 2>&1 || { tail -20 "$WORK/create.log"; fail "sandbox: creating the root tree failed"; finish; }
"$SBX" restart >"$WORK/boot.log" 2>&1 || { tail -20 "$WORK/boot.log"; fail "sandbox: boot failed"; finish; }
trap 'stop_box; rm -rf "$WORK"' EXIT

"$SBX" cp "$DEB" /tmp/jobgen.deb >/dev/null
if box 'dpkg -i /tmp/jobgen.deb' >"$WORK/dpkg.log" 2>&1 && box '[[ $(command -v jobgen) == /usr/bin/jobgen ]] && jobgen --version'; then
    pass "dpkg -i: installed, /usr/bin/jobgen runs on Debian's java"
else
    cat "$WORK/dpkg.log"
    fail "dpkg -i failed"
    finish
fi

warnings=$(box 'for p in jobgen jobgen-run jobgen.yaml; do man -w "$p" >/dev/null 2>&1 || echo "no page $p"; done
    for f in $(dpkg -L jobgen | grep "^/usr/share/man/man./.*\.gz$"); do MANWIDTH=80 man --warnings -l "$f" 2>&1 >/dev/null; done')
pages=$(box 'dpkg -L jobgen | grep -c "^/usr/share/man/man./.*\.gz$"')
if [[ -z $warnings ]] && box 'MANWIDTH=80 man jobgen-run 2>/dev/null | grep -q -- "--idempotent period"' &&
    box 'MANWIDTH=80 man jobgen 2>/dev/null | grep -q "jobgen-run(1)"' &&
    box 'MANWIDTH=80 man jobgen-run 2>/dev/null | grep -q "^PERIOD STAMPS"' &&
    box 'MANWIDTH=80 man jobgen.yaml 2>/dev/null | grep -q "^SANDBOX PROFILES"'; then
    pass "man: all $pages pages render without groff warnings; jobgen-run(1) and jobgen.yaml(5) carry the reference"
else
    fail "man: $warnings"
fi

# bash-completion's loader finds our file by the command's name, as in an interactive shell
completed=$(box 'source /usr/share/bash-completion/bash_completion; _completion_loader jobgen;
    fn=$(complete -p jobgen | sed -n "s/.*-F \([^ ]*\).*/\1/p");
    COMP_WORDS=(jobgen ren); COMP_CWORD=1; COMP_LINE="jobgen ren"; COMP_POINT=${#COMP_LINE};
    "$fn" jobgen ren jobgen 2>/dev/null; echo "${COMPREPLY[*]}"')
if [[ $completed == render ]]; then
    pass "completion: bash completes 'jobgen ren' to render"
else
    fail "completion: bash offered '$completed' for 'jobgen ren'"
fi
# zsh: an interactive shell in a pseudo-terminal (zpty) with compinit, as a user has it, types
# `jobgen ren<TAB>`, then moves to the start and makes the line a no-op (`: ...`); its echo must show the
# completed word
box 'cat >/tmp/zsh-complete <<"EOF"
zmodload zsh/zpty
zpty z zsh -f -i
zpty -w z "autoload -U compinit && compinit -u -D; PS1=\"P> \"; unsetopt beep"
sleep 1
zpty -wn z $'"'"'jobgen ren\t'"'"'
sleep 3
zpty -wn z $'"'"'\C-a: \n'"'"'
sleep 1
out=""
while zpty -rt z chunk; do out+=$chunk; done
zpty -d z
[[ $out == *"jobgen render"* ]]
EOF'
if box 'zsh -f /tmp/zsh-complete'; then
    pass "completion: zsh (compinit, interactive) completes 'jobgen ren' to render"
else
    fail "completion: zsh did not complete 'jobgen ren'"
fi

# the boot service (systemd-tmpfiles-setup) must make the directory from our line, also fixing
# the mode of one left behind world-writable
# (the unit refuses a manual restart and a reboot of the sandbox discards the installed package, so
# its own ExecStart= line is run, as read from the unit)
if box 'boot=$(systemctl show -p ExecStart --value systemd-tmpfiles-setup.service | sed -n "s/.*argv\[\]=\([^;]*\) ;.*/\1/p")
    [[ $boot == *systemd-tmpfiles*--boot* ]] || exit 1
    chmod 1777 /run/lock/jobgen && $boot && [[ $(stat -c "%a %U %G" /run/lock/jobgen) == "755 root root" ]] &&
    rmdir /run/lock/jobgen && $boot && [[ $(stat -c "%a %U %G" /run/lock/jobgen) == "755 root root" ]]'; then
    pass "tmpfiles: the boot service creates /run/lock/jobgen 0755 root:root"
else
    fail "tmpfiles: $(box 'systemctl show -p ExecStart --value systemd-tmpfiles-setup.service; stat -c "%a %U %G" /run/lock/jobgen' 2>&1)"
fi

# the archives postinst made, and a run that takes the runner's classes from the quiet one
archive=$(box 'sum=$(sha256sum /usr/lib/jobgen/jobgen.jar); echo /var/cache/jobgen/jobgen-${sum:0:16}.jsa')
quiet=${archive%.jsa}-quiet.jsa
box 'cat >/usr/local/bin/java-spy <<"EOF"
#!/bin/sh
printf "%s\n" "$*" >>/tmp/java-argv
exec java -Xlog:class+load=info:file=/tmp/class-load.log "$@"
EOF
chmod 755 /usr/local/bin/java-spy'
if box "[[ -s $archive && -s $quiet && \$(readlink -f /var/cache/jobgen/current-quiet) == $quiet ]]" &&
    box 'JOBGEN_JAVA=/usr/local/bin/java-spy jobgen run --job cds-probe --state-dir /tmp/cds-probe --lock node -- /bin/true' &&
    box "grep -q 'SharedArchiveFile=/var/cache/jobgen/current-quiet ' /tmp/java-argv" &&
    box 'grep -q "dev.jobgen.runner.Runner source: shared objects file" /tmp/class-load.log'; then
    pass "cds: postinst made $archive and $quiet, and jobgen run loads the runner from the quiet one"
else
    fail "cds: archive $(box "ls -l /var/cache/jobgen" 2>&1 | tr '\n' ' '); argv $(box 'cat /tmp/java-argv' 2>&1)"
fi

# A newer build: the next version, with a jar that differs (so its archive has another name).
NEWER=$version+test1
cp -r "$PROJECT/src/main/package" "$WORK/src"
{ printf 'jobgen (%s) unstable; urgency=medium\n\n  * Test build.\n\n -- jobgen developers <jobgen@packages.invalid>  Tue, 01 Dec 2026 00:00:00 +0000\n\n' "$NEWER"; cat "$PROJECT/src/main/package/changelog"; } >"$WORK/src/changelog"
cp "$TARGET/jobgen.jar" "$WORK/newer.jar"
echo "$NEWER" >"$WORK/NEWER-BUILD"
(cd "$WORK" && jar uf newer.jar NEWER-BUILD) || (cd "$WORK" && zip -q newer.jar NEWER-BUILD)
JOBGEN_PKG_SOURCES=$WORK/src JOBGEN_PKG_JAR=$WORK/newer.jar JOBGEN_PKG_GENERATED=$TARGET/package-gen JOBGEN_PKG_OUT=$WORK/newer \
    bash "$BUILD" "$PROJECT" "$TARGET" "$NEWER" 2>"$WORK/newer.log" || { cat "$WORK/newer.log"; fail "upgrade: building the newer package failed"; finish; }
"$SBX" cp "$WORK/newer/jobgen_${NEWER}_all.deb" /tmp/jobgen-newer.deb >/dev/null

box 'mkdir -p /etc/jobgen && cat >/etc/jobgen/pkg.yaml <<"EOF"
jobgen: 1
jobs:
  pkg-tick:
    command: [/bin/true]
    schedule: "*:*:0/3"
    timeout: 2s
    lock: node
EOF
jobgen install /etc/jobgen/pkg.yaml --root / >/dev/null'
runs() { box 'grep -c "\"outcome\":\"success\"" /var/lib/jobgen/pkg-tick/runs.jsonl 2>/dev/null || echo 0'; }
if ! wait_box 30 '[[ $(grep -c "\"outcome\":\"success\"" /var/lib/jobgen/pkg-tick/runs.jsonl 2>/dev/null) -ge 1 ]]'; then
    fail "upgrade: the installed timer never ran ($(box 'systemctl status jobgen-pkg-tick.timer jobgen-pkg-tick.service 2>&1 | tail -15'))"
    finish
fi
box 'dpkg -r jobgen' >"$WORK/dpkg-r.log" 2>&1 || { cat "$WORK/dpkg-r.log"; fail "upgrade: dpkg -r failed"; }
removed=$(box '[[ ! -e /usr/bin/jobgen ]] && systemctl is-enabled jobgen-pkg-tick.timer')
before=$(runs)
box 'dpkg -i /tmp/jobgen-newer.deb' >"$WORK/dpkg-newer.log" 2>&1 || { cat "$WORK/dpkg-newer.log"; fail "upgrade: dpkg -i of the newer build failed"; }
new_archive=$(box 'sum=$(sha256sum /usr/lib/jobgen/jobgen.jar); echo /var/cache/jobgen/jobgen-${sum:0:16}.jsa')
if [[ $removed == enabled ]] && wait_box 30 "[[ \$(grep -c '\"outcome\":\"success\"' /var/lib/jobgen/pkg-tick/runs.jsonl) -gt $before ]]" &&
    box "[[ \$(dpkg-query -W -f='\${Version}' jobgen) == '$NEWER' && -s $new_archive && -s ${new_archive%.jsa}-quiet.jsa && ! -e $archive && ! -e $quiet ]]"; then
    pass "upgrade: the timer stayed enabled through dpkg -r and fired again on $NEWER ($before runs before, $(runs) after); the old archives are gone"
else
    fail "upgrade: enabled after -r: '$removed'; runs before $before, now $(runs); archives: $(box 'ls /var/cache/jobgen' | tr '\n' ' ')"
fi

if box 'dpkg --purge jobgen >/dev/null 2>&1 && [[ ! -e /var/cache/jobgen ]]'; then
    pass "purge: /var/cache/jobgen removed"
else
    fail "purge: /var/cache/jobgen left behind"
fi
finish
