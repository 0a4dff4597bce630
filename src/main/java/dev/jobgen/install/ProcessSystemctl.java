package dev.jobgen.install;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@link Systemctl} by running the {@code systemctl} program. */
public final class ProcessSystemctl implements Systemctl {
    private static final Pattern VERSION = Pattern.compile("^systemd (\\d+)");
    private final String program;

    public ProcessSystemctl() {
        this("systemctl");
    }

    /** With another program in systemctl's place (a test double script, or a full path). */
    public ProcessSystemctl(String program) {
        this.program = program;
    }

    @Override
    public int version() throws IOException {
        Result r = exec(List.of("--version"));
        Matcher m = VERSION.matcher(r.output());
        if (r.status() != 0 || !m.find()) {
            throw new IOException(program + " --version did not name a systemd version: " + r.output().strip());
        }
        return Integer.parseInt(m.group(1));
    }

    @Override
    public boolean isEnabled(String unit) throws IOException {
        return exec(List.of("is-enabled", unit)).output().strip().equals("enabled");
    }

    @Override
    public boolean isActive(String unit) throws IOException {
        return exec(List.of("is-active", "--quiet", unit)).status() == 0;
    }

    @Override
    public boolean needsReload(List<String> units) throws IOException {
        if (units.isEmpty()) {
            return false;
        }
        List<String> args = new ArrayList<>(List.of("show", "--property=NeedDaemonReload", "--value", "--"));
        args.addAll(units);
        return exec(args).output().lines().anyMatch(l -> l.strip().equals("yes"));
    }

    @Override
    public void run(SystemdAction action) throws IOException {
        Result r = exec(action.args());
        if (r.status() != 0) {
            throw new IOException(action + " failed (exit " + r.status() + "): " + r.output().strip());
        }
    }

    private record Result(int status, String output) {}

    private Result exec(List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(program);
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            return new Result(p.waitFor(), out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroy();
            throw new IOException("interrupted while running " + cmd, e);
        }
    }
}
