package dev.autogen.api;

import java.util.Objects;

/**
 * A risk a migration takes on a table with rows and traffic, as {@code lint} reports it.
 *
 * @param revision the revision, or {@code null} for a finding about the settings
 * @param rule the rule, which {@code @AcceptedRisk} names to accept it
 * @param message what the step does, the lock it takes, and the safer way
 */
public record LintFinding(String revision, String rule, String message) {

    public LintFinding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return (revision == null ? "settings" : revision) + " " + rule + ": " + message;
    }
}
