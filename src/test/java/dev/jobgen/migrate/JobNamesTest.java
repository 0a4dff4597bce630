package dev.jobgen.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JobNamesTest {
    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
        "/usr/local/bin/backup-db --full => backup-db",
        "nice -n 19 ionice -c3 /usr/bin/pg_dump mydb > /b/db.sql => pg-dump-mydb",
        "sudo -u www-data php /var/www/artisan schedule:run => artisan-schedule-run",
        "cd /srv/app && ./manage.py clearsessions => manage-clearsessions",
        "test -x /usr/sbin/anacron || run-parts /etc/cron.daily => run-parts-cron-daily",
        "python3 /opt/tools/rotate_keys.py => rotate-keys",
        "timeout 30m /usr/bin/rsync -a /src/ /dst/ => rsync-src",
        "curl -fsS --retry 3 https://hc-ping.com/abc => curl-hc-ping-com",
        "APP_ENV=prod /srv/bin/Sync.SH => sync",
        ">/dev/null => job",
        "cd /tmp => job",
    })
    void namesComeFromTheProgram(String command, String name) {
        assertEquals(name, JobNames.derive(command));
    }

    @Test
    void repeatsAreNumbered() {
        JobNames names = new JobNames();
        assertEquals(List.of("backup", "backup-2", "backup-3", "other"),
                List.of(names.unique("/bin/backup a"), names.unique("/bin/backup b"), names.unique("/usr/bin/backup"),
                        names.unique("/bin/other")));
    }

    @Test
    void longNamesAreCut() {
        String name = JobNames.derive("/bin/" + "x".repeat(30) + "-" + "y".repeat(30));
        assertEquals(48, name.length());
    }
}
