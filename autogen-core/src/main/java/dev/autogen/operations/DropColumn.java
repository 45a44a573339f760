package dev.autogen.operations;

import dev.autogen.schema.Column;
import dev.autogen.schema.QualifiedName;
import dev.autogen.schema.Schema;
import java.util.Objects;
import java.util.Optional;

public record DropColumn(QualifiedName table, Column column) implements Operation {

    public DropColumn {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(column, "column");
    }

    @Override
    public Schema applyTo(Schema schema) {
        return Edits.table(schema, table, t -> t.withColumns(Edits.minus(t.columns(), column)));
    }

    @Override
    public AddColumn reverse() {
        return new AddColumn(table, column);
    }

    @Override
    public Optional<String> dataLoss() {
        return Optional.of("drops column " + table + "." + column.name() + " with its values");
    }
}
