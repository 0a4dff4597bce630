package dev.jobgen.runner;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What {@code --lock} asks for: nothing, this job on this node, a named group of jobs on this node,
 * or the whole cluster. Use {@link #match} so a new scope breaks the build at every call site.
 */
public sealed interface LockScope permits LockScope.None, LockScope.Node, LockScope.Group, LockScope.Cluster {

    <R> R match(Supplier<R> none, Function<Node, R> node, Function<Group, R> group, Supplier<R> cluster);

    /** No lock: concurrent runs are allowed. */
    record None() implements LockScope {
        @Override
        public <R> R match(Supplier<R> none, Function<Node, R> node, Function<Group, R> group, Supplier<R> cluster) {
            return none.get();
        }
    }

    /** One run of this job at a time on this node: lock file {@code job-NAME.lock}. */
    record Node(String job) implements LockScope {
        public Node {
            Objects.requireNonNull(job, "job");
        }

        @Override
        public <R> R match(Supplier<R> none, Function<Node, R> node, Function<Group, R> group, Supplier<R> cluster) {
            return node.apply(this);
        }
    }

    /** One run of any job of the group at a time on this node: lock file {@code group-NAME.lock}. */
    record Group(String name) implements LockScope {
        public Group {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public <R> R match(Supplier<R> none, Function<Node, R> node, Function<Group, R> group, Supplier<R> cluster) {
            return group.apply(this);
        }
    }

    /** One run of this job in the whole cluster, through a {@link ClusterCoordinator}. */
    record Cluster() implements LockScope {
        @Override
        public <R> R match(Supplier<R> none, Function<Node, R> node, Function<Group, R> group, Supplier<R> cluster) {
            return cluster.get();
        }
    }
}
