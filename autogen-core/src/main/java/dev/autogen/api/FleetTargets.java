package dev.autogen.api;

import java.nio.file.Path;

/**
 * Where a fleet's targets are: the schemas of a database whose names match a pattern (a schema per tenant),
 * the databases a file or a query lists (a database per tenant), or both, when the pattern picks the
 * schemas of each listed database.
 *
 * @param schemas a name pattern with {@code *} ({@code tenant_*}), or {@code null}
 * @param file a text file with one JDBC url a line, optionally after a name ({@code acme
 *     jdbc:postgresql://db1/acme}); blank lines and lines starting with {@code #} are skipped; or {@code null}
 * @param query a query run on the configured database, giving a url a row, or a name and a url; or {@code
 *     null}
 */
public record FleetTargets(String schemas, Path file, String query) {

    /** No fleet: the commands work on the configured database alone. */
    public static final FleetTargets NONE = new FleetTargets(null, null, null);

    public FleetTargets {
        schemas = blankToNull(schemas);
        query = blankToNull(query);
    }

    /** Whether no targets are named, so that the commands work on the configured database alone. */
    public boolean isEmpty() {
        return schemas == null && file == null && query == null;
    }

    /** These targets with {@code other}'s parts where {@code other} names them (the command line over the file). */
    public FleetTargets over(FleetTargets other) {
        return new FleetTargets(
                other.schemas != null ? other.schemas : schemas,
                other.file != null ? other.file : file,
                other.query != null ? other.query : query);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
