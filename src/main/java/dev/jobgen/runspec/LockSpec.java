package dev.jobgen.runspec;

import java.util.Optional;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/** Which runs exclude each other: none, this job on this node, a named group on this node, or the fleet. */
public sealed interface LockSpec permits LockSpec.None, LockSpec.Node, LockSpec.Group, LockSpec.Cluster {
    /**
     * The file under the lock directory that a node or group lock takes, or empty for none and the
     * cluster scope: the runner locks it, and a lean unit's flock opens the same name.
     */
    static Optional<String> fileName(LockSpec scope, String job) {
        // instanceof rather than a switch with patterns or lambdas: the runner's start-up loads this
        if (scope instanceof Node) {
            return Optional.of("job-" + job + ".lock");
        }
        if (scope instanceof Group group) {
            return Optional.of("group-" + group.name() + ".lock");
        }
        return Optional.empty();
    }


    <R> R match(Supplier<R> none, Supplier<R> node, Function<Group, R> group, Supplier<R> cluster);

    record None() implements LockSpec {
        @Override
        public <R> R match(Supplier<R> none, Supplier<R> node, Function<Group, R> group, Supplier<R> cluster) {
            return none.get();
        }
    }

    record Node() implements LockSpec {
        @Override
        public <R> R match(Supplier<R> none, Supplier<R> node, Function<Group, R> group, Supplier<R> cluster) {
            return node.get();
        }
    }

    record Group(String name) implements LockSpec {
        public Group {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public <R> R match(Supplier<R> none, Supplier<R> node, Function<Group, R> group, Supplier<R> cluster) {
            return group.apply(this);
        }
    }

    record Cluster() implements LockSpec {
        @Override
        public <R> R match(Supplier<R> none, Supplier<R> node, Function<Group, R> group, Supplier<R> cluster) {
            return cluster.get();
        }
    }
}
