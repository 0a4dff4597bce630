package dev.jobgen.bind;

import dev.jobgen.load.YNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code defaults:} merged into a job: keys the job does not set come from the defaults, maps
 * merge key by key (so a job's {@code environment:} adds to the default one), lists and
 * single values of the job replace the default. Positions stay where each value was written.
 */
final class Defaults {
    private Defaults() {}

    static YNode.Mapping merge(YNode.Mapping defaults, YNode.Mapping job, Set<String> knownKeys) {
        List<YNode.Entry> known = defaults.entries().stream().filter(e -> knownKeys.contains(e.key())).toList();
        return deep(new YNode.Mapping(defaults.at(), known), job); // unknown ones are reported once, at the defaults
    }

    private static YNode.Mapping deep(YNode.Mapping defaults, YNode.Mapping job) {
        List<YNode.Entry> entries = new ArrayList<>(job.entries());
        for (YNode.Entry d : defaults.entries()) {
            int i = indexOf(entries, d.key());
            if (i < 0) {
                entries.add(d);
            } else if (entries.get(i).value() instanceof YNode.Mapping jm && d.value() instanceof YNode.Mapping dm) {
                YNode.Entry mine = entries.get(i);
                entries.set(i, new YNode.Entry(mine.key(), mine.keyAt(), deep(dm, jm)));
            }
        }
        return new YNode.Mapping(job.at(), entries);
    }

    private static int indexOf(List<YNode.Entry> entries, String key) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }
}
