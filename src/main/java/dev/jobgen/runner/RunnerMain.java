package dev.jobgen.runner;

/** {@code jobgen run [flags] -- COMMAND...}: the wrapper runner that units call. */
public final class RunnerMain {
    private RunnerMain() {}

    /** Runs the runner with the full argument vector (starting with "run"); returns the exit status. */
    public static int run(String[] args) {
        System.err.println("jobgen run: not implemented yet");
        return 2;
    }
}
