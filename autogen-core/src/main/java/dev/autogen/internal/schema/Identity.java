package dev.autogen.internal.schema;

/** Whether a column is an identity column, and which kind ({@code GENERATED ... AS IDENTITY}). */
public enum Identity {
    NONE,
    BY_DEFAULT,
    ALWAYS
}
