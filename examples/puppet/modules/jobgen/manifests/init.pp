# @summary The jobgen package: /usr/bin/jobgen and /usr/lib/jobgen/jobgen.jar.
#
# @param package_source A jobgen .deb on the node (installed with dpkg); undef: the package
#   from the node's apt repositories.
# @param package_ensure 'installed', 'latest' or a version.
#
# @example From a .deb
#   class { 'jobgen': package_source => '/var/cache/jobgen/jobgen_0.1.0_all.deb' }
class jobgen (
  Optional[Pattern[/\A\//]] $package_source = undef,
  String $package_ensure = 'installed',
) {
  if $package_source {
    package { 'jobgen':
      ensure   => $package_ensure,
      provider => 'dpkg',
      source   => $package_source,
    }
  } else {
    package { 'jobgen':
      ensure => $package_ensure,
    }
  }
}
