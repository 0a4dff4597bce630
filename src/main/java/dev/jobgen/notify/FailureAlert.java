package dev.jobgen.notify;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * What {@code jobgen notify} says about a failed job: from the unit, the history and the journal.
 * {@code exitCode} and {@code outcome} come from the last run that started the command.
 */
public record FailureAlert(String unit, String job, String host, int exitCode, String outcome, String runId,
        int consecutiveFailures, String journal) {

    public FailureAlert {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(journal, "journal");
    }

    /** One line for chat, mail subjects and logs. */
    public String summary() {
        return "jobgen: job " + job + " failed on " + host + " (" + outcome + ", exit status " + exitCode + ", "
                + consecutiveFailures + " consecutive failure" + (consecutiveFailures == 1 ? "" : "s") + ")";
    }

    /** The webhook body: the facts as fields, plus Slack's {@code text} (summary and journal in a code block). */
    public String webhookJson() {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("text", summary() + (journal.isEmpty() ? "" : "\n```\n" + journal.strip() + "\n```"));
            g.writeStringField("job", job);
            g.writeStringField("unit", unit);
            g.writeStringField("host", host);
            g.writeNumberField("exit_code", exitCode);
            g.writeStringField("outcome", outcome);
            g.writeStringField("run_id", runId);
            g.writeNumberField("consecutive_failures", consecutiveFailures);
            g.writeStringField("log_tail", journal);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** A mail for {@code sendmail -t}: headers, blank line, body. Header values are kept to one line. */
    public String emailMessage(String to) {
        return "To: " + oneLine(to) + "\n"
                + "Subject: " + oneLine(summary()) + "\n"
                + "Content-Type: text/plain; charset=utf-8\n"
                + "X-Jobgen-Job: " + oneLine(job) + "\n\n"
                + summary() + "\n\nunit: " + unit + "\nrun id: " + runId + "\n\nrecent journal lines:\n" + journal + "\n";
    }

    private static String oneLine(String s) {
        return s.replace('\r', ' ').replace('\n', ' ');
    }
}
