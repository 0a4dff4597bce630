package dev.jobgen.migrate;

import java.util.Objects;

/**
 * Something {@code import-crontab} says about one crontab line: an error (the line could not be
 * converted) or a warning (it was converted, but something cron did is not carried over exactly).
 */
public record ImportMessage(String file, int line, boolean error, String text) {
    public ImportMessage {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(text, "text");
    }

    static ImportMessage warning(String file, int line, String text) {
        return new ImportMessage(file, line, false, text);
    }

    static ImportMessage error(String file, int line, String text) {
        return new ImportMessage(file, line, true, text);
    }

    /** {@code FILE:LINE: warning: text}, the compiler-style line printed on stderr. */
    public String format() {
        return file + ":" + line + ": " + (error ? "error" : "warning") + ": " + text;
    }
}
