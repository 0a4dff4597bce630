# @summary Lays a jobgen catalogue down on a node and installs its units (or removes them).
#
# The catalogue goes to ${root}/etc/jobgen/catalogues/${owner}.yaml; the jobgen_units type
# runs `jobgen install --check` to find out what would change and `jobgen install` when
# something would. In --noop mode Puppet names each unit that would be written or removed
# (with --show_diff, also the unit diff) without changing anything.
#
# @param source   Where Puppet gets the catalogue (puppet:///modules/..., or a path on the node).
# @param content  The catalogue text, instead of source.
# @param ensure   'present' installs the units; 'absent' removes the owner's units and the file.
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
  Optional[String] $source = undef,
  Optional[String] $content = undef,
  Enum['present', 'absent'] $ensure = 'present',
  Pattern[/\A[a-z0-9][a-z0-9_.-]*\z/] $owner = $title,
  Pattern[/\A\//] $root = '/',
  Pattern[/\A\//] $jobgen = '/usr/bin/jobgen',
  Array[String] $extra_args = [],
) {
  $base = regsubst($root, '/\z', '')
  $dir = "${base}/etc/jobgen/catalogues"
  $path = "${dir}/${owner}.yaml"

  if $ensure == 'present' {
    if $source == undef and $content == undef {
      fail("jobgen::catalogue[${title}]: give source or content")
    }
    # one exec per catalogue: a shared directory resource would clash between catalogues
    exec { "jobgen catalogue directory for ${owner}":
      command => shellquote(['/bin/mkdir', '-p', $dir]),
      creates => $dir,
    }
    file { $path:
      ensure  => file,
      source  => $source,
      content => $content,
      mode    => '0644',
      require => Exec["jobgen catalogue directory for ${owner}"],
    }
    jobgen_units { $owner:
      units      => installed,
      catalogue  => $path,
      root       => $root,
      jobgen     => $jobgen,
      extra_args => $extra_args,
      require    => File[$path],
    }
  } else {
    jobgen_units { $owner:
      units      => absent,
      root       => $root,
      jobgen     => $jobgen,
      extra_args => $extra_args,
    }
    -> file { $path:
      ensure => absent,
    }
  }
}
