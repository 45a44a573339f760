package dev.autogen.internal.operations;

/** A database's knowledge of which type changes keep every value, supplied by its dialect. */
public interface TypeChanges {

    /** Whether every value of type {@code from} converts to {@code to} and back unchanged. */
    boolean keepsEveryValue(String from, String to);

    /** What a reviewer should know of how values convert from {@code from} to {@code to}, or {@code null}. */
    default String conversionNote(String from, String to) {
        return null;
    }
}
