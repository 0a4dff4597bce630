# Sourced by the suites that boot a node as a package user has it: Debian's own Java, no host JDK.
# One package list and one cached root tree for all of them, so a fresh machine builds it once
# (the sandbox rebuilds a tree whenever the suite or this list differs).
#   package suite:      man-db, groff-base, bash-completion, zsh (man pages and completion)
#   provisioning suite: ansible-core, puppet, python3; python3-cffi-backend because debootstrap
#                       does not resolve ansible-core's virtual dependency on it, python3-apt for
#                       Ansible's apt module
NODE_IMAGE_PACKAGES="default-jre-headless man-db groff-base bash-completion zsh ansible-core puppet python3 python3-cffi-backend python3-apt"
NODE_IMAGE_DIR=${JOBGEN_NODE_SANDBOX_DIR:-/var/tmp/jobgen-node}
