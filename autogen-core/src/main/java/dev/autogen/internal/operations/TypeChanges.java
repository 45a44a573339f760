package dev.autogen.internal.operations;

/** A database's knowledge of which type changes keep every value, supplied by its dialect. */
@FunctionalInterface
public interface TypeChanges {

    /** Whether every value of type {@code from} converts to {@code to} and back unchanged. */
    boolean keepsEveryValue(String from, String to);
}
