package dev.jobgen.runspec;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/** Which runs exclude each other: none, this job on this node, a named group on this node, or the fleet. */
public sealed interface LockSpec permits LockSpec.None, LockSpec.Node, LockSpec.Group, LockSpec.Cluster {

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
