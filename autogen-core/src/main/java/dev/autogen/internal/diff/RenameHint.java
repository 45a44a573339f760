package dev.autogen.internal.diff;

import java.util.List;
import java.util.Objects;

/**
 * A rename the author states: {@code old=new}, where {@code old} is {@code table}, {@code schema.table},
 * {@code table.column} or {@code schema.table.column}, and {@code new} the new name alone.
 *
 * @param explicit given for this run (on the command line): one that matches nothing is an error; one
 *     kept in the project's settings goes quiet once applied
 */
public record RenameHint(List<String> from, String to, boolean explicit, String text) {

    public RenameHint {
        from = List.copyOf(from);
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(text, "text");
    }

    /** Parses {@code old=new}; a malformed hint is an {@link IllegalArgumentException} saying how to write it. */
    public static RenameHint parse(String text, boolean explicit) {
        int equals = text.indexOf('=');
        String from = equals < 0 ? "" : text.substring(0, equals).strip();
        String to = equals < 0 ? "" : text.substring(equals + 1).strip();
        List<String> parts = List.of(from.split("\\.", -1));
        if (from.isEmpty()
                || to.isEmpty()
                || parts.size() > 3
                || parts.stream().anyMatch(String::isEmpty)
                || to.contains(".")) {
            throw new IllegalArgumentException("the rename hint '" + text
                    + "' is not OLD=NEW (a table: customer=client or sales.customer=client;"
                    + " a column: customer.email=mail or sales.customer.email=mail)");
        }
        return new RenameHint(parts, to, explicit, text);
    }
}
