package dev.jobgen.plan;

import java.util.List;
import java.util.Optional;

/**
 * A planned unit file as data: its name, its kind (which template renders it), header comment
 * lines and sections. Text comes later, from the templates.
 */
public record Unit(String name, Kind kind, List<String> comments, List<Section> sections) {
    public enum Kind {
        SERVICE("service.ftl"),
        TIMER("timer.ftl"),
        NOTIFY_TEMPLATE("notify@.service.ftl");

        private final String template;

        Kind(String template) {
            this.template = template;
        }

        public String template() {
            return template;
        }
    }

    public Unit {
        comments = List.copyOf(comments);
        sections = List.copyOf(sections);
    }

    public Optional<Section> section(String sectionName) {
        return sections.stream().filter(s -> s.name().equals(sectionName)).findFirst();
    }
}
