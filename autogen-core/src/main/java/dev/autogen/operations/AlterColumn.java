package dev.autogen.operations;

import dev.autogen.schema.Column;
import dev.autogen.schema.QualifiedName;
import dev.autogen.schema.Schema;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Changes a column's type, nullability, default, identity or comment; {@code from} is what it was. */
public record AlterColumn(QualifiedName table, Column from, Column to) implements Operation {

    private static final Pattern SIZED = Pattern.compile("(.+?)\\((\\d+)(?:,(\\d+))?\\)(.*)");

    public AlterColumn {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.name().equals(to.name())) {
            throw new IllegalArgumentException("alter column cannot rename " + from.name() + " to " + to.name());
        }
    }

    @Override
    public Schema applyTo(Schema schema) {
        return Edits.table(schema, table, t -> t.withColumns(Edits.replace(t.columns(), c -> c.equals(from), to)));
    }

    @Override
    public AlterColumn reverse() {
        return new AlterColumn(table, to, from);
    }

    public boolean typeChanged() {
        return !from.type().equals(to.type());
    }

    /** A type change loses data unless it only widens the same type (longer text, more digits). */
    @Override
    public Optional<String> dataLoss() {
        if (!typeChanged() || widens(from.type(), to.type())) {
            return Optional.empty();
        }
        return Optional.of("changes " + table + "." + from.name() + " from " + from.type() + " to " + to.type()
                + ": values that do not fit are cut or make the change fail");
    }

    static boolean widens(String before, String after) {
        if (after.equals("text") && (before.startsWith("character varying") || before.startsWith("character("))) {
            return true;
        }
        Matcher b = SIZED.matcher(before);
        Matcher a = SIZED.matcher(after);
        if (!b.matches() || !a.matches() || !b.group(1).equals(a.group(1)) || !b.group(4).equals(a.group(4))) {
            return before.startsWith("character varying(") && after.equals("character varying");
        }
        long beforeSize = Long.parseLong(b.group(2));
        long afterSize = Long.parseLong(a.group(2));
        long beforeScale = b.group(3) == null ? 0 : Long.parseLong(b.group(3));
        long afterScale = a.group(3) == null ? 0 : Long.parseLong(a.group(3));
        return afterScale >= beforeScale && afterSize - afterScale >= beforeSize - beforeScale;
    }
}
