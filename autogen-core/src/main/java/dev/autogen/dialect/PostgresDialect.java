package dev.autogen.dialect;

import static dev.autogen.canonical.Identifiers.literal;
import static dev.autogen.canonical.Identifiers.quote;

import dev.autogen.operations.AddCheckConstraint;
import dev.autogen.operations.AddColumn;
import dev.autogen.operations.AddForeignKey;
import dev.autogen.operations.AddPrimaryKey;
import dev.autogen.operations.AddUniqueConstraint;
import dev.autogen.operations.AlterColumn;
import dev.autogen.operations.AlterEnumType;
import dev.autogen.operations.ColumnRef;
import dev.autogen.operations.RenameColumn;
import dev.autogen.operations.AlterSequence;
import dev.autogen.operations.CreateEnumType;
import dev.autogen.operations.CreateIndex;
import dev.autogen.operations.CreateSchema;
import dev.autogen.operations.CreateSequence;
import dev.autogen.operations.CreateTable;
import dev.autogen.operations.DropColumn;
import dev.autogen.operations.DropConstraint;
import dev.autogen.operations.DropEnumType;
import dev.autogen.operations.DropIndex;
import dev.autogen.operations.DropSchema;
import dev.autogen.operations.DropSequence;
import dev.autogen.operations.DropTable;
import dev.autogen.operations.Execute;
import dev.autogen.operations.Operation;
import dev.autogen.operations.SetTableComment;
import dev.autogen.schema.CheckConstraint;
import dev.autogen.schema.Column;
import dev.autogen.schema.Constraint;
import dev.autogen.schema.EnumType;
import dev.autogen.schema.ForeignKey;
import dev.autogen.schema.Identity;
import dev.autogen.schema.Index;
import dev.autogen.schema.IndexKey;
import dev.autogen.schema.PrimaryKey;
import dev.autogen.schema.QualifiedName;
import dev.autogen.schema.ReferentialAction;
import dev.autogen.schema.Sequence;
import dev.autogen.schema.Table;
import dev.autogen.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** PostgreSQL's SQL for every operation. Every name is quoted as needed and every literal escaped. */
public final class PostgresDialect implements Dialect {

    @Override
    public List<String> render(Operation operation) {
        if (operation instanceof CreateSchema op) {
            return List.of("create schema " + quote(op.name()));
        } else if (operation instanceof DropSchema op) {
            return List.of("drop schema " + quote(op.name()));
        } else if (operation instanceof CreateTable op) {
            return createTable(op.table());
        } else if (operation instanceof DropTable op) {
            return List.of("drop table " + name(op.table().name()));
        } else if (operation instanceof AddColumn op) {
            List<String> sql = new ArrayList<>(List.of("alter table " + name(op.table()) + " add column " + column(op.column())));
            commentOnColumn(op.table(), op.column()).ifPresent(sql::add);
            return sql;
        } else if (operation instanceof DropColumn op) {
            return List.of("alter table " + name(op.table()) + " drop column " + quote(op.column().name()));
        } else if (operation instanceof AlterColumn op) {
            return alterColumn(op);
        } else if (operation instanceof RenameColumn op) {
            return List.of("alter table " + name(op.table()) + " rename column " + quote(op.from()) + " to " + quote(op.to()));
        } else if (operation instanceof AddPrimaryKey op) {
            return addConstraint(op.table(), op.key());
        } else if (operation instanceof AddUniqueConstraint op) {
            return addConstraint(op.table(), op.constraint());
        } else if (operation instanceof AddForeignKey op) {
            return addConstraint(op.table(), op.key());
        } else if (operation instanceof AddCheckConstraint op) {
            return addConstraint(op.table(), op.check());
        } else if (operation instanceof DropConstraint op) {
            return List.of("alter table " + name(op.table()) + " drop constraint " + quote(op.constraint().name()));
        } else if (operation instanceof CreateIndex op) {
            return List.of(createIndex(op.table(), op.index()));
        } else if (operation instanceof DropIndex op) {
            return List.of("drop index " + name(new QualifiedName(op.table().schema(), op.index().name())));
        } else if (operation instanceof CreateSequence op) {
            return List.of("create sequence " + name(op.sequence().name()) + " as " + op.sequence().dataType() + options(op.sequence()));
        } else if (operation instanceof AlterSequence op) {
            return List.of("alter sequence " + name(op.to().name()) + " as " + op.to().dataType() + options(op.to()));
        } else if (operation instanceof DropSequence op) {
            return List.of("drop sequence " + name(op.sequence().name()));
        } else if (operation instanceof CreateEnumType op) {
            return List.of(createEnumType(op.type()));
        } else if (operation instanceof AlterEnumType op) {
            return alterEnumType(op);
        } else if (operation instanceof DropEnumType op) {
            return List.of("drop type " + name(op.type().name()));
        } else if (operation instanceof SetTableComment op) {
            return List.of("comment on table " + name(op.table()) + " is " + (op.to() == null ? "null" : literal(op.to())));
        } else if (operation instanceof Execute op) {
            return op.sql() == null ? List.of() : List.of(op.sql());
        }
        throw new IllegalArgumentException("no SQL for " + operation);
    }

    private static List<String> createTable(Table table) {
        List<String> parts = new ArrayList<>();
        table.columns().forEach(c -> parts.add(column(c)));
        table.constraints().forEach(c -> parts.add(constraint(c)));
        List<String> sql = new ArrayList<>();
        sql.add("create table " + name(table.name()) + " (" + String.join(", ", parts) + ")");
        if (table.comment() != null) {
            sql.add("comment on table " + name(table.name()) + " is " + literal(table.comment()));
        }
        table.columns().forEach(c -> commentOnColumn(table.name(), c).ifPresent(sql::add));
        return sql;
    }

    private static String column(Column column) {
        StringBuilder sql = new StringBuilder(quote(column.name())).append(' ').append(column.type());
        if (column.generatedAs() != null) {
            sql.append(" generated always as (").append(column.generatedAs()).append(") stored");
        }
        if (column.defaultValue() != null) {
            sql.append(" default ").append(column.defaultValue());
        }
        if (column.identity() != Identity.NONE) {
            sql.append(column.identity() == Identity.ALWAYS ? " generated always as identity" : " generated by default as identity");
        }
        if (!column.nullable()) {
            sql.append(" not null");
        }
        return sql.toString();
    }

    private static java.util.Optional<String> commentOnColumn(QualifiedName table, Column column) {
        return java.util.Optional.ofNullable(column.comment())
                .map(c -> "comment on column " + name(table) + "." + quote(column.name()) + " is " + literal(c));
    }

    private static List<String> alterColumn(AlterColumn op) {
        Column from = op.from();
        Column to = op.to();
        String alter = "alter table " + name(op.table()) + " alter column " + quote(to.name());
        List<String> sql = new ArrayList<>();
        if (from.identity() != Identity.NONE && to.identity() == Identity.NONE) {
            sql.add(alter + " drop identity");
        }
        if (!from.type().equals(to.type())) {
            // PostgreSQL casts implicitly only between some types; an explicit cast covers the rest.
            sql.add(alter + " type " + to.type() + " using " + quote(to.name()) + "::" + to.type());
        }
        if (!java.util.Objects.equals(from.defaultValue(), to.defaultValue())) {
            sql.add(to.defaultValue() == null ? alter + " drop default" : alter + " set default " + to.defaultValue());
        }
        if (from.nullable() != to.nullable()) {
            sql.add(alter + (to.nullable() ? " drop not null" : " set not null"));
        }
        if (from.identity() == Identity.NONE && to.identity() != Identity.NONE) {
            sql.add(alter + " add generated " + (to.identity() == Identity.ALWAYS ? "always" : "by default") + " as identity");
        } else if (from.identity() != Identity.NONE && to.identity() != Identity.NONE && from.identity() != to.identity()) {
            sql.add(alter + " set generated " + (to.identity() == Identity.ALWAYS ? "always" : "by default"));
        }
        if (!java.util.Objects.equals(from.comment(), to.comment())) {
            sql.add("comment on column " + name(op.table()) + "." + quote(to.name()) + " is "
                    + (to.comment() == null ? "null" : literal(to.comment())));
        }
        return sql;
    }

    private static List<String> alterEnumType(AlterEnumType op) {
        String type = name(op.to().name());
        List<String> sql = new ArrayList<>();
        if (op.onlyAddsLabels()) {
            List<String> labels = op.to().labels();
            for (int i = 0; i < labels.size(); i++) {
                if (!op.from().labels().contains(labels.get(i))) {
                    String place = i + 1 < labels.size() && op.from().labels().contains(labels.get(i + 1))
                            ? " before " + literal(labels.get(i + 1))
                            : i > 0 ? " after " + literal(labels.get(i - 1)) : "";
                    sql.add("alter type " + type + " add value " + literal(labels.get(i)) + place);
                }
            }
            return sql;
        }
        // PostgreSQL cannot drop or reorder labels: build the new type beside the old and move the columns over.
        QualifiedName old = new QualifiedName(op.to().name().schema(), op.to().name().name() + "_old");
        sql.add("alter type " + type + " rename to " + quote(old.name()));
        sql.add(createEnumType(op.to()));
        for (ColumnRef column : op.columns()) {
            sql.add("alter table " + name(column.table()) + " alter column " + quote(column.column()) + " type " + type
                    + " using " + quote(column.column()) + "::text::" + type);
        }
        sql.add("drop type " + name(old));
        return sql;
    }

    private static String createEnumType(EnumType type) {
        return "create type " + name(type.name()) + " as enum ("
                + type.labels().stream().map(l -> literal(l)).collect(Collectors.joining(", ")) + ")";
    }

    private static List<String> addConstraint(QualifiedName table, Constraint constraint) {
        return List.of("alter table " + name(table) + " add " + constraint(constraint));
    }

    private static String constraint(Constraint constraint) {
        String named = constraint.name() == null ? "" : "constraint " + quote(constraint.name()) + " ";
        if (constraint instanceof PrimaryKey key) {
            return named + "primary key (" + columns(key.columns()) + ")";
        } else if (constraint instanceof UniqueConstraint unique) {
            return named + "unique (" + columns(unique.columns()) + ")";
        } else if (constraint instanceof ForeignKey key) {
            return named + "foreign key (" + columns(key.columns()) + ") references " + name(key.target())
                    + " (" + columns(key.targetColumns()) + ")"
                    + (key.onDelete() == ReferentialAction.NO_ACTION ? "" : " on delete " + key.onDelete().sql())
                    + (key.onUpdate() == ReferentialAction.NO_ACTION ? "" : " on update " + key.onUpdate().sql())
                    + (key.deferrable() ? " deferrable" : "")
                    + (key.initiallyDeferred() ? " initially deferred" : "");
        }
        return named + "check (" + ((CheckConstraint) constraint).expression() + ")";
    }

    private static String createIndex(QualifiedName table, Index index) {
        String keys = index.keys().stream().map(PostgresDialect::indexKey).collect(Collectors.joining(", "));
        return "create " + (index.unique() ? "unique " : "") + "index " + quote(index.name()) + " on " + name(table)
                + (index.method().equals(Index.DEFAULT_METHOD) ? "" : " using " + index.method())
                + " (" + keys + ")"
                + (index.predicate() == null ? "" : " where " + index.predicate());
    }

    private static String indexKey(IndexKey key) {
        return (key.expression() ? "(" + key.text() + ")" : quote(key.text())) + (key.descending() ? " desc" : "");
    }

    private static String options(Sequence s) {
        return " increment by " + s.increment() + " minvalue " + s.min() + " maxvalue " + s.max()
                + " start with " + s.start() + " cache " + s.cache() + (s.cycle() ? " cycle" : " no cycle");
    }

    private static String columns(List<String> names) {
        return names.stream().map(n -> quote(n)).collect(Collectors.joining(", "));
    }

    static String name(QualifiedName name) {
        return quote(name.schema()) + "." + quote(name.name());
    }
}
