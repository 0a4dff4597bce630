#!/usr/bin/env bash
# Real clients for `jobgen install` (issue 5): runs examples/ansible and examples/puppet with the
# real ansible-playbook and puppet against temporary roots (--root, --no-systemctl) and checks:
# the first run reports a change, the second none (Ansible PLAY RECAP changed=0, Puppet
# --detailed-exitcodes 0), check/noop mode changes nothing, a hand-edited unit is restored, an
# edit of the catalogue reports a change again, and the units on disk equal `jobgen render`.
# Installs Debian's ansible-core and puppet when they are missing (as root; otherwise it skips
# with the reason). Puppet is judged by exit code
# only: facter prints harmless "Error: ... /proc/1/environ" lines in containers.
set -euo pipefail
project=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
cd "$project"

say() { echo "provisioning: $*" >&2; }
fail() { echo "provisioning: FAIL: $*" >&2; exit 1; }

install_packages() {
    local missing=()
    command -v ansible-playbook >/dev/null || missing+=(ansible-core)
    command -v puppet >/dev/null || missing+=(puppet)
    [[ ${#missing[@]} -eq 0 ]] && return 0
    if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null; then
        say "SKIP: ${missing[*]} missing and not installable here (needs root and apt-get; .ci/run installs them)"
        exit 0
    fi
    local start=$SECONDS
    local apt=(env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600)
    say "installing ${missing[*]}"
    # an image without package lists (or with stale ones) needs an update first
    if ! "${apt[@]}" install -y --no-install-recommends "${missing[@]}"; then
        "${apt[@]}" update
        "${apt[@]}" install -y --no-install-recommends "${missing[@]}"
    fi
    say "installed ${missing[*]} in $((SECONDS - start))s"
}

install_packages
[[ -f target/jobgen.jar ]] || mvn -B -q -DskipTests package
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
jobgen="$tmp/bin/jobgen"
mkdir -p "$tmp/bin"
printf '#!/bin/sh\nexec java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar %q "$@"\n' "$project/target/jobgen.jar" >"$jobgen"
chmod +x "$jobgen"

# The units under ROOT must be exactly what `jobgen render` makes of the catalogue the tool laid down.
assert_units_match_render() {
    local root=$1 label=$2
    rm -rf "$tmp/expected"
    "$jobgen" render "$root/etc/jobgen/catalogues/backups.yaml" -o "$tmp/expected" >/dev/null
    diff -r "$tmp/expected" "$root/etc/systemd/system" || fail "$label: units differ from jobgen render"
}

edit_catalogue() {  # a real change: another description and schedule for one job
    sed -i -e 's/Archive rotated logs/Archive rotated and compressed logs/' -e 's/schedule: daily/schedule: weekly/' "$1"
    grep -q 'schedule: weekly' "$1" || fail "catalogue edit did not apply"
}

hand_edit_unit() {
    printf '# edited by hand\n' >>"$1/etc/systemd/system/jobgen-db-backup.timer"
}

# ---------------------------------------------------------------- Ansible
aroot="$tmp/ansible-root"
mkdir -p "$aroot" "$tmp/ansible-src"
cp examples/ansible/catalogues/backups.yaml "$tmp/ansible-src/backups.yaml"
ansible_run() {  # prints the changed= count of the PLAY RECAP; fails on failed>0
    local out
    out=$(ANSIBLE_NOCOLOR=1 ANSIBLE_LOCALHOST_WARNING=false ansible-playbook -i localhost, -c local \
        examples/ansible/playbook.yml -e ansible_become=false \
        -e "{\"jobgen_root\": \"$aroot\", \"jobgen_bin\": \"$jobgen\", \"jobgen_install_args\": [\"--no-systemctl\"], \"jobgen_catalogue_src\": \"$tmp/ansible-src/backups.yaml\"}" \
        "$@" 2>&1) || { echo "$out" >&2; fail "ansible-playbook $* failed"; }
    local recap
    recap=$(grep -E '^localhost +:' <<<"$out") || { echo "$out" >&2; fail "no PLAY RECAP"; }
    [[ $recap =~ failed=0 ]] || { echo "$out" >&2; fail "ansible: $recap"; }
    sed -E 's/.*changed=([0-9]+).*/\1/' <<<"$recap"
}
expect() {  # expect LABEL WANT GOT, where WANT is 0 or "some"
    # GOT comes from $(ansible_run): its fail only ends that subshell and leaves GOT empty,
    # which [[ -eq 0 ]] would take for 0
    [[ $3 =~ ^[0-9]+$ ]] || fail "$1: ansible-playbook gave no PLAY RECAP count (see above)"
    if [[ $2 == some ]]; then [[ $3 -gt 0 ]] || fail "$1: expected a change, got changed=$3"
    else [[ $3 -eq $2 ]] || fail "$1: expected changed=$2, got changed=$3"; fi
    say "ok: $1 (changed=$3)"
}

expect "ansible check mode on an empty root" some "$(ansible_run --check)"
[[ ! -e $aroot/etc/systemd ]] || fail "ansible check mode wrote units"
expect "ansible first run" some "$(ansible_run)"
expect "ansible second run" 0 "$(ansible_run)"
expect "ansible check mode, nothing to do" 0 "$(ansible_run --check)"
assert_units_match_render "$aroot" ansible
hand_edit_unit "$aroot"
expect "ansible check mode sees a hand edit" some "$(ansible_run --check)"
grep -q 'edited by hand' "$aroot/etc/systemd/system/jobgen-db-backup.timer" || fail "ansible check mode repaired"
expect "ansible run repairs the hand edit" some "$(ansible_run)"
assert_units_match_render "$aroot" "ansible after repair"
edit_catalogue "$tmp/ansible-src/backups.yaml"
expect "ansible check mode after a catalogue edit" some "$(ansible_run --check)"
expect "ansible run after a catalogue edit" some "$(ansible_run)"
grep -q 'OnCalendar=weekly' "$aroot/etc/systemd/system/jobgen-log-archive.timer" || fail "ansible: new schedule not installed"
expect "ansible run after that" 0 "$(ansible_run)"
assert_units_match_render "$aroot" "ansible after the edit"

# ---------------------------------------------------------------- Puppet
proot="$tmp/puppet-root"
mkdir -p "$proot" "$tmp/puppet-src" "$tmp/puppet-state"
cp examples/puppet/catalogues/backups.yaml "$tmp/puppet-src/backups.yaml"
cat >"$tmp/node.pp" <<PP
jobgen::catalogue { 'backups':
  source     => '$tmp/puppet-src/backups.yaml',
  root       => '$proot',
  jobgen     => '$jobgen',
  extra_args => ['--no-systemctl'],
}
PP
puppet_run() {  # prints puppet's --detailed-exitcodes status (0 no change, 2 changes, 4/6 failures)
    local s="$tmp/puppet-state" status=0
    puppet apply --detailed-exitcodes --modulepath "$project/examples/puppet/modules" \
        --vardir "$s/var" --confdir "$s/conf" --codedir "$s/code" --logdir "$s/log" --rundir "$s/run" \
        "$@" "$tmp/node.pp" >"$tmp/puppet.log" 2>&1 || status=$?
    if [[ $status -ne 0 && $status -ne 2 ]]; then cat "$tmp/puppet.log" >&2; fi
    echo "$status"
}
pexpect() {
    [[ $3 -eq $2 ]] || fail "$1: expected puppet exit $2, got $3"
    say "ok: $1 (exit $3)"
}

pexpect "puppet first run" 2 "$(puppet_run)"
pexpect "puppet second run" 0 "$(puppet_run)"
assert_units_match_render "$proot" puppet
hand_edit_unit "$proot"
pexpect "puppet noop with a hand edit" 0 "$(puppet_run --noop)"
grep -q 'edited by hand' "$proot/etc/systemd/system/jobgen-db-backup.timer" || fail "puppet noop repaired"
grep -q 'Exec\[jobgen install backups\].*(noop)' "$tmp/puppet.log" || { cat "$tmp/puppet.log" >&2; fail "puppet noop did not see the drift"; }
pexpect "puppet run repairs the hand edit" 2 "$(puppet_run)"
assert_units_match_render "$proot" "puppet after repair"
edit_catalogue "$tmp/puppet-src/backups.yaml"
pexpect "puppet run after a catalogue edit" 2 "$(puppet_run)"
grep -q 'OnCalendar=weekly' "$proot/etc/systemd/system/jobgen-log-archive.timer" || fail "puppet: new schedule not installed"
pexpect "puppet run after that" 0 "$(puppet_run)"
assert_units_match_render "$proot" "puppet after the edit"

say "all provisioning checks passed"
