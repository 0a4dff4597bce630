package dev.jobgen.model;

import dev.jobgen.runspec.HeartbeatProvider;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the runner reports start, success and failure. The URL is given inline ({@code url:}, not
 * secret) or in a file readable by the job only ({@code url-file:}); for the {@code url} provider
 * the URLs are templates and start/failure have their own.
 */
public record Heartbeat(
        HeartbeatProvider provider,
        Optional<String> url,
        Optional<String> urlFile,
        Optional<String> startUrl,
        Optional<String> failureUrl,
        long logTailBytes) {

    public Heartbeat {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(urlFile, "urlFile");
        Objects.requireNonNull(startUrl, "startUrl");
        Objects.requireNonNull(failureUrl, "failureUrl");
        if (url.isPresent() == urlFile.isPresent()) {
            throw new IllegalArgumentException("exactly one of url and url-file");
        }
    }
}
