package dev.jobgen.ping;

import java.util.Objects;

/** One monitoring request: GET when {@code body} is null, else POST of {@code body} as {@code contentType}. */
public record Ping(String url, byte[] body, String contentType) {
    public Ping {
        Objects.requireNonNull(url, "url");
    }

    public static Ping get(String url) {
        return new Ping(url, null, null);
    }

    public static Ping post(String url, byte[] body) {
        return new Ping(url, body, "text/plain; charset=utf-8");
    }

    public static Ping postJson(String url, byte[] body) {
        return new Ping(url, body, "application/json");
    }

    boolean isPost() {
        return body != null;
    }
}
