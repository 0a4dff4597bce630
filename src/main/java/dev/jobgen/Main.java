package dev.jobgen;

/**
 * Entry point. {@code jobgen run} is dispatched before any CLI class loads: the runner starts on
 * every job execution, so it must not pay for picocli, YAML or templates.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        int status;
        if (args.length > 0 && args[0].equals("run")) {
            status = dev.jobgen.runner.RunnerMain.run(args);
        } else {
            status = dev.jobgen.cli.Jobgen.execute(args);
        }
        System.exit(status);
    }
}
