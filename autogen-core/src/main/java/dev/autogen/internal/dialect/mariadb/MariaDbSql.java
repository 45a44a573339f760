package dev.autogen.internal.dialect.mariadb;

import static dev.autogen.internal.dialect.mariadb.MariaDbNames.literal;
import static dev.autogen.internal.dialect.mariadb.MariaDbNames.quote;

import dev.autogen.api.AutogenException;
import dev.autogen.api.ErrorCode;
import dev.autogen.internal.operations.AddCheckConstraint;
import dev.autogen.internal.operations.AddColumn;
import dev.autogen.internal.operations.AddForeignKey;
import dev.autogen.internal.operations.AddNotNullNotValid;
import dev.autogen.internal.operations.AddPrimaryKey;
import dev.autogen.internal.operations.AddUniqueConstraint;
import dev.autogen.internal.operations.AlterColumn;
import dev.autogen.internal.operations.AlterEnumType;
import dev.autogen.internal.operations.AlterSequence;
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
import dev.autogen.internal.schema.ForeignKey;
import dev.autogen.internal.schema.Identity;
import dev.autogen.internal.schema.Index;
import dev.autogen.internal.schema.PrimaryKey;
import dev.autogen.internal.schema.QualifiedName;
import dev.autogen.internal.schema.ReferentialAction;
import dev.autogen.internal.schema.Sequence;
import dev.autogen.internal.schema.Table;
import dev.autogen.internal.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * MariaDB's SQL for every operation it has: each statement commits on its own (MariaDB has no
 * transactional DDL), so each is one step of the runner's all-or-nothing model. A column changes by
 * {@code modify column} with its whole new definition; the session is strict, so a value that does not fit
 * the new type fails the statement instead of being cut.
 */
final class MariaDbSql implements OperationVisitor<List<String>> {

    static final MariaDbSql INSTANCE = new MariaDbSql();

    /** Reads and writes go on, or the statement fails at once: what the lock-safe ("concurrent") forms ask. */
    private static final String ONLINE = "algorithm=inplace lock=none";

    /** A change of the table's definition alone: should MariaDB need to copy the table, it fails at once. */
    private static final String INSTANTLY = ", algorithm=instant";

    private MariaDbSql() {}

    List<String> render(Operation operation) {
        return operation.accept(this);
    }

    static String name(QualifiedName name) {
        return quote(name.schema()) + "." + quote(name.name());
    }

    @Override
    public List<String> createSchema(CreateSchema op) {
        return List.of("create database " + quote(op.name()));
    }

    @Override
    public List<String> dropSchema(DropSchema op) {
        return List.of("drop database " + quote(op.name()));
    }

    @Override
    public List<String> createTable(CreateTable op) {
        Table table = op.table();
        List<String> parts = new ArrayList<>();
        for (Column column : table.columns()) {
            // A check MariaDB named after the one column it tests was written with that column, as Hibernate
            // writes a column's checks: written so again, it reads back the same.
            String inline = table.checks().stream()
                    .filter(check -> inline(table, check) && column.name().equals(check.name()))
                    .map(check -> " check (" + check.expression() + ")")
                    .findFirst()
                    .orElse("");
            parts.add(column(column) + inline);
        }
        table.constraints().stream()
                .filter(c -> !(c instanceof CheckConstraint check && inline(table, check)))
                .forEach(c -> parts.add(constraint(c)));
        List<String> sql = new ArrayList<>();
        sql.add("create table " + name(table.name()) + " (" + String.join(", ", parts) + ") engine = InnoDB"
                + (table.comment() == null ? "" : " comment = " + literal(table.comment())));
        table.indexes().forEach(i -> sql.add(createIndex(table.name(), i)));
        return sql;
    }

    private static boolean inline(Table table, CheckConstraint check) {
        return check.name() != null && check.name().equals(MariaDbDiffRules.singleColumn(table, check));
    }

    @Override
    public List<String> dropTable(DropTable op) {
        return List.of("drop table " + name(op.table().name()));
    }

    @Override
    public List<String> addColumn(AddColumn op) {
        return List.of("alter table " + name(op.table()) + " add column " + column(op.column())
                + (op.instantly() ? INSTANTLY : ""));
    }

    @Override
    public List<String> dropColumn(DropColumn op) {
        return List.of("alter table " + name(op.table()) + " drop column "
                + quote(op.column().name()) + (op.instantly() ? INSTANTLY : ""));
    }

    @Override
    public List<String> alterColumn(AlterColumn op) {
        Column to = op.to();
        List<String> sql = new ArrayList<>();
        if (op.from().nullable() && !to.nullable() && to.defaultValue() != null) {
            // What the default would have given the rows had it stood when they were written.
            sql.add("update " + name(op.table()) + " set " + quote(to.name()) + " = " + to.defaultValue() + " where "
                    + quote(to.name()) + " is null");
        }
        if (op.using() != null && op.typeChanged()) {
            // MariaDB's change of type takes no expression: the values become text the expression reads,
            // then the new type, which the strict session refuses for a value that does not fit it. (A
            // conversion still to write never gets here: recording the migration refuses it.)
            // Bytes that are no text (a UUID's) pass as bytes; the expression makes text of them, or them of text.
            boolean bytes = op.from().type().contains("binary") || to.type().contains("binary");
            sql.add("alter table " + name(op.table()) + " modify column " + quote(to.name())
                    + (bytes ? " varbinary(255)" : " varchar(255)"));
            sql.add("update " + name(op.table()) + " set " + quote(to.name()) + " = " + op.using());
        }
        sql.add("alter table " + name(op.table()) + " modify column " + column(to));
        return sql;
    }

    /**
     * Undoes the first {@code run} statements of {@link #alterColumn}: the column's definition put back and,
     * once the values were converted, the reverse conversion first (the column still holds them as text).
     * Absent when they were converted and no reverse conversion is known.
     */
    static Optional<List<String>> undoAlterColumn(AlterColumn op, int run) {
        boolean backfilled =
                op.from().nullable() && !op.to().nullable() && op.to().defaultValue() != null;
        int first = backfilled ? 1 : 0;
        if (run <= first) {
            // Only nulls given the default, which the whole operation's reverse would not take back either.
            return Optional.of(List.of());
        }
        String restore = "alter table " + name(op.table()) + " modify column " + column(op.from());
        boolean retyped = op.using() != null && op.typeChanged();
        if (!retyped || run < first + 2) {
            return Optional.of(List.of(restore));
        }
        if (op.reverseUsing() == null) {
            return Optional.empty();
        }
        return Optional.of(List.of(
                "update " + name(op.table()) + " set " + quote(op.to().name()) + " = " + op.reverseUsing(), restore));
    }

    @Override
    public List<String> addNotNullNotValid(AddNotNullNotValid op) {
        throw notOnMariaDb(
                "MariaDB has no NOT NULL added not valid (addNotNullNotValid is PostgreSQL 18's)",
                "make the column not null with alterColumn");
    }

    @Override
    public List<String> renameColumn(RenameColumn op) {
        return List.of(
                "alter table " + name(op.table()) + " rename column " + quote(op.from()) + " to " + quote(op.to()));
    }

    @Override
    public List<String> renameTable(RenameTable op) {
        return List.of("rename table " + name(op.table()) + " to " + name(op.renamed()));
    }

    /** MariaDB renames a unique key as the index it is; other constraints have no rename. */
    @Override
    public List<String> renameConstraint(RenameConstraint op) {
        return List.of(
                "alter table " + name(op.table()) + " rename index " + quote(op.from()) + " to " + quote(op.to()));
    }

    @Override
    public List<String> renameIndex(RenameIndex op) {
        return List.of(
                "alter table " + name(op.table()) + " rename index " + quote(op.from()) + " to " + quote(op.to()));
    }

    @Override
    public List<String> setTableSchema(SetTableSchema op) {
        return List.of("rename table " + name(op.table()) + " to "
                + name(new QualifiedName(op.schema(), op.table().name())));
    }

    @Override
    public List<String> addPrimaryKey(AddPrimaryKey op) {
        return List.of("alter table " + name(op.table()) + " add " + constraint(op.key()));
    }

    @Override
    public List<String> addUniqueConstraint(AddUniqueConstraint op) {
        return List.of("alter table " + name(op.table()) + " add " + constraint(op.constraint())
                + (op.concurrently() ? ", " + ONLINE.replace(" ", ", ") : ""));
    }

    @Override
    public List<String> addForeignKey(AddForeignKey op) {
        return List.of("alter table " + name(op.table()) + " add " + constraint(op.key()));
    }

    /**
     * A check named after a column it tests goes with that column, as Hibernate writes a column's checks and
     * as MariaDB names them; otherwise the table's.
     */
    @Override
    public List<String> addCheckConstraint(AddCheckConstraint op) {
        CheckConstraint check = op.check();
        String plain = "alter table " + name(op.table()) + " add " + constraint(check);
        if (check.name() == null || !mentions(check.expression(), check.name())) {
            return List.of(plain);
        }
        return List.of("begin not atomic declare s longtext; if exists (select 1 from information_schema.columns where "
                + columnIs(op.table(), check.name()) + ") then set s = ("
                + redefinition(op.table(), check.name(), " check (" + check.expression() + ")")
                + "); execute immediate s; else " + plain + "; end if; end");
    }

    /**
     * A check MariaDB keeps with its column (one written in the column's definition, named after it) is not
     * the table's to drop by name: the column is written again without it, as the catalog describes it.
     */
    private static String dropCheck(QualifiedName table, CheckConstraint check) {
        String plain = "alter table " + name(table) + " drop constraint " + quote(check.name());
        return "begin not atomic declare s longtext; if exists (select 1 from information_schema.check_constraints"
                + " where constraint_schema = " + literal(table.schema()) + " and table_name = "
                + literal(table.name()) + " and constraint_name = " + literal(check.name())
                + " and level = 'Column') then set s = (" + redefinition(table, check.name(), "")
                + "); execute immediate s; else " + plain + "; end if; end";
    }

    private static String columnIs(QualifiedName table, String column) {
        return "table_schema = " + literal(table.schema()) + " and table_name = " + literal(table.name())
                + " and column_name = " + literal(column);
    }

    /**
     * A query giving the statement that writes {@code column} again as the catalog has it (type, character set,
     * null, default, generation, comment), then {@code suffix}: a column check is part of the definition.
     */
    private static String redefinition(QualifiedName table, String column, String suffix) {
        return "select concat(" + literal("alter table " + name(table) + " modify " + quote(column) + " ")
                + ", column_type, if(collation_name is null, '', concat(' character set ', character_set_name,"
                + " ' collate ', collation_name)), if(is_generated = 'ALWAYS', concat(' as (', generation_expression,"
                + " ')', if(extra like '%STORED%', ' stored', ' virtual')), concat(if(is_nullable = 'NO',"
                + " ' not null', ' null'), if(column_default is null or (column_default = 'NULL' and is_nullable"
                + " = 'YES'), '', concat(' default ', column_default)), if(extra like '%auto_increment%',"
                + " ' auto_increment', ''), if(extra like '%on update%', concat(' ', substring(extra,"
                + " locate('on update', extra))), ''))), if(extra like '%INVISIBLE%', ' invisible', ''),"
                + " if(column_comment = '', '', concat(' comment ', quote(column_comment))), " + literal(suffix)
                + ") from information_schema.columns where " + columnIs(table, column);
    }

    /** Whether {@code expression} names the column {@code column}, quoted or not. */
    private static boolean mentions(String expression, String column) {
        return expression.contains(quote(column))
                || java.util.regex.Pattern.compile(
                                "(?<![\\w`$])" + java.util.regex.Pattern.quote(column) + "(?![\\w`$])")
                        .matcher(expression)
                        .find();
    }

    @Override
    public List<String> validateConstraint(ValidateConstraint op) {
        // MariaDB checks every row when a constraint is added: there is nothing left to validate.
        return List.of();
    }

    @Override
    public List<String> dropConstraint(DropConstraint op) {
        String alter = "alter table " + name(op.table());
        Constraint constraint = op.constraint();
        if (constraint instanceof PrimaryKey) {
            return List.of(alter + " drop primary key");
        } else if (constraint instanceof UniqueConstraint) {
            return List.of(alter + " drop index " + quote(constraint.name()));
        } else if (constraint instanceof ForeignKey) {
            // The index MariaDB made for the key, named after it, stays unless dropped too.
            return List.of(
                    alter + " drop foreign key " + quote(constraint.name()),
                    alter + " drop index if exists " + quote(constraint.name()));
        }
        if (constraint instanceof CheckConstraint check && check.name() != null) {
            return List.of(dropCheck(op.table(), check));
        }
        return List.of(alter + " drop constraint " + quote(constraint.name()));
    }

    @Override
    public List<String> createIndex(CreateIndex op) {
        return List.of(createIndex(op.table(), op.index()) + (op.concurrently() ? " " + ONLINE : ""));
    }

    @Override
    public List<String> dropIndex(DropIndex op) {
        // drop index takes no algorithm: alter table does.
        return List.of(
                op.concurrently()
                        ? "alter table " + name(op.table()) + " drop index "
                                + quote(op.index().name()) + ", " + ONLINE.replace(" ", ", ")
                        : "drop index " + quote(op.index().name()) + " on " + name(op.table()));
    }

    @Override
    public List<String> createSequence(CreateSequence op) {
        Sequence s = op.sequence();
        List<String> sql = new ArrayList<>();
        sql.add("create sequence " + name(s.name()) + sequenceOptions(s));
        op.pastValuesOf()
                .forEach(ref ->
                        sql.add("select setval(" + name(s.name()) + ", (select coalesce(max(" + quote(ref.column())
                                + "), " + (s.start() - s.increment()) + ") from " + name(ref.table()) + "))"));
        return sql;
    }

    @Override
    public List<String> alterSequence(AlterSequence op) {
        return List.of("alter sequence " + name(op.to().name()) + sequenceOptions(op.to()));
    }

    @Override
    public List<String> dropSequence(DropSequence op) {
        return List.of("drop sequence " + name(op.sequence().name()));
    }

    private static String sequenceOptions(Sequence s) {
        return " start with " + s.start() + " increment by " + s.increment() + " minvalue " + s.min() + " maxvalue "
                + s.max() + " cache " + s.cache() + (s.cycle() ? " cycle" : " nocycle");
    }

    @Override
    public List<String> createEnumType(CreateEnumType op) {
        throw notOnMariaDb("MariaDB has no named enum types", "give the column an enum('A','B') type with alterColumn");
    }

    @Override
    public List<String> alterEnumType(AlterEnumType op) {
        throw notOnMariaDb("MariaDB has no named enum types", "give the column an enum('A','B') type with alterColumn");
    }

    @Override
    public List<String> dropEnumType(DropEnumType op) {
        throw notOnMariaDb("MariaDB has no named enum types", "give the column an enum('A','B') type with alterColumn");
    }

    @Override
    public List<String> setTableComment(SetTableComment op) {
        return List.of("alter table " + name(op.table()) + " comment = " + literal(op.to() == null ? "" : op.to()));
    }

    @Override
    public List<String> execute(Execute op) {
        return op.sql() == null ? List.of() : List.of(op.sql());
    }

    @Override
    public List<String> executeJava(ExecuteJava op) {
        return List.of();
    }

    /** A column's whole definition, as {@code create table} and {@code modify column} take it. */
    static String column(Column column) {
        StringBuilder sql = new StringBuilder(quote(column.name())).append(' ').append(column.type());
        if (column.generatedAs() != null) {
            sql.append(" as (").append(column.generatedAs()).append(column.virtual() ? ") virtual" : ") stored");
        } else {
            sql.append(column.nullable() ? " null" : " not null");
        }
        if (column.defaultValue() != null) {
            sql.append(" default ").append(column.defaultValue());
        }
        if (column.identity() != Identity.NONE) {
            sql.append(" auto_increment");
        }
        if (column.comment() != null) {
            sql.append(" comment ").append(literal(column.comment()));
        }
        return sql.toString();
    }

    private static String constraint(Constraint constraint) {
        String named = constraint.name() == null ? "" : "constraint " + quote(constraint.name()) + " ";
        if (constraint instanceof PrimaryKey key) {
            return "primary key (" + columns(key.columns()) + ")";
        } else if (constraint instanceof UniqueConstraint unique) {
            return named + "unique (" + columns(unique.columns()) + ")";
        } else if (constraint instanceof CheckConstraint check) {
            return named + "check (" + check.expression() + ")";
        }
        ForeignKey key = (ForeignKey) constraint;
        return named + "foreign key (" + columns(key.columns()) + ") references " + name(key.target()) + " ("
                + columns(key.targetColumns()) + ")" + action(" on delete ", key.onDelete())
                + action(" on update ", key.onUpdate());
    }

    /** A migration asks for what MariaDB does not have: refused before any of it runs. */
    private static AutogenException notOnMariaDb(String what, String fix) {
        return new AutogenException(ErrorCode.MIGRATION_INVALID, what, fix);
    }

    private static String action(String clause, ReferentialAction action) {
        return action == ReferentialAction.NO_ACTION ? "" : clause + action.sql();
    }

    private static String columns(List<String> names) {
        return names.stream().map(MariaDbNames::quote).collect(Collectors.joining(", "));
    }

    static String createIndex(QualifiedName table, Index index) {
        String keys = index.keys().stream()
                .map(k -> (k.expression() ? "(" + k.text() + ")" : quote(k.text())) + (k.descending() ? " desc" : ""))
                .collect(Collectors.joining(", "));
        return "create " + (index.unique() ? "unique " : "") + "index " + quote(index.name()) + " on " + name(table)
                + " (" + keys + ")";
    }
}
