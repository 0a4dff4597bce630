package dev.jobgen.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jobgen.compile.Compilation;
import dev.jobgen.render.RenderedFile;
import dev.jobgen.runner.RunnerArgs;
import dev.jobgen.runner.RunnerConfig;
import dev.jobgen.runner.SystemdWords;
import dev.jobgen.testing.Fixtures;
import dev.jobgen.testing.GoldenFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The compiler and the runner agree on the flags: every {@code jobgen run} line the planner
 * renders for the examples (a lean run's {@code --phase} lines too) is accepted by the runner's
 * own parser, and the command after {@code --} is exactly the job's argv.
 */
class RunnerContractTest {
    @Test
    void everyRenderedRunnerLineParsesWithTheRunnersParser() throws Exception {
        List<Path> examples;
        try (Stream<Path> files = Files.list(GoldenFiles.projectDir().resolve("examples"))) {
            examples = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        int checked = 0;
        for (Path example : examples) {
            Compilation c = Fixtures.compile(example);
            assertFalse(c.hasErrors(), c.diagnostics()::toString);
            for (RenderedFile f : c.files()) {
                for (String line : new String(f.content(), StandardCharsets.UTF_8).split("\n")) {
                    int eq = line.indexOf('=');
                    if (eq < 0 || !line.startsWith("/usr/bin/jobgen run ", eq + 1)) {
                        continue;
                    }
                    // ExecStart= escapes specifiers and $; the runner sees them once systemd undid that
                    List<String> argv = SystemdWords.split(line.substring(eq + 1));
                    List<String> args = new ArrayList<>(argv.subList(2, argv.size())); // after "jobgen run"
                    if (args.get(0).equals("--phase")) {
                        // a lean run's ExecCondition=/ExecStopPost=: the phase, then the same flags
                        assertTrue(List.of("start", "end").contains(args.get(1)), line);
                        args = new ArrayList<>(args.subList(2, args.size()));
                    }
                    RunnerConfig config = RunnerArgs.parse(args, Map.of());
                    int dashes = args.indexOf("--");
                    assertTrue(dashes > 0, line);
                    assertEquals(args.subList(dashes + 1, args.size()), config.command(), f.name());
                    checked++;
                }
            }
        }
        assertTrue(checked >= 8, "only " + checked + " runner lines found in the examples");
    }
}
