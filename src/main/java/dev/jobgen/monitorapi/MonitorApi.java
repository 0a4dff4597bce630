package dev.jobgen.monitorapi;

import dev.jobgen.monitors.DesiredMonitor;
import dev.jobgen.monitors.MonitorChange;
import dev.jobgen.monitors.Provider;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** A provider's management API: read the checks jobgen manages, then create or update them. */
public interface MonitorApi {

    /** The existing checks of {@code monitors}' jobs, by job name. */
    Map<String, MonitorChange.Existing> existing(List<DesiredMonitor> monitors) throws ApiException;

    /** Makes the creates and updates among {@code changes} (others are left alone). */
    void apply(List<MonitorChange> changes) throws ApiException;

    static MonitorApi of(Provider provider, URI base, String apiKey) {
        JsonHttp http = new JsonHttp(provider.id(), base);
        return switch (provider) {
            case HEALTHCHECKS -> new HealthchecksApi(http, apiKey);
            case CRONITOR -> new CronitorApi(http, apiKey);
        };
    }
}
