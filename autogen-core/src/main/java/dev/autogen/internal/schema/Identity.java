package dev.autogen.internal.schema;

/**
 * Whether a column is an identity column, and which kind ({@code GENERATED ... AS IDENTITY}).
 * Or a serial column ({@code SERIAL}): written {@code serial}, {@code bigserial} or {@code smallserial} for
 * its type, it takes its default from a sequence it owns, which PostgreSQL makes and names.
 */
public enum Identity {
    NONE,
    BY_DEFAULT,
    ALWAYS,
    SERIAL
}
