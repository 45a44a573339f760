package dev.autogen.internal.operations;

import dev.autogen.internal.schema.CheckConstraint;
import dev.autogen.internal.schema.Column;
import dev.autogen.internal.schema.Constraint;
import dev.autogen.internal.schema.EnumType;
import dev.autogen.internal.schema.ForeignKey;
import dev.autogen.internal.schema.Index;
import dev.autogen.internal.schema.IndexKey;
import dev.autogen.internal.schema.PrimaryKey;
import dev.autogen.internal.schema.QualifiedName;
import dev.autogen.internal.schema.Sequence;
import dev.autogen.internal.schema.Table;
import dev.autogen.internal.schema.UniqueConstraint;
import dev.autogen.migration.DataStep;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The canonical text of an operation, over which the checksum recorded for an applied migration is
 * computed. Its format is fixed, whatever the records look like, so that a refactoring of autogen never
 * makes a user's history look edited:
 *
 * <ul>
 *   <li>one line per operation: a verb, then {@code key=value} pairs in the order given below;
 *   <li>a value is a string in double quotes (a backslash or a double quote in it preceded by a
 *       backslash, a character below U+0020 written as a backslash, {@code u} and four hex digits),
 *       {@code null}, {@code true} or {@code false}, an integer, a list {@code [a,b]}, or a group
 *       {@code {key=value ...}};
 *   <li>a name in the default schema is written without it ({@code "owner"}), any other as
 *       {@code "schema"."name"}, so that the default schema setting does not change a checksum;
 *   <li>a column is {@code {name type nullable default identity generated comment}}; a table
 *       {@code {name columns primary_key uniques checks comment}}; constraints and indexes list their
 *       parts in the order they are declared;
 *   <li>a part that is absent from older texts is written only when present ({@code using} of
 *       {@code alter_column}, {@code varchar_casts} of an enum type);
 *   <li>a Java data step is {@code java step=<present> reverse=<present> sql=... reverse_sql=...}; what its
 *       code does is covered by a last line the runner adds for a migration with Java steps
 *       ({@code java_code sha256=...}, over its compiled code without debug information).
 * </ul>
 *
 * The checksum is the SHA-256 of the lines, each ended by {@code \n}, in the order the upgrade makes them.
 */
public final class CanonicalText implements OperationVisitor<String> {

    private final String defaultSchema;

    public CanonicalText(String defaultSchema) {
        this.defaultSchema = defaultSchema;
    }

    public String of(Operation operation) {
        return operation.accept(this);
    }

    @Override
    public String createSchema(CreateSchema op) {
        return "create_schema name=" + string(op.name());
    }

    @Override
    public String dropSchema(DropSchema op) {
        return "drop_schema name=" + string(op.name());
    }

    @Override
    public String createTable(CreateTable op) {
        return "create_table table=" + table(op.table());
    }

    @Override
    public String dropTable(DropTable op) {
        return "drop_table table=" + table(op.table());
    }

    @Override
    public String addColumn(AddColumn op) {
        // Named only when set: every checksum written before the flag stays.
        return "add_column table=" + name(op.table()) + " column=" + column(op.column())
                + (op.instantly() ? " instantly=true" : "");
    }

    @Override
    public String dropColumn(DropColumn op) {
        return "drop_column table=" + name(op.table()) + " column=" + column(op.column())
                + (op.instantly() ? " instantly=true" : "");
    }

    @Override
    public String alterColumn(AlterColumn op) {
        String text =
                "alter_column table=" + name(op.table()) + " from=" + column(op.from()) + " to=" + column(op.to());
        return op.using() == null ? text : text + " using=" + string(op.using());
    }

    @Override
    public String renameColumn(RenameColumn op) {
        return "rename_column table=" + name(op.table()) + " from=" + string(op.from()) + " to=" + string(op.to());
    }

    @Override
    public String renameConstraint(RenameConstraint op) {
        return "rename_constraint table=" + name(op.table()) + " from=" + string(op.from()) + " to=" + string(op.to());
    }

    @Override
    public String renameIndex(RenameIndex op) {
        return "rename_index table=" + name(op.table()) + " from=" + string(op.from()) + " to=" + string(op.to());
    }

    @Override
    public String renameTable(RenameTable op) {
        return "rename_table table=" + name(op.table()) + " to=" + string(op.to());
    }

    @Override
    public String setTableSchema(SetTableSchema op) {
        return "set_table_schema table=" + name(op.table()) + " schema=" + string(op.schema());
    }

    @Override
    public String addPrimaryKey(AddPrimaryKey op) {
        return "add_constraint table=" + name(op.table()) + " constraint=" + constraint(op.key());
    }

    @Override
    public String addUniqueConstraint(AddUniqueConstraint op) {
        return "add_constraint table=" + name(op.table()) + " constraint=" + constraint(op.constraint())
                + (op.concurrently() ? " concurrently" : "");
    }

    @Override
    public String addForeignKey(AddForeignKey op) {
        return "add_constraint table=" + name(op.table()) + " constraint=" + constraint(op.key())
                + (op.notValid() ? " not_valid" : "");
    }

    @Override
    public String addCheckConstraint(AddCheckConstraint op) {
        return "add_constraint table=" + name(op.table()) + " constraint=" + constraint(op.check())
                + (op.notValid() ? " not_valid" : "");
    }

    @Override
    public String dropConstraint(DropConstraint op) {
        return "drop_constraint table=" + name(op.table()) + " constraint=" + constraint(op.constraint());
    }

    @Override
    public String addNotNullNotValid(AddNotNullNotValid op) {
        return "add_not_null_not_valid table=" + name(op.table()) + " column=" + column(op.column()) + " name="
                + string(op.constraint());
    }

    @Override
    public String validateConstraint(ValidateConstraint op) {
        return "validate_constraint table=" + name(op.table()) + " name=" + string(op.name())
                + (op.undone() ? " undone" : "");
    }

    @Override
    public String createIndex(CreateIndex op) {
        return "create_index table=" + name(op.table()) + " index=" + index(op.index())
                + (op.concurrently() ? " concurrently" : "");
    }

    @Override
    public String dropIndex(DropIndex op) {
        return "drop_index table=" + name(op.table()) + " index=" + index(op.index())
                + (op.concurrently() ? " concurrently" : "");
    }

    @Override
    public String createSequence(CreateSequence op) {
        return "create_sequence sequence=" + sequence(op.sequence()) + pastValuesOf(op.pastValuesOf());
    }

    @Override
    public String alterSequence(AlterSequence op) {
        return "alter_sequence from=" + sequence(op.from()) + " to=" + sequence(op.to());
    }

    @Override
    public String dropSequence(DropSequence op) {
        return "drop_sequence sequence=" + sequence(op.sequence()) + pastValuesOf(op.pastValuesOf());
    }

    @Override
    public String createEnumType(CreateEnumType op) {
        return "create_enum_type type=" + enumType(op.type());
    }

    @Override
    public String alterEnumType(AlterEnumType op) {
        return "alter_enum_type from=" + enumType(op.from()) + " to=" + enumType(op.to()) + " columns="
                + columns(op.columns());
    }

    /** Written only when there are some, so that the text of a sequence without them stays as it was. */
    private String pastValuesOf(List<ColumnRef> columns) {
        return columns.isEmpty() ? "" : " past_values_of=" + columns(columns);
    }

    private String columns(List<ColumnRef> columns) {
        return columns.stream()
                .map(c -> "{table=" + name(c.table()) + " column=" + string(c.column())
                        + (c.defaultValue() == null ? "" : " default=" + string(c.defaultValue())) + "}")
                .collect(Collectors.joining(",", "[", "]"));
    }

    @Override
    public String dropEnumType(DropEnumType op) {
        return "drop_enum_type type=" + enumType(op.type());
    }

    @Override
    public String setTableComment(SetTableComment op) {
        return "set_table_comment table=" + name(op.table()) + " from=" + string(op.from()) + " to=" + string(op.to());
    }

    @Override
    public String execute(Execute op) {
        return "execute sql=" + string(op.sql()) + " reverse_sql=" + string(op.reverseSql());
    }

    @Override
    public String executeJava(ExecuteJava op) {
        return "java step=" + (op.step() != null) + " reverse=" + (op.reverseStep() != null) + " sql="
                + string(offlineSql(op.step())) + " reverse_sql=" + string(offlineSql(op.reverseStep()));
    }

    private static String offlineSql(DataStep step) {
        return step == null ? null : step.offlineSql();
    }

    // ---------------------------------------------------------------- values

    private String name(QualifiedName name) {
        return name.schema().equals(defaultSchema)
                ? string(name.name())
                : string(name.schema()) + "." + string(name.name());
    }

    private String table(Table table) {
        return "{name=" + name(table.name())
                + " columns=" + list(table.columns().stream().map(this::column).toList())
                + " primary_key=" + (table.primaryKey() == null ? "null" : constraint(table.primaryKey()))
                + " uniques="
                + list(table.uniqueConstraints().stream().map(this::constraint).toList())
                + " checks="
                + list(table.checks().stream().map(this::constraint).toList())
                // Written only when there are some, so that the text of a table without them stays as it was.
                + (table.foreignKeys().isEmpty()
                        ? ""
                        : " foreign_keys="
                                + list(table.foreignKeys().stream()
                                        .map(this::constraint)
                                        .toList()))
                + (table.indexes().isEmpty()
                        ? ""
                        : " indexes="
                                + list(table.indexes().stream().map(this::index).toList()))
                + " comment=" + string(table.comment()) + "}";
    }

    private String column(Column column) {
        return "{name=" + string(column.name()) + " type=" + string(column.type()) + " nullable=" + column.nullable()
                + " default=" + string(column.defaultValue()) + " identity="
                + string(lower(column.identity().name()))
                + " generated=" + string(column.generatedAs()) + (column.virtual() ? " virtual=true" : "")
                + (column.notNullConstraint() == null
                        ? ""
                        : " not_null_constraint=" + string(column.notNullConstraint()))
                + " comment=" + string(column.comment()) + "}";
    }

    private String constraint(Constraint constraint) {
        if (constraint instanceof PrimaryKey key) {
            return "{kind=\"primary_key\" name=" + string(key.name()) + " columns=" + strings(key.columns()) + "}";
        } else if (constraint instanceof UniqueConstraint unique) {
            return "{kind=\"unique\" name=" + string(unique.name()) + " columns=" + strings(unique.columns()) + "}";
        } else if (constraint instanceof CheckConstraint check) {
            return "{kind=\"check\" name=" + string(check.name()) + " expression=" + string(check.expression()) + "}";
        }
        ForeignKey key = (ForeignKey) constraint;
        return "{kind=\"foreign_key\" name=" + string(key.name()) + " columns=" + strings(key.columns())
                + " target=" + name(key.target()) + " target_columns=" + strings(key.targetColumns())
                + " on_delete=" + string(lower(key.onDelete().name())) + " on_update="
                + string(lower(key.onUpdate().name()))
                + " deferrable=" + key.deferrable() + " initially_deferred=" + key.initiallyDeferred() + "}";
    }

    private String index(Index index) {
        List<String> keys = index.keys().stream().map(CanonicalText::key).toList();
        return "{name=" + string(index.name()) + " unique=" + index.unique() + " keys=" + list(keys) + " method="
                + string(index.method()) + " where=" + string(index.predicate()) + "}";
    }

    private static String key(IndexKey key) {
        return "{text=" + string(key.text()) + " expression=" + key.expression() + " descending=" + key.descending()
                + "}";
    }

    private String sequence(Sequence s) {
        return "{name=" + name(s.name()) + " type=" + string(s.dataType()) + " start=" + s.start() + " increment="
                + s.increment() + " min=" + s.min() + " max=" + s.max() + " cache=" + s.cache() + " cycle=" + s.cycle()
                + "}";
    }

    private String enumType(EnumType type) {
        return "{name=" + name(type.name()) + " labels=" + strings(type.labels())
                + (type.varcharCasts() ? " varchar_casts=true" : "") + "}";
    }

    private static String strings(List<String> values) {
        return list(values.stream().map(CanonicalText::string).toList());
    }

    private static String list(List<String> values) {
        return "[" + String.join(",", values) + "]";
    }

    private static String lower(String constant) {
        return constant.toLowerCase(Locale.ROOT);
    }

    static String string(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '\\' || c == '"') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
