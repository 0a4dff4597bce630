package dev.jobgen.bind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 14 item 8: which literal URLs validate calls secret (a guess, so only a warning). */
class SecretUrlsTest {
    @ParameterizedTest
    @ValueSource(strings = {
        "https://hc-ping.com/3f1c6e5a-9b7d-4c2e-8a1f-0d2b4c6e8f10",
        "https://hooks.slack.com/services/T0000/B0000/XXXXXXXXXXXXXXXXXXXXXXXX9z",
        "https://cronitor.link/p/0123456789abcdef0123456789abcdef/nightly",
        "https://user:hunter2@monitor.example.com/ping",
        "https://monitor.example.com/ping?token=abc",
        "https://monitor.example.com/ping?run={run_id}&api_key=xyz",
    })
    void secretLooking(String url) {
        assertTrue(SecretUrls.why(url).isPresent(), url);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "https://status.example.com/ping/{job}/ok?run={run_id}",
        "https://status.example.com/ping/nightly-backup/fail?code={exit_code}",
        "https://monitor.example.com/api/v1/heartbeats/database-maintenance",
        "http://127.0.0.1:8080/hook",
        "not a url at all",
    })
    void plain(String url) {
        assertEquals(Optional.empty(), SecretUrls.why(url), url);
    }
}
