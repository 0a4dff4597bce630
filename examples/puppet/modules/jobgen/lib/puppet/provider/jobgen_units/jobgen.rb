# frozen_string_literal: true

require 'json'
require 'open3'
require 'tmpdir'

Puppet::Type.type(:jobgen_units).provide(:jobgen) do
  desc 'Runs `jobgen install` (with --check to find out what would change).'

  # A catalogue with no jobs: installing it under an owner removes everything the owner has.
  EMPTY_CATALOGUE = "jobgen: 1\njobs: {}\n"

  # nil when nothing would change; else {summary:, diff:} naming the pending changes.
  def pending(desired)
    # in --noop on a bare node the package or the file that would bring these is not there yet
    return { summary: "#{resource[:jobgen]} is not installed yet" } unless File.executable?(resource[:jobgen])
    if desired.to_s != 'absent' && !File.file?(resource[:catalogue])
      return { summary: "#{resource[:catalogue]} is not on the node yet" }
    end
    report = install(desired, true)
    return nil unless report['changed']
    {
      summary: describe(report),
      diff: report['diff'],
    }
  end

  def units=(desired)
    report = install(desired, false)
    Puppet.notice("#{resource.ref}: #{describe(report)}") if report['changed']
  end

  private

  def describe(report)
    parts = report['written'].map { |u| "write #{u}" } + report['removed'].map { |u| "remove #{u}" } +
            report['actions'].map { |a| "run #{a}" }
    parts.empty? ? 'bookkeeping only (manifest or leftover temp file)' : parts.join(', ')
  end

  def install(desired, check)
    if desired.to_s == 'absent'
      Dir.mktmpdir('jobgen-absent-') do |dir|
        empty = File.join(dir, 'empty.yaml')
        File.write(empty, EMPTY_CATALOGUE)
        return run(empty, check)
      end
    end
    run(resource[:catalogue], check)
  end

  def run(catalogue, check)
    argv = [resource[:jobgen], 'install', catalogue, '--owner', resource[:owner], '--root', resource[:root],
            '--format', 'json', '--diff']
    argv << '--check' if check
    argv += Array(resource[:extra_args])
    out, err, status = Open3.capture3(*argv)
    # with --check, exit 1 and a report on stdout means "something would change"
    unless status.success? || (check && status.exitstatus == 1 && out.lstrip.start_with?('{'))
      raise Puppet::Error, "#{argv.join(' ')} failed (exit #{status.exitstatus}): #{(err.strip.empty? ? out : err).strip}"
    end
    JSON.parse(out)
  rescue Errno::ENOENT => e
    raise Puppet::Error, "#{resource[:jobgen]}: #{e.message} (is the jobgen package installed?)"
  end
end
