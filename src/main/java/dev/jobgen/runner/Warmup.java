package dev.jobgen.runner;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Start-up work done on a second thread while the runner's main thread parses its arguments, takes
 * the lock and checks the stamp, so that it overlaps instead of following (bench/runner-startup.sh).
 *
 * <ul>
 *   <li>{@link #SPAWN}: the first {@code ProcessBuilder.start()} in a JVM spends ~15 ms before its
 *       fork, nearly all of it initialising {@code ProcessImpl} and {@code ProcessHandleImpl}: they
 *       set themselves up with lambdas, which bootstraps {@code java.lang.invoke} (some method-handle
 *       classes are spun at run time, beyond the CDS archive), and build the reaper thread pool.
 *   <li>{@link #PING}: the first {@code http:} URL looks for {@code URLStreamHandlerProvider}
 *       services on the class path, which opens and indexes the jar (~4000 entries) that a plain
 *       run, all of whose classes come from the CDS archive, never opens.
 * </ul>
 *
 * <p>Safe by construction: a warm-up initialises JDK classes only, never a jobgen class, so it never
 * waits for a class the main thread is initialising; a main thread that gets there first simply
 * waits on the JVM's class-initialisation lock for the work in progress, as if it did it itself.
 * It spawns nothing, connects nowhere and changes no state of the run, and every failure is
 * swallowed: the main thread then does whatever is left, exactly as without a warm-up.
 * {@code -Djobgen.runner.warmup=false} turns warm-ups off (the tests compare both).
 */
final class Warmup implements Runnable {
    /** What the first spawn initialises, in the order it needs it. */
    static final List<String> SPAWN = List.of("class:java.lang.ProcessImpl", "class:java.lang.ProcessHandleImpl",
            "class:java.util.concurrent.CompletableFuture");
    /** What the first ping initialises: the stream handlers of both schemes a heartbeat URL may have. */
    static final List<String> PING = List.of("url:http://localhost/", "url:https://localhost/");

    private final List<String> steps;

    /**
     * The steps for a run with these arguments: {@link #SPAWN}, preceded by {@link #PING} when a
     * {@code --heartbeat} flag is there, since the start ping comes before the child. The arguments
     * are only glanced at (before {@code --}), so this can run before they are parsed.
     */
    static List<String> stepsFor(String[] args) {
        for (String arg : args) {
            if (arg.equals("--")) {
                break;
            }
            if (arg.startsWith("--heartbeat")) {
                List<String> steps = new ArrayList<>(PING);
                steps.addAll(SPAWN);
                return steps;
            }
        }
        return SPAWN;
    }

    /** {@code steps}: {@code class:NAME} initialises a class, {@code url:SPEC} makes a URL (no connection). */
    Warmup(List<String> steps) {
        this.steps = steps;
    }

    /** Runs {@code steps} on a daemon thread unless warm-ups are turned off; true when started. */
    static boolean start(String name, List<String> steps) {
        if ("false".equals(System.getProperty("jobgen.runner.warmup"))) {
            return false;
        }
        Thread t = new Thread(new Warmup(steps), name);
        t.setDaemon(true); // never keeps the runner alive
        t.start();
        return true;
    }

    @Override
    public void run() {
        for (String step : steps) {
            try {
                if (step.startsWith("class:")) {
                    Class.forName(step.substring(6), true, Warmup.class.getClassLoader());
                } else if (step.startsWith("url:")) {
                    URI.create(step.substring(4)).toURL();
                }
            } catch (Throwable e) {
                // harmless: whatever is left is done by the main thread when it gets there, as it always was
            }
        }
    }
}
