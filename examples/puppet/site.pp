# Install the backups catalogue on every node:
#   puppet apply --modulepath examples/puppet/modules examples/puppet/site.pp
#   puppet apply --noop ...   # what would change
node default {
  jobgen::catalogue { 'backups':
    source => 'puppet:///modules/profile/jobgen/backups.yaml',
  }
}
