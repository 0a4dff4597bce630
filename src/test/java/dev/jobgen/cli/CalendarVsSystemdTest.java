package dev.jobgen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our text output against the real {@code systemd-analyze calendar} on this machine, line by line,
 * except the "From now" lines (they depend on the second each process reads the clock) and the
 * error lines (the wording is ours). Skipped where systemd-analyze is not installed.
 */
class CalendarVsSystemdTest {
    private static final String[] EXPRESSIONS = {
        "Mon *-*-* 12:00", "daily", "*-02-30", "Sat,Thu,Mon-Wed,Sat-Sun", "*:0/15", "*-*~03 08:00",
        "quarterly", "2027-*-* 00:00:00.5", "Mon..Fri 09:00 America/New_York", "hourly UTC", "*-*-* 02:30"
    };

    @ParameterizedTest
    @ValueSource(strings = {"Europe/Berlin", "UTC", "Australia/Lord_Howe", "America/New_York"})
    void sameTextAsSystemdAnalyze(String tz) throws Exception {
        Path tool = Path.of("/usr/bin/systemd-analyze");
        assumeTrue(Files.isExecutable(tool), "systemd-analyze is not installed");
        List<String> cmd = new ArrayList<>(List.of(tool.toString(), "calendar", "--base-time=@1774699200",
                "--iterations=4", "--"));
        cmd.addAll(Arrays.asList(EXPRESSIONS));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(false);
        pb.environment().put("TZ", tz);
        Process p = pb.start();
        String expected = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();

        List<String> args = new ArrayList<>(List.of("calendar", "--base-time=@1774699200", "--iterations=4", "--"));
        args.addAll(Arrays.asList(EXPRESSIONS));
        CliRun ours = CliRun.of(Clock.systemUTC(), Map.of("TZ", tz), args.toArray(String[]::new));
        assertEquals(0, ours.status(), ours.err());
        assertEquals(withoutFromNow(expected), withoutFromNow(ours.out()));
    }

    private static String withoutFromNow(String text) throws IOException {
        return text.lines().filter(l -> !l.startsWith("       From now:")).collect(Collectors.joining("\n"));
    }
}
