package dev.autogen.internal.dialect;

import dev.autogen.internal.schema.EnumType;
import dev.autogen.internal.schema.ForeignKey;
import dev.autogen.internal.schema.QualifiedName;
import dev.autogen.internal.schema.Schema;
import dev.autogen.internal.schema.Sequence;
import dev.autogen.internal.schema.Table;
import java.util.HashMap;
import java.util.Map;

/**
 * What a dialect's printer reads back from the stand-in schemas it built DDL in, under the real schemas'
 * names again.
 */
public final class StandInSchemas {

    private StandInSchemas() {}

    private static Map<String, String> reverse(Map<String, String> schemas) {
        Map<String, String> reverse = new HashMap<>();
        schemas.forEach((real, standIn) -> reverse.put(standIn, real));
        return reverse;
    }

    /** {@code printed} with each stand-in schema of {@code schemas} (real name to stand-in) named as the real one. */
    public static Schema named(Schema printed, Map<String, String> schemas) {
        return renamed(printed, reverse(schemas));
    }

    private static Schema renamed(Schema schema, Map<String, String> real) {
        return new Schema(
                schema.namespaces().stream().map(n -> real.getOrDefault(n, n)).toList(),
                schema.tables().stream().map(t -> table(t, real)).toList(),
                schema.sequences().stream()
                        .map(s -> new Sequence(
                                name(s.name(), real),
                                s.dataType(),
                                s.start(),
                                s.increment(),
                                s.min(),
                                s.max(),
                                s.cache(),
                                s.cycle()))
                        .toList(),
                schema.enumTypes().stream()
                        .map(e -> new EnumType(name(e.name(), real), e.labels(), e.varcharCasts()))
                        .toList());
    }

    private static Table table(Table table, Map<String, String> real) {
        return new Table(
                name(table.name(), real),
                table.columns(),
                table.primaryKey(),
                table.uniqueConstraints(),
                table.foreignKeys().stream()
                        .map(k -> new ForeignKey(
                                k.name(),
                                k.columns(),
                                name(k.target(), real),
                                k.targetColumns(),
                                k.onDelete(),
                                k.onUpdate(),
                                k.deferrable(),
                                k.initiallyDeferred()))
                        .toList(),
                table.checks(),
                table.indexes(),
                table.comment());
    }

    private static QualifiedName name(QualifiedName name, Map<String, String> real) {
        return new QualifiedName(real.getOrDefault(name.schema(), name.schema()), name.name());
    }
}
