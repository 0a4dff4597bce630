package dev.jobgen.install;

/** A unit install would have to overwrite or claim although this owner does not own it. */
public record Conflict(String unit, String reason) {
    public String message(InstallLayout layout) {
        return "refusing to overwrite " + layout.unitDir().resolve(unit) + ": " + reason;
    }
}
