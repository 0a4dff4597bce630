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
        "sleep $(( RANDOM % 60 )) && /usr/local/bin/compress_logs.sh > /dev/null => compress-logs",
        "sleep \"$(( RANDOM % 3600 ))\"; manage check_for_version_update >> /var/log/x.log 2>&1 => manage-check-for-version-update",
        "sleep $(( ( RANDOM % 600 ) + 1 ))m && test -x /usr/sbin/anacron || ( cd / && run-parts --report /etc/cron.daily ) => run-parts-cron-daily",
        "test -x /usr/sbin/popularity-contest && test -x /usr/sbin/popularity-contest => popularity-contest",
        "[ -x /usr/lib/php/sessionclean ] && if [ ! -d /run/systemd/system ]; then /usr/lib/php/sessionclean; fi => sessionclean",
        "[ -x /usr/sbin/logrotate ] && /usr/sbin/logrotate /etc/logrotate.conf => logrotate",
        "test -x /usr/sbin/anacron => anacron",
        "echo \"60 seconds; /usr/bin/not-this\" | /usr/bin/mail -s 'a b' root => mail",
        "/usr/bin/php ${PROJ_EXEC} /_cron/misc/notifyLoggedErrors => notifyloggederrors",
        ". /data/godaddy-dyndns.sh => godaddy-dyndns",
        "wget -q -O /dev/null \"https://example.org/api/cron\" > /dev/null 2>&1 => wget-example-org",
        "$HOME/bin/sync.sh >/dev/null 2>&1 => sync",
        "/usr/bin/rsync -a host::a/* /srv/ >& /dev/null => rsync-srv",
        "periodic daily => periodic-daily",
        "`which php` /srv/app/cron.php => cron",
        ">/dev/null => ''",
        "sh -c 'cd /srv && ./run' => ''",
        "sleep 15 /root/capture/capturePackets.bash &2>/dev/null => capturepackets",
        "source /home/a/.bash_profile && cd $ROOT/loaders && python cleanup.py &>> /home/a/log/c.log => cleanup",
        "/usr/bin/envdir /etc/wal-e.d/env /usr/local/bin/clean-wale => clean-wale",
        "s6-setuidgid abc php7 /var/www/html/update.php --feeds => update",
        "cat /etc/hostname | figlet -c > /etc/motd => figlet",
        "TMPDIR=`mktemp -d` && chmod 755 $TMPDIR && pushd $TMPDIR && bash get_retired_packages.sh => get-retired-packages",
    })
    void namesComeFromTheProgram(String command, String name) {
        assertEquals(name, JobNames.derive(command));
    }

    @Test
    void repeatsAreNumbered() {
        JobNames names = new JobNames();
        assertEquals(List.of("backup", "backup-2", "backup-3", "other"),
                List.of(names.unique("/bin/backup a", "x"), names.unique("/bin/backup b", "x"),
                        names.unique("/usr/bin/backup", "x"), names.unique("/bin/other", "x")));
        assertEquals("crontab-line-7", names.unique("> /dev/null", "crontab-line-7"));
    }

    @Test
    void longNamesAreCut() {
        String name = JobNames.derive("/bin/" + "x".repeat(30) + "-" + "y".repeat(30));
        assertEquals(48, name.length());
    }
}
