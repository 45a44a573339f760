package dev.autogen.internal.dialect.postgres;

import static dev.autogen.internal.dialect.postgres.PostgresNames.literal;
import static dev.autogen.internal.dialect.postgres.PostgresNames.quote;

import dev.autogen.internal.operations.AddCheckConstraint;
import dev.autogen.internal.operations.AddColumn;
import dev.autogen.internal.operations.AddForeignKey;
import dev.autogen.internal.operations.AddNotNullNotValid;
import dev.autogen.internal.operations.AddPrimaryKey;
import dev.autogen.internal.operations.AddUniqueConstraint;
import dev.autogen.internal.operations.AlterColumn;
import dev.autogen.internal.operations.AlterEnumType;
import dev.autogen.internal.operations.AlterSequence;
import dev.autogen.internal.operations.ColumnRef;
import dev.autogen.internal.operations.CreateEnumType;
import dev.autogen.internal.operations.CreateIndex;
import dev.autogen.internal.operations.CreateSchema;
import dev.autogen.internal.operations.CreateSequence;
import dev.autogen.internal.operations.CreateTable;
import dev.autogen.internal.operations.DropColumn;
import dev.autogen.internal.operations.DropConstraint;
import dev.autogen.internal.operations.DropEnumType;
import dev.autogen.internal.operations.DropIndex;
import dev.autogen.internal.operations.DropSchema;
import dev.autogen.internal.operations.DropSequence;
import dev.autogen.internal.operations.DropTable;
import dev.autogen.internal.operations.Execute;
import dev.autogen.internal.operations.ExecuteJava;
import dev.autogen.internal.operations.Operation;
import dev.autogen.internal.operations.OperationVisitor;
import dev.autogen.internal.operations.RenameColumn;
import dev.autogen.internal.operations.RenameConstraint;
import dev.autogen.internal.operations.RenameIndex;
import dev.autogen.internal.operations.RenameTable;
import dev.autogen.internal.operations.SetTableComment;
import dev.autogen.internal.operations.SetTableSchema;
import dev.autogen.internal.operations.ValidateConstraint;
import dev.autogen.internal.schema.CheckConstraint;
import dev.autogen.internal.schema.Column;
import dev.autogen.internal.schema.Constraint;
import dev.autogen.internal.schema.EnumType;
import dev.autogen.internal.schema.ForeignKey;
import dev.autogen.internal.schema.Identity;
import dev.autogen.internal.schema.Index;
import dev.autogen.internal.schema.IndexKey;
import dev.autogen.internal.schema.PrimaryKey;
import dev.autogen.internal.schema.QualifiedName;
import dev.autogen.internal.schema.ReferentialAction;
import dev.autogen.internal.schema.Sequence;
import dev.autogen.internal.schema.Table;
import dev.autogen.internal.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** PostgreSQL's SQL for every operation. Every name is quoted as needed and every literal escaped. */
final class PostgresSql implements OperationVisitor<List<String>> {

    static final PostgresSql INSTANCE = new PostgresSql();

    /** The zone a timestamp without one is read in when it gains one, and written in when it loses it. */
    static final String CONVERSION_ZONE = "UTC";

    private final PostgresAlterColumn alterColumn = new PostgresAlterColumn();

    private PostgresSql() {}

    List<String> render(Operation operation) {
        return operation.accept(this);
    }

    @Override
    public List<String> createSchema(CreateSchema op) {
        return List.of("create schema " + quote(op.name()));
    }

    @Override
    public List<String> dropSchema(DropSchema op) {
        return List.of("drop schema " + quote(op.name()));
    }

    @Override
    public List<String> createTable(CreateTable op) {
        return createTable(op.table());
    }

    @Override
    public List<String> dropTable(DropTable op) {
        return List.of("drop table " + name(op.table().name()));
    }

    @Override
    public List<String> addColumn(AddColumn op) {
        List<String> sql =
                new ArrayList<>(List.of("alter table " + name(op.table()) + " add column " + column(op.column())));
        commentOnColumn(op.table(), op.column()).ifPresent(sql::add);
        return sql;
    }

    @Override
    public List<String> dropColumn(DropColumn op) {
        return List.of("alter table " + name(op.table()) + " drop column "
                + quote(op.column().name()));
    }

    @Override
    public List<String> alterColumn(AlterColumn op) {
        return alterColumn.render(op);
    }

    @Override
    public List<String> renameColumn(RenameColumn op) {
        String table = op.table().name();
        return List.of(
                "alter table " + name(op.table()) + " rename column " + quote(op.from()) + " to " + quote(op.to()),
                renameNotNull(
                        op.table(),
                        "select " + literal(table + "_" + op.from() + NOT_NULL) + " as old, "
                                + literal(table + "_" + op.to() + NOT_NULL) + " as new"));
    }

    /** How PostgreSQL 18 names the NOT NULL constraint of a column it names itself. */
    private static final String NOT_NULL = "_not_null";

    /**
     * A statement that renames the NOT NULL constraints PostgreSQL 18 named after the old names ({@code
     * <table>_<column>_not_null}) as it would name them now, so that the catalog is the one a new table gets;
     * {@code pairs} selects the old and new names. Before 18 there are none, and it does nothing.
     */
    private static String renameNotNull(QualifiedName table, String pairs) {
        String body = "declare n record; begin for n in " + pairs + " loop"
                + " if exists (select 1 from pg_constraint where conrelid = " + literal(name(table))
                + "::regclass and contype = 'n' and conname = n.old) and octet_length(n.new) <= 63 then"
                + " execute format('alter table %s rename constraint %I to %I', " + literal(name(table))
                + ", n.old, n.new); end if; end loop; end";
        return "do " + Dollars.quote(body);
    }

    @Override
    public List<String> renameConstraint(RenameConstraint op) {
        return List.of(
                "alter table " + name(op.table()) + " rename constraint " + quote(op.from()) + " to " + quote(op.to()));
    }

    @Override
    public List<String> renameIndex(RenameIndex op) {
        return List.of("alter index " + name(new QualifiedName(op.table().schema(), op.from())) + " rename to "
                + quote(op.to()));
    }

    /**
     * The table, and the sequences its identity columns own when they bear the names PostgreSQL gave them
     * ({@code <table>_<column>_seq}): renamed as a new table's would be named.
     */
    @Override
    public List<String> renameTable(RenameTable op) {
        String body = "declare s record; begin for s in select seq.relname as name, a.attname as col"
                + " from pg_depend d join pg_class seq on seq.oid = d.objid and seq.relkind = 'S'"
                + " join pg_attribute a on a.attrelid = d.refobjid and a.attnum = d.refobjsubid"
                + " where d.classid = 'pg_class'::regclass and d.refobjid = " + literal(name(op.renamed()))
                + "::regclass and d.deptype = 'i' loop"
                + " if s.name = " + literal(op.table().name()) + " || '_' || s.col || '_seq'"
                + " and octet_length(" + literal(op.to()) + " || '_' || s.col || '_seq') <= 63 then"
                + " execute format('alter sequence %I.%I rename to %I', "
                + literal(op.table().schema())
                + ", s.name, " + literal(op.to()) + " || '_' || s.col || '_seq'); end if; end loop; end";
        String notNulls = "select " + literal(op.table().name()) + " || '_' || a.attname || " + literal(NOT_NULL)
                + " as old, " + literal(op.to()) + " || '_' || a.attname || " + literal(NOT_NULL)
                + " as new from pg_attribute a where a.attrelid = " + literal(name(op.renamed()))
                + "::regclass and a.attnum > 0 and not a.attisdropped";
        return List.of(
                "alter table " + name(op.table()) + " rename to " + quote(op.to()),
                "do " + Dollars.quote(body),
                renameNotNull(op.renamed(), notNulls));
    }

    @Override
    public List<String> setTableSchema(SetTableSchema op) {
        return List.of("alter table " + name(op.table()) + " set schema " + quote(op.schema()));
    }

    @Override
    public List<String> addPrimaryKey(AddPrimaryKey op) {
        return addConstraint(op.table(), op.key());
    }

    @Override
    public List<String> addUniqueConstraint(AddUniqueConstraint op) {
        if (!op.concurrently()) {
            return addConstraint(op.table(), op.constraint());
        }
        UniqueConstraint unique = op.constraint();
        Index index = new Index(
                unique.name(),
                true,
                unique.columns().stream().map(IndexKey::column).toList(),
                Index.DEFAULT_METHOD,
                null);
        List<String> sql = new ArrayList<>(createIndexConcurrently(op.table(), index));
        sql.add("alter table " + name(op.table()) + " add constraint " + quote(unique.name()) + " unique using index "
                + quote(unique.name()));
        return sql;
    }

    @Override
    public List<String> addForeignKey(AddForeignKey op) {
        return addConstraint(op.table(), op.key(), op.notValid());
    }

    @Override
    public List<String> addCheckConstraint(AddCheckConstraint op) {
        return addConstraint(op.table(), op.check(), op.notValid());
    }

    @Override
    public List<String> addNotNullNotValid(AddNotNullNotValid op) {
        return List.of("alter table " + name(op.table()) + " add constraint " + quote(op.constraint()) + " not null "
                + quote(op.column().name()) + " not valid");
    }

    @Override
    public List<String> validateConstraint(ValidateConstraint op) {
        return op.undone()
                ? List.of()
                : List.of("alter table " + name(op.table()) + " validate constraint " + quote(op.name()));
    }

    @Override
    public List<String> dropConstraint(DropConstraint op) {
        return List.of("alter table " + name(op.table()) + " drop constraint "
                + quote(op.constraint().name()));
    }

    @Override
    public List<String> createIndex(CreateIndex op) {
        return op.concurrently()
                ? createIndexConcurrently(op.table(), op.index())
                : List.of(createIndex(op.table(), op.index(), ""));
    }

    @Override
    public List<String> dropIndex(DropIndex op) {
        return List.of(dropIndex(op.table(), op.index().name(), op.concurrently()));
    }

    /**
     * A build that fails (a duplicate, a cancel, a lock timeout) leaves an invalid index behind: the drop
     * before it clears that away, so the pair can run again.
     */
    private static List<String> createIndexConcurrently(QualifiedName table, Index index) {
        return List.of(dropIndex(table, index.name(), true), createIndex(table, index, " concurrently"));
    }

    private static String dropIndex(QualifiedName table, String index, boolean concurrently) {
        return "drop index " + (concurrently ? "concurrently if exists " : "")
                + name(new QualifiedName(table.schema(), index));
    }

    @Override
    public List<String> createSequence(CreateSequence op) {
        Sequence sequence = op.sequence();
        List<String> sql = new ArrayList<>();
        sql.add("create sequence " + name(sequence.name()) + " as " + sequence.dataType() + options(sequence));
        if (!op.pastValuesOf().isEmpty()) {
            // One step past the furthest value, as Hibernate's own resync does: a pooled generator hands out the
            // step below each value it draws, so a smaller gap would collide.
            boolean ascending = sequence.increment() > 0;
            String furthest = op.pastValuesOf().stream()
                    .map(c -> "(select " + (ascending ? "max" : "min") + "(" + quote(c.column()) + ") from "
                            + name(c.table()) + ")::bigint + " + sequence.increment())
                    .collect(Collectors.joining(", "));
            sql.add("select setval(" + literal(name(sequence.name())) + ", " + (ascending ? "greatest" : "least") + "("
                    + sequence.start() + ", " + furthest + "), false)");
        }
        return sql;
    }

    @Override
    public List<String> alterSequence(AlterSequence op) {
        return List.of(
                "alter sequence " + name(op.to().name()) + " as " + op.to().dataType() + options(op.to()));
    }

    @Override
    public List<String> dropSequence(DropSequence op) {
        return List.of("drop sequence " + name(op.sequence().name()));
    }

    @Override
    public List<String> createEnumType(CreateEnumType op) {
        return createEnumType(op.type());
    }

    @Override
    public List<String> alterEnumType(AlterEnumType op) {
        return alterEnumTypeSql(op);
    }

    @Override
    public List<String> dropEnumType(DropEnumType op) {
        List<String> sql = new ArrayList<>(op.type().varcharCasts() ? dropCasts(op.type()) : List.of());
        sql.add("drop type " + name(op.type().name()));
        return sql;
    }

    @Override
    public List<String> setTableComment(SetTableComment op) {
        return List.of("comment on table " + name(op.table()) + " is " + (op.to() == null ? "null" : literal(op.to())));
    }

    @Override
    public List<String> execute(Execute op) {
        return op.sql() == null ? List.of() : List.of(op.sql());
    }

    /** Java runs in Java: the runner calls it on the connection between the statements around it. */
    @Override
    public List<String> executeJava(ExecuteJava op) {
        return List.of();
    }

    private List<String> createTable(Table table) {
        List<String> parts = new ArrayList<>();
        table.columns().forEach(c -> parts.add(column(c)));
        table.constraints().forEach(c -> parts.add(constraint(c)));
        List<String> sql = new ArrayList<>();
        sql.add("create table " + name(table.name()) + " (" + String.join(", ", parts) + ")");
        if (table.comment() != null) {
            sql.add("comment on table " + name(table.name()) + " is " + literal(table.comment()));
        }
        table.columns().forEach(c -> commentOnColumn(table.name(), c).ifPresent(sql::add));
        table.indexes().forEach(i -> sql.add(createIndex(table.name(), i, "")));
        return sql;
    }

    static String column(Column column) {
        boolean serial = column.identity() == Identity.SERIAL;
        StringBuilder sql = new StringBuilder(quote(column.name()))
                .append(' ')
                .append(serial ? PostgresTypes.serialSpelling(column.type()) : column.type());
        if (column.generatedAs() != null) {
            sql.append(" generated always as (")
                    .append(column.generatedAs())
                    .append(column.virtual() ? ") virtual" : ") stored");
        }
        if (column.defaultValue() != null) {
            sql.append(" default ").append(column.defaultValue());
        }
        if (column.identity() != Identity.NONE && !serial) {
            sql.append(
                    column.identity() == Identity.ALWAYS
                            ? " generated always as identity"
                            : " generated by default as identity");
        }
        if (column.notNullConstraint() != null) {
            sql.append(" constraint ").append(quote(column.notNullConstraint())).append(" not null");
        } else if (!column.nullable()) {
            sql.append(" not null");
        }
        return sql.toString();
    }

    static java.util.Optional<String> commentOnColumn(QualifiedName table, Column column) {
        return java.util.Optional.ofNullable(column.comment())
                .map(c -> "comment on column " + name(table) + "." + quote(column.name()) + " is " + literal(c));
    }

    private static List<String> alterEnumTypeSql(AlterEnumType op) {
        String type = name(op.to().name());
        List<String> sql = new ArrayList<>();
        if (op.from().labels().equals(op.to().labels())) {
            sql.addAll(op.to().varcharCasts() ? createCasts(op.to()) : dropCasts(op.from()));
            return sql;
        }
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
            if (op.from().varcharCasts() != op.to().varcharCasts()) {
                sql.addAll(op.to().varcharCasts() ? createCasts(op.to()) : dropCasts(op.from()));
            }
            return sql;
        }
        // PostgreSQL cannot drop or reorder labels: build the new type beside the old and move the columns over.
        // A column's default is of the old type: it steps aside while the column moves.
        QualifiedName old =
                new QualifiedName(op.to().name().schema(), op.to().name().name() + "_old");
        if (op.from().varcharCasts()) {
            sql.addAll(dropCasts(op.from()));
        }
        sql.add("alter type " + type + " rename to " + quote(old.name()));
        sql.addAll(createEnumType(op.to()));
        for (ColumnRef column : op.columns()) {
            String alter = "alter table " + name(column.table()) + " alter column " + quote(column.column());
            if (column.defaultValue() != null) {
                sql.add(alter + " drop default");
            }
            sql.add(alter + " type " + type + " using " + quote(column.column()) + "::text::" + type);
            if (column.defaultValue() != null) {
                sql.add(alter + " set default " + column.defaultValue());
            }
        }
        sql.add("drop type " + name(old));
        return sql;
    }

    /** The type, and the implicit casts Hibernate gives a named enum when it has them. */
    private static List<String> createEnumType(EnumType type) {
        List<String> sql = new ArrayList<>();
        sql.add("create type " + name(type.name()) + " as enum ("
                + type.labels().stream().map(l -> literal(l)).collect(Collectors.joining(", ")) + ")");
        if (type.varcharCasts()) {
            sql.addAll(createCasts(type));
        }
        return sql;
    }

    private static List<String> createCasts(EnumType type) {
        String name = name(type.name());
        return List.of(
                "create cast (character varying as " + name + ") with inout as implicit",
                "create cast (" + name + " as character varying) with inout as implicit");
    }

    private static List<String> dropCasts(EnumType type) {
        String name = name(type.name());
        return List.of(
                "drop cast (character varying as " + name + ")", "drop cast (" + name + " as character varying)");
    }

    private static List<String> addConstraint(QualifiedName table, Constraint constraint) {
        return addConstraint(table, constraint, false);
    }

    private static List<String> addConstraint(QualifiedName table, Constraint constraint, boolean notValid) {
        return List.of(
                "alter table " + name(table) + " add " + constraint(constraint) + (notValid ? " not valid" : ""));
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
                    + (key.onDelete() == ReferentialAction.NO_ACTION
                            ? ""
                            : " on delete " + key.onDelete().sql())
                    + (key.onUpdate() == ReferentialAction.NO_ACTION
                            ? ""
                            : " on update " + key.onUpdate().sql())
                    + (key.deferrable() ? " deferrable" : "")
                    + (key.initiallyDeferred() ? " initially deferred" : "");
        }
        return named + "check (" + ((CheckConstraint) constraint).expression() + ")";
    }

    /** {@code create [unique] index<how> name on table ...}: {@code how} is {@code " concurrently"}, {@code " if not exists"} or nothing. */
    static String createIndex(QualifiedName table, Index index, String how) {
        String keys = index.keys().stream().map(PostgresSql::indexKey).collect(Collectors.joining(", "));
        return "create " + (index.unique() ? "unique " : "") + "index" + how + " " + quote(index.name()) + " on "
                + name(table)
                + (index.method().equals(Index.DEFAULT_METHOD) ? "" : " using " + index.method())
                + " (" + keys + ")"
                + (index.predicate() == null ? "" : " where " + index.predicate());
    }

    private static String indexKey(IndexKey key) {
        return (key.expression() ? "(" + key.text() + ")" : quote(key.text())) + (key.descending() ? " desc" : "");
    }

    private static String options(Sequence s) {
        return " increment by " + s.increment() + " minvalue " + s.min() + " maxvalue " + s.max() + " start with "
                + s.start() + " cache " + s.cache() + (s.cycle() ? " cycle" : " no cycle");
    }

    private static String columns(List<String> names) {
        return names.stream().map(n -> quote(n)).collect(Collectors.joining(", "));
    }

    static String name(QualifiedName name) {
        return quote(name.schema()) + "." + quote(name.name());
    }
}
