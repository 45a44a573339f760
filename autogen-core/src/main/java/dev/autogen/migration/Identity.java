package dev.autogen.migration;

/** Whether a column is an identity column, and which kind ({@code generated ... as identity}). */
public enum Identity {
    NONE,
    BY_DEFAULT,
    ALWAYS
}
