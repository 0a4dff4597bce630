package dev.jobgen.cli;

/** The {@code --format} values; each command accepts the ones that make sense for it. */
public enum OutputFormat {
    text,
    json,
    github
}
