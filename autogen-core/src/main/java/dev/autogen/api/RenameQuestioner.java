package dev.autogen.api;

/**
 * Asks the author about a likely rename while autogenerate decides ("Did you rename table public.customer
 * to client?"): a yes keeps the rows or values, anything else drops the old and adds the new.
 */
@FunctionalInterface
public interface RenameQuestioner {

    /** {@code true} only on a clear yes. */
    boolean confirm(String question);
}
