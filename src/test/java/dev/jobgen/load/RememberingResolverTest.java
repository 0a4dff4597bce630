package dev.jobgen.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.resolver.Resolver;

/** Remembering resolutions must never change them: same tag as snakeyaml's resolver, first time and every time. */
class RememberingResolverTest {
    private static final List<String> SCALARS = List.of(
            "", "~", "null", "Null", "NULL", "nULL", "yes", "Yes", "YES", "no", "on", "Off", "true", "False", "y", "n",
            "0", "-0", "+12", "1_000", "0x1F", "0b101", "017", "190:20:30", "1.5", "-.5", ".inf", "-.Inf", ".NaN",
            "1e3", "6.8523015e+5", "685.230_15e+03", "2001-12-14", "2001-12-14t21:59:43.10-05:00", "2026-11-23 10:00:00",
            "<<", "=", "5min", "30s", "*-*-* 01:07:00", "/usr/local/bin/task", "--flag=50%", "Europe/Berlin", "job-00042");

    @Test
    void everyPlainScalarResolvesAsSnakeyamlResolvesIt() {
        Resolver plain = new Resolver();
        RememberingResolver remembering = new RememberingResolver();
        for (int round = 0; round < 2; round++) {
            for (String s : SCALARS) {
                assertEquals(plain.resolve(NodeId.scalar, s, true), remembering.resolve(NodeId.scalar, s, true), "'" + s + "'");
                assertEquals(plain.resolve(NodeId.scalar, s, false), remembering.resolve(NodeId.scalar, s, false), "quoted '" + s + "'");
            }
        }
    }
}
