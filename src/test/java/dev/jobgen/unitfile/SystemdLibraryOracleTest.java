package dev.jobgen.unitfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobgen.unitfile.SystemdEscaper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The escaper's output read back by systemd's own code: {@code oracle/systemd_words.py} calls
 * extract_first_word, specifier_printf and replace_env_argv of the installed libsystemd-shared
 * (systemd-analyze verify cannot show the argv it parsed).
 */
class SystemdLibraryOracleTest {
    private static final Path LIBRARY = Path.of("/usr/lib/x86_64-linux-gnu/systemd/libsystemd-shared-252.so");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void systemdReadsBackEveryArgvAndEnvironmentWord() throws Exception {
        assumeTrue(Files.isReadable(LIBRARY), "libsystemd-shared-252.so is not installed here");
        assumeTrue(python().isPresent(), "python3 is not installed here");
        HostileStrings gen = new HostileStrings(12);
        List<List<String>> argvs = new ArrayList<>();
        List<String> envValues = new ArrayList<>();
        StringBuilder requests = new StringBuilder();
        String[] programs = {"/bin/echo", "/opt/my app/run", "/srv/100%/job", "/srv/a$b/job"};
        for (int n = 0; n < 2000; n++) {
            List<String> argv = new ArrayList<>(List.of(programs[n % programs.length]));
            for (int i = gen.nextInt(6); i > 0; i--) {
                argv.add(gen.next());
            }
            argvs.add(argv);
            String env = gen.next();
            envValues.add(env);
            requests.append(request("exec", SystemdEscaper.commandLine(argv)))
                    .append(request("env", SystemdEscaper.environment("JOB_X", env)));
        }
        List<JsonNode> answers = ask(requests.toString());
        assertEquals(2 * argvs.size(), answers.size());
        for (int n = 0; n < argvs.size(); n++) {
            JsonNode exec = answers.get(2 * n);
            List<String> argv = argvs.get(n);
            assertEquals(argv, strings(exec.get("argv")), () -> "systemd read " + exec + " for " + argv);
            assertEquals(argv.get(0), exec.get("path").asText());
            JsonNode env = answers.get(2 * n + 1);
            assertEquals(List.of("JOB_X=" + envValues.get(n)), strings(env.get("words")), env::toString);
        }
    }

    private static String request(String kind, String value) throws IOException {
        ObjectNode o = JSON.createObjectNode().put("kind", kind).put("value", value);
        return JSON.writeValueAsString(o) + "\n";
    }

    private List<JsonNode> ask(String requests) throws IOException, InterruptedException {
        Path script = dir.resolve("systemd_words.py");
        try (var in = getClass().getResourceAsStream("/oracle/systemd_words.py")) {
            Files.copy(in, script);
        }
        Path input = dir.resolve("requests.jsonl");
        Files.writeString(input, requests, StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(python().orElseThrow(), script.toString(), LIBRARY.toString())
                .redirectInput(input.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), "the oracle script failed");
        List<JsonNode> answers = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isEmpty()) {
                answers.add(JSON.readTree(line));
            }
        }
        return answers;
    }

    private static List<String> strings(JsonNode array) {
        List<String> list = new ArrayList<>();
        if (array != null) {
            array.forEach(e -> list.add(e.asText()));
        }
        return list;
    }

    private static java.util.Optional<String> python() {
        for (String candidate : new String[] {"/usr/bin/python3", "/usr/local/bin/python3"}) {
            if (Files.isExecutable(Path.of(candidate))) {
                return java.util.Optional.of(candidate);
            }
        }
        return java.util.Optional.empty();
    }
}
