package dev.jobgen.runner;

import java.util.Objects;

/** One heartbeat request: GET when {@code body} is null, else POST of {@code body} as text. */
record Ping(String url, byte[] body) {
    Ping {
        Objects.requireNonNull(url, "url");
    }

    static Ping get(String url) {
        return new Ping(url, null);
    }

    static Ping post(String url, byte[] body) {
        return new Ping(url, body);
    }

    boolean isPost() {
        return body != null;
    }
}
