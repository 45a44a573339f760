package dev.autogen.internal.dialect;

import dev.autogen.api.Settings;
import dev.autogen.internal.schema.QualifiedName;
import dev.autogen.internal.text.Globs;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What part of a database to read.
 *
 * @param defaultSchema the schema that must exist (the connection's working schema)
 * @param otherSchemas further schemas to read when they exist (those the entities name)
 * @param excludeTables name patterns, {@code *} matching any run of characters, tested against both
 *     {@code table} and {@code schema.table}: such tables are never read
 * @param versionTable autogen's version table; it and its history table are never read
 */
public record IntrospectionScope(
        String defaultSchema, List<String> otherSchemas, List<String> excludeTables, String versionTable) {

    public IntrospectionScope {
        Objects.requireNonNull(defaultSchema, "defaultSchema");
        otherSchemas = List.copyOf(otherSchemas);
        excludeTables = List.copyOf(excludeTables);
        Objects.requireNonNull(versionTable, "versionTable");
    }

    public static IntrospectionScope of(String defaultSchema) {
        return new IntrospectionScope(defaultSchema, List.of(), List.of(), Settings.DEFAULT_VERSION_TABLE);
    }

    public IntrospectionScope withOtherSchemas(List<String> schemas) {
        return new IntrospectionScope(defaultSchema, schemas, excludeTables, versionTable);
    }

    public IntrospectionScope withExcludeTables(List<String> patterns) {
        return new IntrospectionScope(defaultSchema, otherSchemas, patterns, versionTable);
    }

    /** The default schema first, then the others, each once. */
    public List<String> schemas() {
        return Stream.concat(Stream.of(defaultSchema), otherSchemas.stream())
                .distinct()
                .toList();
    }

    /** The name of the table that records each applied migration step, beside the version table. */
    public String historyTable() {
        return VersionTableSql.historyTableName(versionTable);
    }

    /**
     * Whether a table is autogen's own or matches an exclude pattern: the patterns compiled once, for the
     * thousands of tables a read or a comparison tests.
     */
    public Predicate<QualifiedName> excluded() {
        String history = historyTable();
        List<Pattern> patterns = excludeTables.stream().map(Globs::compile).toList();
        return name -> {
            if (name.name().equals(versionTable) || name.name().equals(history)) {
                return true;
            }
            String qualified = name.schema() + "." + name.name();
            for (Pattern pattern : patterns) {
                if (pattern.matcher(name.name()).matches()
                        || pattern.matcher(qualified).matches()) {
                    return true;
                }
            }
            return false;
        };
    }
}
