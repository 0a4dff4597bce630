# @summary Lays a jobgen catalogue down on a node and installs its units.
#
# The catalogue goes to ${root}/etc/jobgen/catalogues/${owner}.yaml; the exec runs
# `jobgen install` only when `jobgen install --check` (exit 1: something would change)
# says so. That covers a new catalogue, a hand-edited or deleted unit and a half-finished
# earlier run alike, and in --noop mode Puppet reports what it would do without doing it.
#
# @param source   Where Puppet gets the catalogue (puppet:///modules/..., or a local path).
# @param owner    Owner of the units on the node (one manifest per owner); default: the title.
# @param root     Install root: '/' on real nodes, a directory for images and tests.
# @param jobgen   The jobgen executable on the node.
# @param extra_args More arguments to `jobgen install`, e.g. ['--no-systemctl'].
#
# @example
#   jobgen::catalogue { 'backups':
#     source => 'puppet:///modules/profile/jobgen/backups.yaml',
#   }
define jobgen::catalogue (
  String $source,
  Pattern[/\A[a-z0-9][a-z0-9_.-]*\z/] $owner = $title,
  Pattern[/\A\//] $root = '/',
  Pattern[/\A\//] $jobgen = '/usr/bin/jobgen',
  Array[String] $extra_args = [],
) {
  $base = regsubst($root, '/\z', '')
  $dir = "${base}/etc/jobgen/catalogues"
  $path = "${dir}/${owner}.yaml"

  exec { "jobgen catalogue directory for ${owner}":
    command => shellquote(['/bin/mkdir', '-p', $dir]),
    creates => $dir,
  }

  file { $path:
    ensure  => file,
    source  => $source,
    mode    => '0644',
    require => Exec["jobgen catalogue directory for ${owner}"],
  }

  $install = [$jobgen, 'install', $path, '--owner', $owner, '--root', $root] + $extra_args
  exec { "jobgen install ${owner}":
    command   => shellquote($install),
    unless    => shellquote($install + ['--check']),
    logoutput => true,
    require   => File[$path],
  }
}
