package dev.autogen.internal.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The Java call that rebuilds each operation through {@link dev.autogen.migration.Operations}, written with
 * the static builders of {@link dev.autogen.migration.Definitions}. Names in the default schema are written
 * without it.
 */
final class JavaCalls implements OperationVisitor<CodeBlock> {

    private static final ClassName IDENTITY = ClassName.get("dev.autogen.migration", "Identity");
    private static final ClassName REFERENTIAL_ACTION = ClassName.get("dev.autogen.migration", "ReferentialAction");

    /**
     * Longer string constants are written as parts joined at run time: a class file holds at most 65,535
     * bytes per constant, and {@code javac} folds {@code "a" + "b"} into one.
     */
    private static final int MAX_CONSTANT_BYTES = 16_000;

    private final String defaultSchema;

    JavaCalls(String defaultSchema) {
        this.defaultSchema = defaultSchema;
    }

    @Override
    public CodeBlock createSchema(CreateSchema op) {
        return CodeBlock.of("op.createSchema($L)", string(op.name()));
    }

    @Override
    public CodeBlock dropSchema(DropSchema op) {
        return CodeBlock.of("op.dropSchema($L)", string(op.name()));
    }

    @Override
    public CodeBlock createTable(CreateTable op) {
        return CodeBlock.of("op.createTable($L)", table(op.table()));
    }

    @Override
    public CodeBlock dropTable(DropTable op) {
        return CodeBlock.of("op.dropTable($L)", table(op.table()));
    }

    @Override
    public CodeBlock addColumn(AddColumn op) {
        return CodeBlock.of(
                "op.addColumn$L($L, $L)", op.instantly() ? "Instantly" : "", name(op.table()), column(op.column()));
    }

    @Override
    public CodeBlock dropColumn(DropColumn op) {
        return CodeBlock.of(
                "op.dropColumn$L($L, $L)", op.instantly() ? "Instantly" : "", name(op.table()), column(op.column()));
    }

    @Override
    public CodeBlock alterColumn(AlterColumn op) {
        if (op.using() != null) {
            return CodeBlock.of(
                    "op.alterColumn($L,\n$>$>$L,\n$L,\n$L)$<$<",
                    name(op.table()),
                    column(op.from()),
                    column(op.to()),
                    op.conversionToWrite() ? CodeBlock.of("conversionToWrite()") : string(op.using()));
        }
        return CodeBlock.of(
                "op.alterColumn($L,\n$>$>$L,\n$L)$<$<", name(op.table()), column(op.from()), column(op.to()));
    }

    @Override
    public CodeBlock renameColumn(RenameColumn op) {
        return CodeBlock.of("op.renameColumn($L, $L, $L)", name(op.table()), string(op.from()), string(op.to()));
    }

    @Override
    public CodeBlock renameConstraint(RenameConstraint op) {
        return CodeBlock.of("op.renameConstraint($L, $L, $L)", name(op.table()), string(op.from()), string(op.to()));
    }

    @Override
    public CodeBlock renameIndex(RenameIndex op) {
        return CodeBlock.of("op.renameIndex($L, $L, $L)", name(op.table()), string(op.from()), string(op.to()));
    }

    @Override
    public CodeBlock renameTable(RenameTable op) {
        return CodeBlock.of("op.renameTable($L, $L)", name(op.table()), string(op.to()));
    }

    @Override
    public CodeBlock setTableSchema(SetTableSchema op) {
        return CodeBlock.of("op.setTableSchema($L, $L)", name(op.table()), string(op.schema()));
    }

    @Override
    public CodeBlock addPrimaryKey(AddPrimaryKey op) {
        return CodeBlock.of("op.addPrimaryKey($L, $L)", name(op.table()), constraint(op.key()));
    }

    @Override
    public CodeBlock addUniqueConstraint(AddUniqueConstraint op) {
        return CodeBlock.of(
                "op.addUniqueConstraint$L($L, $L)",
                op.concurrently() ? "Concurrently" : "",
                name(op.table()),
                constraint(op.constraint()));
    }

    @Override
    public CodeBlock addForeignKey(AddForeignKey op) {
        return CodeBlock.of(
                "op.addForeignKey$L($L,\n$>$>$L)$<$<",
                op.notValid() ? "NotValid" : "",
                name(op.table()),
                constraint(op.key()));
    }

    @Override
    public CodeBlock addCheckConstraint(AddCheckConstraint op) {
        return CodeBlock.of(
                "op.addCheckConstraint$L($L, $L)",
                op.notValid() ? "NotValid" : "",
                name(op.table()),
                constraint(op.check()));
    }

    @Override
    public CodeBlock addNotNullNotValid(AddNotNullNotValid op) {
        return CodeBlock.of(
                "op.addNotNullNotValid($L, $L, $L)", name(op.table()), column(op.column()), string(op.constraint()));
    }

    @Override
    public CodeBlock validateConstraint(ValidateConstraint op) {
        if (op.undone()) {
            throw new IllegalArgumentException("the undoing of a validation runs nothing and has no call");
        }
        return CodeBlock.of("op.validateConstraint($L, $L)", name(op.table()), string(op.name()));
    }

    @Override
    public CodeBlock dropConstraint(DropConstraint op) {
        String wrap = op.constraint() instanceof ForeignKey ? ",\n$>$>$L)$<$<" : ", $L)";
        return CodeBlock.of("op.dropConstraint($L" + wrap, name(op.table()), constraint(op.constraint()));
    }

    @Override
    public CodeBlock createIndex(CreateIndex op) {
        return CodeBlock.of(
                "op.createIndex$L($L, $L)",
                op.concurrently() ? "Concurrently" : "",
                name(op.table()),
                index(op.index()));
    }

    @Override
    public CodeBlock dropIndex(DropIndex op) {
        return CodeBlock.of(
                "op.dropIndex$L($L, $L)", op.concurrently() ? "Concurrently" : "", name(op.table()), index(op.index()));
    }

    @Override
    public CodeBlock createSequence(CreateSequence op) {
        return CodeBlock.of(
                "op.createSequence($L$>$>$L)$<$<", sequence(op.sequence()), columnArguments(op.pastValuesOf()));
    }

    @Override
    public CodeBlock alterSequence(AlterSequence op) {
        return CodeBlock.of("op.alterSequence(\n$>$>$L,\n$L)$<$<", sequence(op.from()), sequence(op.to()));
    }

    @Override
    public CodeBlock dropSequence(DropSequence op) {
        return CodeBlock.of(
                "op.dropSequence($L$>$>$L)$<$<", sequence(op.sequence()), columnArguments(op.pastValuesOf()));
    }

    @Override
    public CodeBlock createEnumType(CreateEnumType op) {
        return CodeBlock.of("op.createEnumType($L)", enumType(op.type()));
    }

    @Override
    public CodeBlock alterEnumType(AlterEnumType op) {
        return CodeBlock.builder()
                .add("op.alterEnumType(\n$>$>$L,\n$L", enumType(op.from()), enumType(op.to()))
                .add(columnArguments(op.columns()))
                .add(")$<$<")
                .build();
    }

    /** Further arguments naming columns, each on its own line. */
    private CodeBlock columnArguments(List<ColumnRef> columns) {
        CodeBlock.Builder arguments = CodeBlock.builder();
        for (ColumnRef column : columns) {
            arguments.add(",\ncolumnOf($L, $L)", name(column.table()), string(column.column()));
            if (column.defaultValue() != null) {
                arguments.add(".withDefault($L)", string(column.defaultValue()));
            }
        }
        return arguments.build();
    }

    @Override
    public CodeBlock dropEnumType(DropEnumType op) {
        return CodeBlock.of("op.dropEnumType($L)", enumType(op.type()));
    }

    @Override
    public CodeBlock setTableComment(SetTableComment op) {
        return CodeBlock.of("op.setTableComment($L, $L, $L)", name(op.table()), string(op.from()), string(op.to()));
    }

    @Override
    public CodeBlock execute(Execute op) {
        return CodeBlock.of("op.execute($L, $L)", string(op.sql()), string(op.reverseSql()));
    }

    @Override
    public CodeBlock executeJava(ExecuteJava op) {
        throw new IllegalArgumentException("a Java data step is written by hand; autogenerate never makes one");
    }

    // ---------------------------------------------------------------- the builders' arguments

    private CodeBlock name(QualifiedName name) {
        return name.schema().equals(defaultSchema)
                ? CodeBlock.of("name($L)", string(name.name()))
                : CodeBlock.of("name($L, $L)", string(name.schema()), string(name.name()));
    }

    private CodeBlock table(Table table) {
        CodeBlock.Builder code = CodeBlock.builder().add("table($L)$>$>", name(table.name()));
        table.columns().forEach(c -> code.add("\n.column($L)", column(c)));
        if (table.primaryKey() != null) {
            code.add(
                    "\n.primaryKey($L)",
                    nameAndColumns(table.primaryKey().name(), table.primaryKey().columns()));
        }
        table.uniqueConstraints().forEach(u -> code.add("\n.unique($L)", nameAndColumns(u.name(), u.columns())));
        table.checks().forEach(c -> code.add("\n.check($L, $L)", string(c.name()), string(c.expression())));
        table.foreignKeys().forEach(k -> code.add("\n.foreignKey($L)", constraint(k)));
        table.indexes().forEach(i -> code.add("\n.index($L)", index(i)));
        if (table.comment() != null) {
            code.add("\n.comment($L)", string(table.comment()));
        }
        return code.add("$<$<").build();
    }

    private CodeBlock column(Column column) {
        CodeBlock.Builder code =
                CodeBlock.builder().add("column($L, $L)", string(column.name()), string(column.type()));
        if (column.notNullConstraint() != null) {
            code.add(".notNullConstraint($L)", string(column.notNullConstraint()));
        } else if (!column.nullable()) {
            code.add(".notNull()");
        }
        if (column.defaultValue() != null) {
            code.add(".defaultValue($L)", string(column.defaultValue()));
        }
        if (column.identity() != Identity.NONE) {
            code.add(".identity($T.$L)", IDENTITY, column.identity().name());
        }
        if (column.generatedAs() != null) {
            code.add(column.virtual() ? ".generatedVirtualAs($L)" : ".generatedAs($L)", string(column.generatedAs()));
        }
        if (column.comment() != null) {
            code.add(".comment($L)", string(column.comment()));
        }
        return code.build();
    }

    private CodeBlock constraint(Constraint constraint) {
        if (constraint instanceof PrimaryKey key) {
            return CodeBlock.of("primaryKey($L)", nameAndColumns(key.name(), key.columns()));
        } else if (constraint instanceof UniqueConstraint unique) {
            return CodeBlock.of("unique($L)", nameAndColumns(unique.name(), unique.columns()));
        } else if (constraint instanceof CheckConstraint check) {
            return CodeBlock.of("check($L, $L)", string(check.name()), string(check.expression()));
        }
        ForeignKey key = (ForeignKey) constraint;
        CodeBlock.Builder code = CodeBlock.builder()
                .add("foreignKey($L)", nameAndColumns(key.name(), key.columns()))
                .add(".references($L, $L)", name(key.target()), strings(key.targetColumns()));
        if (key.onDelete() != ReferentialAction.NO_ACTION) {
            code.add(".onDelete($T.$L)", REFERENTIAL_ACTION, key.onDelete().name());
        }
        if (key.onUpdate() != ReferentialAction.NO_ACTION) {
            code.add(".onUpdate($T.$L)", REFERENTIAL_ACTION, key.onUpdate().name());
        }
        if (key.deferrable()) {
            code.add(".deferrable()");
        }
        if (key.initiallyDeferred()) {
            code.add(".initiallyDeferred()");
        }
        return code.build();
    }

    private CodeBlock index(Index index) {
        CodeBlock.Builder code = CodeBlock.builder().add("index($L)", string(index.name()));
        for (IndexKey key : index.keys()) {
            String method = (key.expression() ? "expression" : "column") + (key.descending() ? "Descending" : "");
            code.add(".$L($L)", method, string(key.text()));
        }
        if (index.unique()) {
            code.add(".unique()");
        }
        if (!index.method().equals(Index.DEFAULT_METHOD)) {
            code.add(".using($L)", string(index.method()));
        }
        if (index.predicate() != null) {
            code.add(".where($L)", string(index.predicate()));
        }
        return code.build();
    }

    /** Only what differs from PostgreSQL's defaults is spelt out. */
    private CodeBlock sequence(Sequence sequence) {
        CodeBlock.Builder code = CodeBlock.builder().add("sequence($L)", name(sequence.name()));
        Sequence defaults = Sequence.withDefaults(sequence.name(), sequence.start(), sequence.increment());
        if (sequence.start() != 1) {
            code.add(".startWith($L)", sequence.start());
        }
        if (sequence.increment() != 1) {
            code.add(".incrementBy($L)", sequence.increment());
        }
        if (!sequence.dataType().equals(defaults.dataType())) {
            code.add(".dataType($L)", string(sequence.dataType()));
        }
        if (sequence.min() != defaults.min()) {
            code.add(".minValue($LL)", sequence.min());
        }
        if (sequence.max() != defaults.max()) {
            code.add(".maxValue($LL)", sequence.max());
        }
        if (sequence.cache() != defaults.cache()) {
            code.add(".cache($L)", sequence.cache());
        }
        if (sequence.cycle()) {
            code.add(".cycle()");
        }
        return code.build();
    }

    private CodeBlock enumType(EnumType type) {
        CodeBlock call = CodeBlock.of("enumType($L, $L)", name(type.name()), strings(type.labels()));
        return type.varcharCasts() ? CodeBlock.of("$L.withVarcharCasts()", call) : call;
    }

    private CodeBlock nameAndColumns(String name, List<String> columns) {
        return CodeBlock.of("$L, $L", string(name), strings(columns));
    }

    private CodeBlock strings(List<String> values) {
        return values.stream().map(JavaCalls::string).collect(CodeBlock.joining(", "));
    }

    /**
     * A string literal, escaped by JavaPoet so that no text can end it; one too long for a class file's
     * constant pool is joined from parts when the migration runs.
     */
    static CodeBlock string(String value) {
        if (value == null || value.getBytes(StandardCharsets.UTF_8).length <= MAX_CONSTANT_BYTES) {
            return value == null ? CodeBlock.of("null") : CodeBlock.of("$L", JavaLiteral.of(value));
        }
        List<CodeBlock> parts = new ArrayList<>();
        int start = 0;
        while (start < value.length()) {
            int end = Math.min(value.length(), start + MAX_CONSTANT_BYTES / 4);
            if (end < value.length() && Character.isHighSurrogate(value.charAt(end - 1))) {
                end--;
            }
            parts.add(CodeBlock.of("$L", JavaLiteral.of(value.substring(start, end))));
            start = end;
        }
        return CodeBlock.of("String.join(\"\",\n$>$>$L)$<$<", CodeBlock.join(parts, ",\n"));
    }
}
