# frozen_string_literal: true

Puppet::Type.newtype(:jobgen_units) do
  @doc = <<~DOC
    The systemd units one jobgen catalogue owns on a node, installed with `jobgen install`.

    The current state is what `jobgen install --check --format json --diff` reports: in sync
    when nothing would change, otherwise the units that would be written or removed (and the
    systemctl actions). So `puppet apply --noop` names each unit that would change, and with
    --show_diff prints the unit diff too. `units => absent` removes every unit of the owner
    (and the shared notify template once no other catalogue refers to it).

    @example
      jobgen_units { 'backups':
        catalogue => '/etc/jobgen/catalogues/backups.yaml',
      }
  DOC

  newparam(:owner, namevar: true) do
    desc 'Owner name of the units on the node (one manifest per owner).'
    validate do |value|
      raise ArgumentError, "invalid owner name '#{value}': use [a-z0-9][a-z0-9_.-]*" unless value =~ %r{\A[a-z0-9][a-z0-9_.-]*\z}
    end
  end

  newparam(:catalogue) do
    desc 'The catalogue file on the node (under root). Not needed with units => absent.'
    validate do |value|
      raise ArgumentError, "catalogue must be an absolute path, not '#{value}'" unless value.start_with?('/')
    end
  end

  newparam(:root) do
    desc "Install root: '/' on nodes, a directory for images and tests."
    defaultto '/'
  end

  newparam(:jobgen) do
    desc 'The jobgen executable on the node.'
    defaultto '/usr/bin/jobgen'
  end

  newparam(:extra_args, array_matching: :all) do
    desc "More arguments to `jobgen install`, e.g. ['--no-systemctl']."
    defaultto []
  end

  newproperty(:units) do
    desc 'installed: every unit as the catalogue says; absent: the owner has no units.'
    newvalues(:installed, :absent)
    defaultto :installed

    # The state on the node: the desired value when jobgen would change nothing, else the
    # pending changes by name, which Puppet shows as the current value.
    def retrieve
      pending = provider.pending(should)
      return should if pending.nil?
      send(@resource[:loglevel], "\n" + pending[:diff]) if Puppet[:show_diff] && !pending[:diff].to_s.empty?
      pending[:summary]
    end

    def insync?(is)
      is.to_s == should.to_s
    end

    def change_to_s(current, desired)
      "#{current} -> #{desired}"
    end
  end

  validate do
    if self[:units].to_s != 'absent' && self[:catalogue].nil?
      raise Puppet::Error, "Jobgen_units[#{self[:owner]}]: catalogue is required unless units => absent"
    end
  end

  autorequire(:file) { [self[:catalogue]].compact }
  autorequire(:package) { ['jobgen'] }
end
