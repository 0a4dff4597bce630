#!/usr/bin/python3
# -*- coding: utf-8 -*-
"""Ansible module: install (or remove) one jobgen catalogue's units with `jobgen install`."""

from __future__ import annotations

import json
import os
import tempfile

from ansible.module_utils.basic import AnsibleModule

DOCUMENTATION = r"""
module: jobgen_install
short_description: Install a jobgen catalogue's systemd units with C(jobgen install)
description:
  - Runs C(jobgen install CATALOGUE --owner OWNER --root ROOT --format json --diff) and reports
    what jobgen reports, so the task is changed only when a unit, a manifest or a timer changed.
  - In check mode it adds C(--check), so nothing is changed and the same report says what would be.
  - With C(--diff) the unified diff of every unit written or removed is shown.
  - C(state=absent) installs an empty catalogue under OWNER, which removes the units OWNER owns
    (and the shared notify template once no other catalogue needs it).
options:
  catalogue:
    description: The catalogue file on the node (under I(root)). Not needed with C(state=absent).
    type: path
  owner:
    description: Owner name of the units (one manifest per owner), C([a-z0-9][a-z0-9_.-]*).
    type: str
    required: true
  state:
    description: C(present) installs the catalogue's units, C(absent) removes every unit of OWNER.
    type: str
    choices: [present, absent]
    default: present
  root:
    description: Install root; C(/) on a node, a directory for images and containers.
    type: path
    default: /
  jobgen:
    description: The jobgen executable on the node.
    type: path
    default: /usr/bin/jobgen
  args:
    description: More arguments to C(jobgen install), e.g. C([--no-systemctl]).
    type: list
    elements: str
    default: []
"""

EXAMPLES = r"""
- name: Units of the backups catalogue are installed
  jobgen_install:
    catalogue: /etc/jobgen/catalogues/backups.yaml
    owner: backups
"""

RETURN = r"""
written: {description: Units created or replaced (or that would be), type: list, returned: always}
removed: {description: Units deleted (or that would be), type: list, returned: always}
unchanged: {description: Units already as the catalogue says, type: list, returned: always}
actions: {description: systemctl commands run (or that would run), type: list, returned: always}
"""

# A catalogue with no jobs: installing it under an owner removes everything that owner has.
EMPTY_CATALOGUE = "jobgen: 1\njobs: {}\n"


def run_install(module, catalogue):
    p = module.params
    cmd = [p["jobgen"], "install", catalogue, "--owner", p["owner"], "--root", p["root"],
           "--format", "json", "--diff"]
    if module.check_mode:
        cmd.append("--check")
    cmd += p["args"]
    rc, out, err = module.run_command(cmd)
    # with --check, exit 1 and a report on stdout means "something would change"
    if rc != 0 and not (module.check_mode and rc == 1 and out.lstrip().startswith("{")):
        module.fail_json(msg=(err.strip() or out.strip() or "jobgen install failed"), rc=rc, cmd=cmd,
                         stdout=out, stderr=err)
    return json.loads(out), cmd, err


def main():
    module = AnsibleModule(
        argument_spec=dict(
            catalogue=dict(type="path"),
            owner=dict(type="str", required=True),
            state=dict(type="str", choices=["present", "absent"], default="present"),
            root=dict(type="path", default="/"),
            jobgen=dict(type="path", default="/usr/bin/jobgen"),
            args=dict(type="list", elements="str", default=[]),
        ),
        required_if=[("state", "present", ["catalogue"])],
        supports_check_mode=True,
    )
    p = module.params
    if p["state"] == "present":
        if not os.path.isfile(p["catalogue"]):
            if module.check_mode:
                # the copy that would put it there has not run: jobgen has nothing to read yet
                module.exit_json(changed=True, msg="%s is not on the node yet" % p["catalogue"],
                                 written=[], removed=[], unchanged=[], actions=[])
            module.fail_json(msg="%s: no such catalogue on the node" % p["catalogue"])
        report, cmd, err = run_install(module, p["catalogue"])
    else:
        with tempfile.TemporaryDirectory(prefix="jobgen-absent-") as tmp:
            empty = os.path.join(tmp, "empty.yaml")
            with open(empty, "w", encoding="utf-8") as f:
                f.write(EMPTY_CATALOGUE)
            report, cmd, err = run_install(module, empty)
    result = dict(
        changed=bool(report["changed"]),
        written=report.get("written", []),
        removed=report.get("removed", []),
        unchanged=report.get("unchanged", []),
        actions=report.get("actions", []),
        cmd=cmd,
    )
    if module._diff and report.get("diff"):
        result["diff"] = dict(prepared=report["diff"])
    module.exit_json(**result)


if __name__ == "__main__":
    main()
