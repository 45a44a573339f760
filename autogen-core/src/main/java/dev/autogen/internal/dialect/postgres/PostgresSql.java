package dev.autogen.internal.dialect.postgres;

import static dev.autogen.internal.dialect.postgres.PostgresNames.literal;
import static dev.autogen.internal.dialect.postgres.PostgresNames.quote;

import dev.autogen.internal.operations.AddCheckConstraint;
import dev.autogen.internal.operations.AddColumn;
import dev.autogen.internal.operations.AddForeignKey;
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
import java.util.Objects;
import java.util.stream.Collectors;

/** PostgreSQL's SQL for every operation. Every name is quoted as needed and every literal escaped. */
final class PostgresSql implements OperationVisitor<List<String>> {

    static final PostgresSql INSTANCE = new PostgresSql();

    /** The zone a timestamp without one is read in when it gains one, and written in when it loses it. */
    static final String CONVERSION_ZONE = "UTC";

    private final PostgresTypeChanges typeChanges = new PostgresTypeChanges();

    private PostgresSql() {}

    /**
     * How each old value becomes a new one, and whether that can alter a value (then a guard checks every row
     * first): large objects are read and written through their functions, and the objects they leave
     * behind unlinked; a timestamp gains or loses its zone at an explicit one; anything else is cast.
     */
    private record Conversion(String expression, boolean exact, List<String> before, List<String> after) {}

    private Conversion conversion(AlterColumn op) {
        String column = quote(op.to().name());
        String from = op.from().type();
        String to = op.to().type();
        boolean fromZoned = from.contains("with time zone");
        boolean toZoned = to.contains("with time zone");
        if (from.startsWith("timestamp") && to.startsWith("timestamp") && fromZoned != toZoned) {
            return new Conversion(column + " at time zone " + literal(CONVERSION_ZONE), true, List.of(), List.of());
        }
        if (from.equals("oid") && (isText(to) || to.equals("bytea"))) {
            // The column holds large-object ids: the values are the objects' contents, which must move with them.
            String kept =
                    quote("autogen_unlink_" + Integer.toHexString(op.table().hashCode() ^ column.hashCode()));
            String contents =
                    to.equals("bytea") ? "lo_get(" + column + ")" : "convert_from(lo_get(" + column + "), 'UTF8')";
            // Assigned, not cast, to a shorter type: a value that does not fit fails the change.
            return new Conversion(
                    contents,
                    true,
                    List.of("create temporary table " + kept + " on commit drop as select " + column + " as lo from "
                            + name(op.table()) + " where " + column + " is not null"),
                    List.of("select lo_unlink(lo) from " + kept));
        }
        if (to.equals("oid") && (isText(from) || from.equals("bytea"))) {
            String contents = from.equals("bytea") ? column : "convert_to(" + column + ", 'UTF8')";
            return new Conversion("lo_from_bytea(0, " + contents + ")", true, List.of(), List.of());
        }
        return new Conversion(column + "::" + to, typeChanges.keepsEveryValue(from, to), List.of(), List.of());
    }

    private static boolean isText(String type) {
        return type.equals("text") || type.startsWith("character varying") || type.startsWith("character(");
    }

    /**
     * PostgreSQL (before 17) cannot change a generated column's expression: a column that stops being
     * generated keeps its values ({@code drop expression}); one that becomes generated, or changes its
     * expression, is dropped and added again, computed anew.
     */
    private List<String> generationChange(AlterColumn op) {
        List<String> sql = new ArrayList<>();
        if (op.to().generatedAs() == null) {
            sql.add("alter table " + name(op.table()) + " alter column "
                    + quote(op.to().name()) + " drop expression");
            sql.addAll(
                    alterColumnSql(new AlterColumn(op.table(), op.from().withGeneratedAs(null), op.to(), op.using())));
            return sql;
        }
        sql.add("alter table " + name(op.table()) + " drop column "
                + quote(op.from().name()));
        sql.add("alter table " + name(op.table()) + " add column " + column(op.to()));
        commentOnColumn(op.table(), op.to()).ifPresent(sql::add);
        return sql;
    }

    /**
     * Fails the migration, before anything changes, when a value would not come back unchanged from the
     * new type: a cast that cuts, rounds or otherwise alters a value is never left to do so silently.
     */
    private static String guard(AlterColumn op, String conversion) {
        String column = quote(op.to().name());
        String body = "begin if exists (select 1 from " + name(op.table()) + " where " + column + " is not null and ("
                + conversion + ")::" + op.from().type() + " is distinct from " + column + ") then raise exception '%', "
                + literal("autogen: a value of " + op.table() + "." + op.to().name() + " does not convert from "
                        + op.from().type()
                        + " to " + op.to().type()
                        + " unchanged; nothing was changed (convert or clean such values first,"
                        + " or give alterColumn a conversion of your own)")
                + "; end if; end";
        return "do " + Dollars.quote(body);
    }

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
        return alterColumnSql(op);
    }

    @Override
    public List<String> renameColumn(RenameColumn op) {
        return List.of(
                "alter table " + name(op.table()) + " rename column " + quote(op.from()) + " to " + quote(op.to()));
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
        return List.of("alter table " + name(op.table()) + " rename to " + quote(op.to()), "do " + Dollars.quote(body));
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

    private static String column(Column column) {
        boolean serial = column.identity() == Identity.SERIAL;
        StringBuilder sql = new StringBuilder(quote(column.name()))
                .append(' ')
                .append(serial ? PostgresTypes.serialSpelling(column.type()) : column.type());
        if (column.generatedAs() != null) {
            sql.append(" generated always as (").append(column.generatedAs()).append(") stored");
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
        if (!column.nullable()) {
            sql.append(" not null");
        }
        return sql.toString();
    }

    private static java.util.Optional<String> commentOnColumn(QualifiedName table, Column column) {
        return java.util.Optional.ofNullable(column.comment())
                .map(c -> "comment on column " + name(table) + "." + quote(column.name()) + " is " + literal(c));
    }

    private List<String> alterColumnSql(AlterColumn op) {
        Column from = op.from();
        Column to = op.to();
        if (!Objects.equals(from.generatedAs(), to.generatedAs())) {
            return generationChange(op);
        }
        String alter = "alter table " + name(op.table()) + " alter column " + quote(to.name());
        List<String> sql = new ArrayList<>();
        boolean wasSerial = from.identity() == Identity.SERIAL;
        boolean isSerial = to.identity() == Identity.SERIAL;
        if (isIdentity(from) && !isIdentity(to)) {
            sql.add(alter + " drop identity");
        }
        if (wasSerial && !isSerial) {
            sql.add(alter + " drop default");
            sql.add(onSerialSequence(op, "'drop sequence ' || %s"));
        }
        if (op.typeChanged()) {
            // PostgreSQL would convert the old default too, and refuse where no cast fits: it goes first.
            if (from.defaultValue() != null) {
                sql.add(alter + " drop default");
            }
            Conversion conversion =
                    op.using() == null ? conversion(op) : new Conversion(op.using(), true, List.of(), List.of());
            sql.addAll(conversion.before());
            if (!conversion.exact()) {
                sql.add(guard(op, conversion.expression()));
            }
            sql.add(alter + " type " + to.type() + " using " + conversion.expression());
            sql.addAll(conversion.after());
            if (to.defaultValue() != null) {
                sql.add(alter + " set default " + to.defaultValue());
            }
            if (wasSerial && isSerial) {
                // Its sequence keeps its type, and with it its range, unless told: as bigserial makes it.
                sql.add(onSerialSequence(op, "'alter sequence ' || %s || ' as " + to.type() + "'"));
            }
        } else if (!Objects.equals(from.defaultValue(), to.defaultValue())) {
            sql.add(to.defaultValue() == null ? alter + " drop default" : alter + " set default " + to.defaultValue());
        }
        if (!wasSerial && isSerial) {
            sql.addAll(becomeSerial(op));
        }
        if (from.nullable() && !to.nullable() && to.defaultValue() != null) {
            // What the default would have given the rows had it stood when they were written.
            sql.add("update " + name(op.table()) + " set " + quote(to.name()) + " = " + to.defaultValue() + " where "
                    + quote(to.name()) + " is null");
        }
        if (from.nullable() != to.nullable()) {
            sql.add(alter + (to.nullable() ? " drop not null" : " set not null"));
        }
        if (!isIdentity(from) && isIdentity(to)) {
            sql.add(alter + " add generated " + (to.identity() == Identity.ALWAYS ? "always" : "by default")
                    + " as identity");
            // A new identity counts from 1: past the ids the table has, or the next insert collides.
            sql.add("select setval(pg_get_serial_sequence(" + literal(name(op.table())) + ", " + literal(to.name())
                    + "), coalesce(max(" + quote(to.name()) + "), 0) + 1, false) from " + name(op.table()));
        } else if (isIdentity(from) && isIdentity(to) && from.identity() != to.identity()) {
            sql.add(alter + " set generated " + (to.identity() == Identity.ALWAYS ? "always" : "by default"));
        }
        if (!Objects.equals(from.comment(), to.comment())) {
            sql.add("comment on column " + name(op.table()) + "." + quote(to.name()) + " is "
                    + (to.comment() == null ? "null" : literal(to.comment())));
        }
        return sql;
    }

    /** {@code generated ... as identity}, as opposed to none or serial. */
    private static boolean isIdentity(Column column) {
        return column.identity() == Identity.ALWAYS || column.identity() == Identity.BY_DEFAULT;
    }

    /**
     * A statement run on the sequence a serial column owns, whose name PostgreSQL chose: {@code command} is
     * an SQL expression of the text to run, with {@code %s} for the sequence's quoted name.
     */
    private static String onSerialSequence(AlterColumn op, String command) {
        String sequence = "pg_get_serial_sequence(" + literal(name(op.table())) + ", "
                + literal(op.to().name()) + ")";
        return "do " + Dollars.quote("begin execute " + command.formatted(sequence) + "; end");
    }

    /**
     * An existing column made serial as {@code serial} would have made it: a sequence of its type that it
     * owns, counting on from the values the rows have, for its default and for rows that have none.
     */
    private static List<String> becomeSerial(AlterColumn op) {
        String column = quote(op.to().name());
        String table = name(op.table());
        String sequence = name(new QualifiedName(
                op.table().schema(),
                PostgresNames.truncate(op.table().name() + "_" + op.to().name() + "_seq")));
        return List.of(
                "create sequence " + sequence + " as " + op.to().type() + " owned by " + table + "." + column,
                "select setval(" + literal(sequence) + ", coalesce(max(" + column + "), 0) + 1, false) from " + table,
                "alter table " + table + " alter column " + column + " set default nextval(" + literal(sequence)
                        + "::regclass)",
                "update " + table + " set " + column + " = default where " + column + " is null");
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
