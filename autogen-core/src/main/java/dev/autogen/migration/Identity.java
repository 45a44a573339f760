package dev.autogen.migration;

/**
 * Whether a column is an identity column, and which kind ({@code generated ... as identity}).
 * Or a serial column ({@code SERIAL}): written {@code serial}, {@code bigserial} or {@code smallserial} for
 * its type, it takes its default from a sequence it owns, which PostgreSQL makes and names.
 */
public enum Identity {
    NONE,
    BY_DEFAULT,
    ALWAYS,
    SERIAL
}
