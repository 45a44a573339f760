package dev.autogen.testing;

import dev.autogen.internal.schema.CheckConstraint;
import dev.autogen.internal.schema.Column;
import dev.autogen.internal.schema.ForeignKey;
import dev.autogen.internal.schema.Index;
import dev.autogen.internal.schema.PrimaryKey;
import dev.autogen.internal.schema.Schema;
import dev.autogen.internal.schema.Table;
import dev.autogen.internal.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A schema model as sorted lines, one per object, so that a failed comparison shows exactly which
 * objects differ. A constraint's name is shown only when the reference model names it: where the
 * reference leaves the name to the database, any name the database chose is as good as another.
 */
public final class ModelLines {

    private ModelLines() {}

    public static List<String> of(Schema schema) {
        return of(schema, schema);
    }

    public static List<String> of(Schema schema, Schema reference) {
        List<String> lines = new ArrayList<>();
        schema.namespaces().forEach(n -> lines.add("schema " + n));
        schema.enumTypes().forEach(e -> lines.add("enum " + e.name() + " " + e.labels()));
        schema.sequences()
                .forEach(s -> lines.add("sequence " + s.name() + " " + s.dataType() + " start " + s.start()
                        + " increment " + s.increment() + " min " + s.min() + " max " + s.max() + " cache " + s.cache()
                        + (s.cycle() ? " cycle" : "")));
        for (Table table : schema.tables()) {
            Optional<Table> ref = reference.table(table.name());
            String t = table.name().toString();
            lines.add("table " + t + comment(table.comment()));
            for (Column c : table.columns()) {
                lines.add("column " + t + "." + c.name() + " " + c.type() + (c.nullable() ? " null" : " not null")
                        + (c.defaultValue() == null ? "" : " default " + c.defaultValue())
                        + (c.identity() == dev.autogen.internal.schema.Identity.NONE ? "" : " identity " + c.identity())
                        + (c.generatedAs() == null ? "" : " generated as " + c.generatedAs())
                        + comment(c.comment()));
            }
            PrimaryKey pk = table.primaryKey();
            if (pk != null) {
                boolean named = ref.map(Table::primaryKey).map(PrimaryKey::name).isPresent();
                lines.add("primary key " + t + " " + pk.columns() + name(named ? pk.name() : null));
            }
            for (UniqueConstraint u : table.uniqueConstraints()) {
                boolean named = ref.stream()
                        .flatMap(r -> r.uniqueConstraints().stream())
                        .anyMatch(r -> r.columns().equals(u.columns()) && r.name() != null);
                lines.add("unique " + t + " " + u.columns() + name(named ? u.name() : null));
            }
            for (CheckConstraint c : table.checks()) {
                boolean named = ref.stream()
                        .flatMap(r -> r.checks().stream())
                        .anyMatch(r -> r.expression().equals(c.expression()) && r.name() != null);
                lines.add("check " + t + " (" + c.expression() + ")" + name(named ? c.name() : null));
            }
            for (ForeignKey f : table.foreignKeys()) {
                boolean named = ref.stream()
                        .flatMap(r -> r.foreignKeys().stream())
                        .anyMatch(r ->
                                r.columns().equals(f.columns()) && r.target().equals(f.target()) && r.name() != null);
                lines.add("foreign key " + t + " " + f.columns() + " -> " + f.target() + " " + f.targetColumns()
                        + " on delete " + f.onDelete().sql() + " on update "
                        + f.onUpdate().sql()
                        + (f.deferrable() ? " deferrable" : "") + (f.initiallyDeferred() ? " initially deferred" : "")
                        + name(named ? f.name() : null));
            }
            for (Index i : table.indexes()) {
                lines.add((i.unique() ? "unique index " : "index ") + t + " " + i.name() + " using " + i.method() + " "
                        + i.keys().stream()
                                .map(k -> (k.expression() ? "(" + k.text() + ")" : k.text())
                                        + (k.descending() ? " desc" : ""))
                                .toList()
                        + (i.predicate() == null ? "" : " where " + i.predicate()));
            }
        }
        return lines.stream().sorted().toList();
    }

    private static String name(String name) {
        return name == null ? "" : " named " + name;
    }

    private static String comment(String comment) {
        return comment == null ? "" : " comment '" + Objects.toString(comment) + "'";
    }
}
