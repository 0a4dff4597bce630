package dev.jobgen.migrate;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The settings every imported job has in common (same zone, jitter, user, mail address, or the same
 * value of an environment variable), written once under {@code defaults:} instead of in every job.
 * The catalogue merges them back key by key (environment maps merge), so the meaning is unchanged.
 */
record SharedSettings(Optional<String> timezone, Optional<String> jitter, Optional<String> user,
        SortedMap<String, String> environment, Optional<String> email) {
    SharedSettings {
        environment = Collections.unmodifiableSortedMap(new TreeMap<>(environment));
    }

    static SharedSettings of(List<ImportedJob> jobs) {
        if (jobs.size() < 2) {
            return new SharedSettings(Optional.empty(), Optional.empty(), Optional.empty(), new TreeMap<>(), Optional.empty());
        }
        SortedMap<String, String> env = new TreeMap<>(jobs.get(0).environment());
        for (ImportedJob job : jobs) {
            env.entrySet().removeIf(e -> !e.getValue().equals(job.environment().get(e.getKey())));
        }
        return new SharedSettings(common(jobs, ImportedJob::timezone), common(jobs, ImportedJob::jitter),
                common(jobs, ImportedJob::user), env, common(jobs, ImportedJob::email));
    }

    private static Optional<String> common(List<ImportedJob> jobs, Function<ImportedJob, Optional<String>> value) {
        Optional<String> first = value.apply(jobs.get(0));
        return jobs.stream().allMatch(j -> value.apply(j).equals(first)) ? first : Optional.empty();
    }

    /** The job's own environment: the variables not already given, with the same value, by the defaults. */
    SortedMap<String, String> ownEnvironment(ImportedJob job) {
        SortedMap<String, String> own = new TreeMap<>(job.environment());
        for (Map.Entry<String, String> e : environment.entrySet()) {
            own.remove(e.getKey(), e.getValue());
        }
        return own;
    }
}
