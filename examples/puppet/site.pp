# Install jobgen and the example catalogues on every node (as root):
#   FACTER_jobgen_deb=$PWD/target/jobgen_0.1.0_all.deb \
#     puppet apply --modulepath examples/puppet/modules examples/puppet/site.pp
#   ... --noop --show_diff   # what would change, unit by unit
# Without FACTER_jobgen_deb the package comes from the node's apt repositories.
node default {
  class { 'jobgen':
    package_source => $facts['jobgen_deb'],
  }
  jobgen::catalogue { 'backups':
    source => 'puppet:///modules/profile/jobgen/backups.yaml',
  }
  jobgen::catalogue { 'reports':
    source => 'puppet:///modules/profile/jobgen/reports.yaml',
  }
}
