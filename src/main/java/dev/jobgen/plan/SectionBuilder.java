package dev.jobgen.plan;

import dev.jobgen.model.SystemdVersion;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the directives of one section, checking each against the target systemd version.
 * {@link #add} is for directives the job cannot do without (an older target is an error, named
 * by the caller); {@link #addIfSupported} for hardening and refinements that older systemd simply
 * goes without.
 */
final class SectionBuilder {
    private final String name;
    private final SystemdVersion target;
    private final List<Directive> directives = new ArrayList<>();

    SectionBuilder(String name, SystemdVersion target) {
        this.name = name;
        this.target = target;
    }

    boolean supports(String key) {
        return target.atLeast(DirectiveGates.introduced(key));
    }

    SectionBuilder add(String key, String value) {
        if (!supports(key)) {
            throw new IllegalStateException(key + "= needs systemd " + DirectiveGates.introduced(key) + "; check before adding");
        }
        directives.add(new Directive(key, value));
        return this;
    }

    SectionBuilder addIfSupported(String key, String value) {
        if (supports(key)) {
            directives.add(new Directive(key, value));
        }
        return this;
    }

    Section build() {
        return new Section(name, directives);
    }
}
