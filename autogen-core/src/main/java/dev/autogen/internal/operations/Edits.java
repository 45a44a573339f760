package dev.autogen.internal.operations;

import dev.autogen.internal.schema.Constraint;
import dev.autogen.internal.schema.ForeignKey;
import dev.autogen.internal.schema.QualifiedName;
import dev.autogen.internal.schema.Schema;
import dev.autogen.internal.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/** Small list and model edits shared by the operations' {@code applyTo}. */
final class Edits {

    private Edits() {}

    /** An added constraint must be named, so that its reverse can drop it again. */
    static void requireNamed(QualifiedName table, Constraint constraint) {
        if (constraint.name() == null) {
            throw new IllegalArgumentException("constraint " + constraint + " added to " + table
                    + " needs a name, so that it can be dropped again");
        }
    }

    static <T> List<T> plus(List<T> list, T item) {
        List<T> copy = new ArrayList<>(list);
        copy.add(item);
        return copy;
    }

    static <T> List<T> minus(List<T> list, T item) {
        List<T> copy = new ArrayList<>(list);
        if (!copy.remove(item)) {
            throw new IllegalStateException(item + " is not in the model");
        }
        return copy;
    }

    static <T> List<T> replace(List<T> list, Predicate<T> which, T replacement) {
        List<T> copy = new ArrayList<>(list);
        int index = -1;
        for (int i = 0; i < copy.size(); i++) {
            if (which.test(copy.get(i))) {
                index = i;
            }
        }
        if (index < 0) {
            throw new IllegalStateException("nothing to replace with " + replacement);
        }
        copy.set(index, replacement);
        return copy;
    }

    static Schema table(Schema schema, QualifiedName name, UnaryOperator<Table> edit) {
        Table table =
                schema.table(name).orElseThrow(() -> new IllegalStateException("no table " + name + " in the model"));
        Table edited = edit.apply(table);
        if (!edited.name().equals(name)) {
            return schema.withTables(replace(schema.tables(), t -> t.name().equals(name), edited));
        }
        return schema.replacingTable(edited);
    }

    /**
     * The table {@code from} under the name {@code to} (another name, or another schema), and the foreign
     * keys anywhere that point at it following it: PostgreSQL keeps them on the table, whatever its name.
     */
    static Schema renameTable(Schema schema, QualifiedName from, QualifiedName to) {
        Table found =
                schema.table(from).orElseThrow(() -> new IllegalStateException("no table " + from + " in the model"));
        if (schema.table(to).isPresent()) {
            throw new IllegalStateException("a table " + to + " exists already");
        }
        return schema.withTables(schema.tables().stream()
                .map(t -> t == found ? t.withName(to) : t)
                .map(t -> t.withForeignKeys(t.foreignKeys().stream()
                        .map(k -> k.target().equals(from)
                                ? new ForeignKey(
                                        k.name(),
                                        k.columns(),
                                        to,
                                        k.targetColumns(),
                                        k.onDelete(),
                                        k.onUpdate(),
                                        k.deferrable(),
                                        k.initiallyDeferred())
                                : k)
                        .toList()))
                .toList());
    }
}
