#!/usr/bin/env bash
# From a bare node to firing timers with the real Ansible and Puppet, as src/docs/provisioning.md says.
#
# Boots a real systemd ($JOBGEN_SHARED_TOOLS/systemd-sandbox) whose root tree has Debian's
# ansible-core, puppet and a Java runtime but no jobgen, mounts the project read-only at
# /mnt/project and, once with `ansible-playbook -c local` (the inventory and playbook of src/docs/provisioning.md)
# and once with `puppet apply --detailed-exitcodes` (the module of src/docs/provisioning.md), each on a fresh boot:
#   - installs the package target/jobgen_*_all.deb and two catalogues, alpha and beta, both with
#     on-failure webhooks to a receiver on loopback inside the sandbox;
#   - `systemctl list-timers` shows every timer; alpha's 5-second timer fires and its job runs
#     through the packaged /usr/bin/jobgen; no unit needs a daemon-reload or is "changed on disk";
#   - a failing job of each catalogue alerts; a second run changes nothing;
#   - after a hand edit, check mode (--check --diff / --noop --show_diff) shows the unit diff and
#     changes nothing; the next run restores the unit;
#   - removing a job from a catalogue removes its units and nothing else;
#   - the catalogues are removed in one order, installed and removed in the other, and every
#     failing job still installed alerts at each step; the shared jobgen-notify@.service exists
#     exactly while one of them is installed;
#   - the documented command line of src/docs/provisioning.md (examples as shipped) installs, then changes nothing;
#   - last, units installed with --root into an image and copied into place name the catalogue
#     by its node path: with the build root gone, no unit needs a reload or changed on disk.
#
# Needs root, Linux, JOBGEN_SHARED_TOOLS (a directory holding systemd-sandbox; .ci/run sets it)
# and the .deb from `mvn package`; without the first three it skips with the reason.
# Environment: JOBGEN_PROV_SANDBOX_DIR (default /var/tmp/jobgen-prov) holds the cached root tree,
# JOBGEN_PROV_TOOLS (default "ansible puppet") picks the tools to prove.
set -euo pipefail
project=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
cd "$project"

say() { echo "provisioning: $*" >&2; }
fail() { echo "provisioning: FAIL: $*" >&2; exit 1; }
skip() { echo "provisioning: SKIP: $*" >&2; exit 0; }

[[ $(uname -s) == Linux ]] || skip "needs Linux (systemd-nspawn)"
[[ $(id -u) -eq 0 ]] || skip "needs root (systemd-sandbox runs systemd-nspawn and debootstrap)"
[[ -n ${JOBGEN_SHARED_TOOLS:-} ]] || skip "JOBGEN_SHARED_TOOLS is not set (.ci/run sets it to the shared tools directory)"
SBX=$JOBGEN_SHARED_TOOLS/systemd-sandbox
[[ -x $SBX ]] || skip "no executable systemd-sandbox in JOBGEN_SHARED_TOOLS=$JOBGEN_SHARED_TOOLS"
debs=(target/jobgen_*_all.deb)
[[ -f ${debs[0]} ]] || fail "no target/jobgen_*_all.deb: run mvn -B package first"
DEB=/mnt/project/${debs[-1]}

. "$project/src/test/node-image.sh"
export SANDBOX_DIR=${JOBGEN_PROV_SANDBOX_DIR:-$NODE_IMAGE_DIR}
export SANDBOX_NAME=${SANDBOX_NAME:-jobgen-prov}
export SANDBOX_EXTRA_PACKAGES=$NODE_IMAGE_PACKAGES
export SANDBOX_JDK=none SANDBOX_TIMER_ACCURACY=1s SANDBOX_PROJECT_DIR=$project
unset SANDBOX_NETWORK

work=$(mktemp -d)
cleanup() { "$SBX" stop >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT

box() { "$SBX" exec -- "$@"; }
box_sh() { "$SBX" exec -- /bin/bash -c "set -o pipefail; $1" prov "${@:2}"; }
# Polls a container script every half second until it succeeds, or fails after SECS.
wait_until() {
    local secs=$1 desc=$2 script=$3 deadline=$(($(date +%s) + $1))
    until box_sh "$script" >/dev/null 2>&1; do
        (($(date +%s) < deadline)) || fail "$tool: timed out after ${secs}s waiting for: $desc"
        sleep 0.5
    done
}

# ------------------------------------------------------------------ the catalogues under test
HOOK=http://127.0.0.1:18080
mkdir -p "$work/prov"
catalogue() {  # catalogue NAME [JOB...]: each job is one of tick, fail, extra
    local name=$1 job
    shift
    printf 'jobgen: 1\njobs:\n'
    for job in "$@"; do
        case $job in
            tick) printf '  %s-tick:\n    description: Tick every 5 seconds\n    command: [/bin/sh, -c, "date +%%s >>/var/tmp/%s-ticks"]\n    schedule: "*:*:0/5"\n    lock: node\n' "$name" "$name" ;;
            fail) printf '  %s-fail:\n    description: Always fails\n    command: /bin/false\n    schedule: "*-01-01 00:00:00"\n    lock: node\n' "$name" ;;
            extra) printf '  %s-extra:\n    description: Removed later\n    command: /bin/true\n    schedule: daily\n' "$name" ;;
        esac
        printf '    on-failure:\n      webhook: %s/%s\n' "$HOOK" "$name"
    done
}
catalogue alpha tick fail extra >"$work/prov/alpha.yaml"
catalogue alpha tick fail >"$work/prov/alpha-lite.yaml"
catalogue beta fail >"$work/prov/beta.yaml"
cat >"$work/prov/hooks.py" <<'PY'
# Loopback webhook receiver: appends "PATH BODY" of every POST, one line each, to a file.
import http.server, sys
out = sys.argv[2]
class Hook(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            body = b""
            while True:
                size = int(self.rfile.readline().strip(), 16)
                chunk = self.rfile.read(size + 2)[:size]
                if size == 0:
                    break
                body += chunk
        else:
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        with open(out, "ab") as f:
            f.write(self.path.encode() + b" " + body.replace(b"\n", b" ") + b"\n")
        self.send_response(200)
        self.end_headers()
    def log_message(self, *args):
        pass
http.server.HTTPServer(("127.0.0.1", int(sys.argv[1])), Hook).serve_forever()
PY

# ------------------------------------------------------------------ the tools
# converge SPEC... [-- TOOL ARGS]: SPEC is OWNER=FILE (a catalogue in /srv/prov) or OWNER=absent.
# Prints "change" or "nochange" (Ansible's PLAY RECAP changed=, Puppet's detailed exit code);
# the tool's output is kept in $work/out.
converge() {
    local specs=()
    while (($#)) && [[ $1 != -- ]]; do specs+=("$1"); shift; done
    (($#)) && shift
    "converge_$tool" "${specs[@]}" "$@"
}

# catalogue_lines FORMAT SPEC...: one line per catalogue; FORMAT gets owner, file, present|absent
catalogue_lines() {
    local format=$1 spec owner file
    shift
    for spec; do
        owner=${spec%%=*} file=${spec#*=}
        if [[ $file == absent ]]; then printf "$format\n" "$owner" "$owner" absent; else printf "$format\n" "$owner" "$file" present; fi
    done
}

converge_ansible() {  # converge_ansible ALPHA_SPEC BETA_SPEC [ARGS]
    { printf 'jobgen_package_deb: %s\njobgen_catalogues:\n' "$DEB"
      catalogue_lines '  - {owner: %s, src: /srv/prov/%s.yaml, state: %s}' "$1" "$2"; } | box_sh 'cat >/srv/prov/vars.yml'
    shift 2
    local status=0 recap
    # exactly the documented command line, plus the catalogues under test
    box_sh 'cd /mnt/project && ANSIBLE_NOCOLOR=1 ANSIBLE_PIPELINING=1 ansible-playbook -i examples/ansible/inventory examples/ansible/playbook.yml -e @/srv/prov/vars.yml "$@"' "$@" \
        >"$work/out" 2>&1 || status=$?
    recap=$(grep -E '^localhost +:' "$work/out") || { cat "$work/out" >&2; fail "ansible: no PLAY RECAP (exit $status)"; }
    [[ $status -eq 0 && $recap =~ failed=0 ]] || { cat "$work/out" >&2; fail "ansible: $recap (exit $status)"; }
    [[ $recap =~ changed=0 ]] && echo nochange || echo change
}

converge_puppet() {  # converge_puppet ALPHA_SPEC BETA_SPEC [ARGS]
    { printf "class { 'jobgen': package_source => '%s' }\n" "$DEB"
      catalogue_lines "jobgen::catalogue { '%s': source => '/srv/prov/%s.yaml', ensure => %s }" "$1" "$2"; } \
        | box_sh 'cat >/srv/prov/node.pp'
    shift 2
    local status=0
    box_sh 'puppet apply --detailed-exitcodes --modulepath /mnt/project/examples/puppet/modules "$@" /srv/prov/node.pp' "$@" \
        >"$work/out" 2>&1 || status=$?
    case $status in
        0) echo nochange ;;
        2) echo change ;;
        *) cat "$work/out" >&2; fail "puppet apply exited $status" ;;
    esac
}

check_mode_args() { if [[ $tool == ansible ]]; then echo "--check --diff"; else echo "--noop --show_diff"; fi; }

expect() {  # expect LABEL WANT GOT
    [[ $2 == "$3" ]] || { cat "$work/out" >&2; fail "$tool: $1: expected $2, got $3"; }
    say "ok: $tool: $1 ($3)"
}

# ------------------------------------------------------------------ checks on the node
units_of() { box_sh 'ls /etc/systemd/system | grep -E "^jobgen-$1-" || true' "$1"; }
template_exists() { box test -f /etc/systemd/system/jobgen-notify@.service; }

# every timer the installed catalogues have is listed by systemctl list-timers, but for the
# suspended ones given (enabled: false), which must not be; no unit of theirs needs a
# daemon-reload or is reported changed on disk
check_units_loaded() {
    local timers unit listed
    timers=$(box_sh 'ls /etc/systemd/system | grep -E "^jobgen-.*\.timer$" || true')
    [[ -n $timers ]] || fail "$tool: no jobgen timers installed"
    listed=$(box systemctl list-timers --all --no-pager --plain)
    for unit in $timers; do
        if [[ " $* " == *" $unit "* ]]; then
            grep -q "$unit" <<<"$listed" && fail "$tool: suspended $unit is in systemctl list-timers:"$'\n'"$listed"
        else
            grep -q "$unit" <<<"$listed" || fail "$tool: $unit is not in systemctl list-timers:"$'\n'"$listed"
        fi
    done
    for unit in $(box_sh 'ls /etc/systemd/system | grep -E "^jobgen-[^@]*\.(service|timer)$"'); do
        [[ $(box systemctl show -p NeedDaemonReload --value "$unit") == no ]] || fail "$tool: $unit: NeedDaemonReload=yes"
        if box_sh 'systemctl status --no-pager "$1" 2>&1 | grep -qi "changed on disk"' "$unit"; then
            fail "$tool: systemctl status $unit warns that it changed on disk"
        fi
    done
    say "ok: $tool: list-timers shows $(wc -w <<<"$timers") timers; no unit needs a reload or changed on disk"
}

# the failing job of catalogue NAME fails and its alert reaches the webhook receiver
check_alert() {
    local name=$1 before
    before=$(box_sh 'grep -c "\"job\" *: *\"$1-fail\"" /var/tmp/hooks.log || true' "$name")
    box_sh 'systemctl start "jobgen-$1-fail.service" 2>/dev/null; true' "$name"
    wait_until 60 "the alert of $name-fail" "[[ \$(grep -c '\"job\" *: *\"$name-fail\"' /var/tmp/hooks.log) -gt $before ]]"
    say "ok: $tool: $name-fail failed and its alert arrived${2:-}"
}

snapshot() { box_sh 'cd / && sha256sum etc/systemd/system/jobgen-* var/lib/jobgen/installed/*.manifest 2>/dev/null | sort -k2'; }

prove() {
    tool=$1
    say "---- $tool: fresh boot"
    "$SBX" start --jdk none >/dev/null
    box test ! -e /usr/bin/jobgen || fail "$tool: the node already has /usr/bin/jobgen"
    "$SBX" cp "$work/prov" /srv/ >/dev/null
    box systemd-run --quiet --unit=hooks python3 /srv/prov/hooks.py 18080 /var/tmp/hooks.log
    wait_until 20 "the webhook receiver" 'curl -s -o /dev/null -X POST --data x http://127.0.0.1:18080/ping'

    expect "first run installs the package and alpha, beta" change "$(converge alpha=alpha beta=beta)"
    box test -x /usr/bin/jobgen || fail "$tool: /usr/bin/jobgen is not installed"
    check_units_loaded
    wait_until 30 "alpha's 5-second timer to run its job" '[[ -s /var/tmp/alpha-ticks ]]'
    # a resident run has the runner as ExecStart=; a lean run (the job qualifies) has it as the
    # ExecCondition= start phase and the ExecStopPost= end phase around the command
    box_sh 'systemctl show -p ExecStart --value jobgen-alpha-tick.service | grep -q "path=/usr/bin/jobgen ; argv\[\]=/usr/bin/jobgen run " \
            || { systemctl show -p ExecCondition --value jobgen-alpha-tick.service | grep -q "argv\[\]=/usr/bin/jobgen run --phase start " \
                 && systemctl show -p ExecStopPost --value jobgen-alpha-tick.service | grep -q "argv\[\]=/usr/bin/jobgen run --phase end "; }' \
        || fail "$tool: jobgen-alpha-tick.service does not run through /usr/bin/jobgen"
    wait_until 30 "a run in jobgen history" 'jobgen history alpha-tick | grep -q success'
    say "ok: $tool: jobgen-alpha-tick.timer fired; the job ran through /usr/bin/jobgen (jobgen history has it)"
    check_alert alpha
    check_alert beta
    expect "second run" nochange "$(converge alpha=alpha beta=beta)"

    box_sh 'printf "# edited by hand\n" >>/etc/systemd/system/jobgen-alpha-tick.timer'
    local before
    before=$(snapshot)
    # shellcheck disable=SC2046 # the check-mode flags are two words
    local got
    got=$(converge alpha=alpha beta=beta -- $(check_mode_args))
    [[ $tool == puppet ]] || expect "check mode sees the hand edit" change "$got"
    grep -q -- '^-# edited by hand' "$work/out" || { cat "$work/out" >&2; fail "$tool: check mode shows no unit diff"; }
    if [[ $tool == puppet ]]; then
        grep -q 'write jobgen-alpha-tick.timer.*(noop)' "$work/out" || { cat "$work/out" >&2; fail "puppet --noop does not name the unit"; }
    fi
    [[ $(snapshot) == "$before" ]] || fail "$tool: check mode changed files"
    say "ok: $tool: check mode shows the unit diff and names the unit, changes nothing:"
    grep -E -m4 'alpha-tick\.timer.*(noop)|^[-+]{3} .*alpha-tick|^-# edited' "$work/out" | sed 's/^/    /' >&2
    expect "run after the hand edit restores the unit" change "$(converge alpha=alpha beta=beta)"
    box_sh '! grep -q "edited by hand" /etc/systemd/system/jobgen-alpha-tick.timer' || fail "$tool: hand edit not repaired"

    before=$(snapshot)
    expect "removing alpha-extra from alpha" change "$(converge alpha=alpha-lite beta=beta)"
    local after
    after=$(snapshot)
    [[ -z $(units_of alpha-extra) ]] || fail "$tool: alpha-extra's units are still there"
    diff <(grep -v -e 'alpha-extra\.' -e 'alpha\.manifest' <<<"$before") <(grep -v 'alpha\.manifest' <<<"$after") \
        || fail "$tool: removing one job changed more than its units"
    box_sh '! systemctl list-timers --all --no-pager | grep -q alpha-extra' || fail "$tool: alpha-extra's timer is still loaded"
    say "ok: $tool: removing a job removed its units and nothing else"
    check_units_loaded

    # order 1: alpha goes first, then beta
    expect "removing alpha" change "$(converge alpha=absent beta=beta)"
    [[ -z $(units_of alpha) ]] || fail "$tool: alpha's units are still there"
    template_exists || fail "$tool: the notify template went with alpha although beta needs it"
    check_alert beta " (alpha removed)"
    expect "removing beta" change "$(converge alpha=absent beta=absent)"
    [[ -z $(box_sh 'ls /etc/systemd/system | grep ^jobgen- || true') ]] || fail "$tool: units left after both catalogues went"
    say "ok: $tool: no catalogue installed, no jobgen unit left (the template neither)"
    # order 2: beta comes first, then alpha; beta goes first
    expect "installing beta again" change "$(converge alpha=absent beta=beta)"
    check_alert beta " (beta alone)"
    expect "installing alpha again" change "$(converge alpha=alpha-lite beta=beta)"
    check_alert alpha " (both)"
    expect "removing beta first" change "$(converge alpha=alpha-lite beta=absent)"
    template_exists || fail "$tool: the notify template went with beta although alpha needs it"
    check_alert alpha " (beta removed)"
    expect "removing alpha" change "$(converge alpha=absent beta=absent)"
    template_exists && fail "$tool: the notify template outlived every catalogue that used it"
    say "ok: $tool: the shared template lived exactly while a catalogue with on-failure was installed"

    readme_$tool
    check_image_root
    "$SBX" stop >/dev/null
}

# Units installed into an image root (--root) and then put in place, as when the image boots:
# they name the catalogue by its path on the node, so once the build root is gone systemd still
# finds it and neither wants a daemon-reload nor calls the units changed on disk.
check_image_root() {
    box_sh 'set -e
        mkdir -p /srv/img/etc/jobgen/catalogues
        cp /srv/prov/beta.yaml /srv/img/etc/jobgen/catalogues/image.yaml
        jobgen install /srv/img/etc/jobgen/catalogues/image.yaml --root /srv/img --owner image >/dev/null
        cp /srv/img/etc/jobgen/catalogues/image.yaml /etc/jobgen/catalogues/image.yaml
        cp /srv/img/etc/systemd/system/jobgen-beta-fail.* /etc/systemd/system/
        rm -rf /srv/img
        systemctl daemon-reload'
    box_sh 'grep -qx "SourcePath=/etc/jobgen/catalogues/image.yaml" /etc/systemd/system/jobgen-beta-fail.service' \
        || fail "$tool: a unit installed with --root does not name the catalogue by its path on the node"
    local unit
    for unit in jobgen-beta-fail.service jobgen-beta-fail.timer; do
        [[ $(box systemctl show -p NeedDaemonReload --value "$unit") == no ]] || fail "$tool: --root: $unit: NeedDaemonReload=yes"
        if box_sh 'systemctl status --no-pager "$1" 2>&1 | grep -qi "changed on disk"' "$unit"; then
            fail "$tool: --root: systemctl status $unit warns that it changed on disk"
        fi
    done
    say "ok: $tool: units installed with --root name the node path: no reload needed once the build root is gone"
}

# The command line of src/docs/provisioning.md as written (the examples as shipped), on the node as it is now.
readme_ansible() {
    local out status=0
    out=$(box_sh 'cd /mnt/project && ansible-playbook -i examples/ansible/inventory examples/ansible/playbook.yml -e jobgen_package_deb=$1' "$DEB" 2>&1) || status=$?
    [[ $status -eq 0 ]] && grep -qE '^localhost +:.*changed=[1-9].*failed=0' <<<"$out" || { echo "$out" >&2; fail "ansible: the documented command did not install"; }
    out=$(box_sh 'cd /mnt/project && ansible-playbook -i examples/ansible/inventory examples/ansible/playbook.yml -e jobgen_package_deb=$1' "$DEB" 2>&1) || status=$?
    [[ $status -eq 0 ]] && grep -qE '^localhost +:.*changed=0 .*failed=0' <<<"$out" || { echo "$out" >&2; fail "ansible: the documented command changed something the second time"; }
    check_readme_catalogues
}

readme_puppet() {
    local status
    for want in 2 0; do
        status=0
        box_sh 'cd /mnt/project && FACTER_jobgen_deb=$1 puppet apply --detailed-exitcodes --modulepath examples/puppet/modules examples/puppet/site.pp' "$DEB" \
            >"$work/out" 2>&1 || status=$?
        [[ $status -eq $want ]] || { cat "$work/out" >&2; fail "puppet: the documented command exited $status, expected $want"; }
    done
    check_readme_catalogues
}

check_readme_catalogues() {
    box test -f /etc/systemd/system/jobgen-db-backup.timer -a -f /etc/systemd/system/jobgen-sales-report.timer \
        || fail "$tool: the documented catalogues are not installed"
    check_units_loaded jobgen-log-archive.timer
    say "ok: $tool: the documented command installs the shipped examples, then changes nothing"
}

start=$SECONDS
"$SBX" status >/dev/null 2>&1 && fail "a sandbox is already running in $SANDBOX_DIR; stop it with: SANDBOX_DIR=$SANDBOX_DIR $SBX stop"
"$SBX" create 2>&1 | sed 's/^/provisioning: /' >&2
for t in ${JOBGEN_PROV_TOOLS:-ansible puppet}; do
    prove "$t"
done
say "all provisioning checks passed in $((SECONDS - start))s"
