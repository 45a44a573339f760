package dev.autogen.internal.dialect;

import java.util.List;

/**
 * How an SQL script is written for a database's own command-line client: the lines it begins with (what the
 * script is and how to run it, and the client settings that stop it at the first error), and what ends each
 * statement.
 *
 * @param header comment lines and client commands, each a line of its own
 * @param end what follows each statement ({@code ;}, or the delimiter the header chose)
 */
public record ScriptSyntax(List<String> header, String end) {

    public ScriptSyntax {
        header = List.copyOf(header);
    }
}
