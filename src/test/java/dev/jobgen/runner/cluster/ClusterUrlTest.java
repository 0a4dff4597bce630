package dev.jobgen.runner.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClusterUrlTest {
    @Test
    void jdbcUrlsAreUsedAsTheyAre() {
        ClusterUrl u = ClusterUrl.parse("  jdbc:postgresql://db1:5433/jobs?user=a&password=s3cret\n");
        assertEquals("jdbc:postgresql://db1:5433/jobs?user=a&password=s3cret", u.jdbcUrl());
        assertEquals(Map.of(), u.properties());
        assertEquals("jdbc:postgresql://db1:5433/jobs?user=a&password=***", u.redacted());
        assertTrue(u.sets("password") && u.sets("User") && !u.sets("connectTimeout"));
    }

    @Test
    void libpqUrisBecomeAJdbcUrlAndProperties() {
        ClusterUrl u = ClusterUrl.parse("postgresql://jobgen@db.example:5432/cluster\n");
        assertEquals("jdbc:postgresql://db.example:5432/cluster", u.jdbcUrl());
        assertEquals(Map.of("user", "jobgen"), u.properties());
    }

    @Test
    void credentialsAndDatabaseArePercentDecodedAndNeverSplicedBack() {
        ClusterUrl u = ClusterUrl.parse("postgres://app%40corp:p%3Aw%2Fd+x@[::1]:6432,db2/my%20db?sslmode=verify-full"
                + "&connect_timeout=3&application_name=billing&target_session_attrs=read-write&keepalives=0");
        assertEquals("jdbc:postgresql://[::1]:6432,db2/my%20db", u.jdbcUrl());
        assertEquals(Map.of("user", "app@corp", "password", "p:w/d+x", "sslmode", "verify-full", "connectTimeout", "3",
                "ApplicationName", "billing", "targetServerType", "primary", "tcpKeepAlive", "false"), u.properties());
        assertFalse(u.toString().contains("p:w/d+x"));
        assertTrue(u.sets("connecttimeout"));
    }

    @Test
    void dbnameParameterAndMissingDatabase() {
        assertEquals("jdbc:postgresql://h/other", ClusterUrl.parse("postgresql://h?dbname=other").jdbcUrl());
        assertEquals("jdbc:postgresql://h:1/", ClusterUrl.parse("postgresql://u@h:1").jdbcUrl());
    }

    @ParameterizedTest
    @ValueSource(strings = {"mysql://h/db", "h:5432/db", "postgresql:///db", "postgresql://%2Fvar%2Frun%2Fpostgresql/db",
        "postgresql://h:99999/db", "postgresql://h:port/db", "postgresql://h/db?host=/tmp", ""})
    void refusesWhatTheDriverCannotUse(String text) {
        assertThrows(IllegalArgumentException.class, () -> ClusterUrl.parse(text));
    }
}
