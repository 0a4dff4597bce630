package dev.jobgen.runspec;

import java.util.Objects;
import java.util.Optional;

/**
 * The {@code --heartbeat*} flags: a provider, where its (possibly secret) success URL comes from,
 * and for the {@code url} provider the optional start and failure templates.
 */
public record HeartbeatSpec(HeartbeatProvider provider, UrlSource url, Optional<String> startTemplate, Optional<String> failureTemplate) {
    public HeartbeatSpec {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(startTemplate, "startTemplate");
        Objects.requireNonNull(failureTemplate, "failureTemplate");
    }

    /** Where the URL is read from: given literally, a file, or a systemd credential. */
    public record UrlSource(Kind kind, String value) {
        public UrlSource {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(value, "value");
        }

        /** The three {@code --heartbeat-url*} flags. */
        public enum Kind {
            literal,
            file,
            credential
        }
    }
}
