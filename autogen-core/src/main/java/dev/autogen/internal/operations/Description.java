package dev.autogen.internal.operations;

import dev.autogen.internal.schema.Column;
import dev.autogen.internal.schema.Constraint;
import dev.autogen.internal.schema.ForeignKey;
import dev.autogen.internal.schema.PrimaryKey;
import dev.autogen.internal.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** One line per operation, for people: what {@code revision --autogenerate} and {@code check} print. */
public final class Description implements OperationVisitor<String> {

    private static final Description INSTANCE = new Description();

    private Description() {}

    public static String of(Operation operation) {
        return operation.accept(INSTANCE);
    }

    /** What changes between two definitions of a column, in a few words each. */
    public static List<String> changes(Column from, Column to) {
        List<String> changes = new ArrayList<>();
        if (!from.type().equals(to.type())) {
            changes.add("type " + from.type() + " -> " + to.type());
        }
        if (from.nullable() != to.nullable()) {
            changes.add(to.nullable() ? "nullable" : "not null");
        }
        if (!Objects.equals(from.defaultValue(), to.defaultValue())) {
            changes.add(to.defaultValue() == null ? "no default" : "default " + to.defaultValue());
        }
        if (from.identity() != to.identity()) {
            changes.add("identity "
                    + from.identity().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " -> "
                    + to.identity().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        }
        if (!Objects.equals(from.generatedAs(), to.generatedAs()) || from.virtual() != to.virtual()) {
            changes.add(
                    to.generatedAs() == null
                            ? "no longer generated"
                            : "generated as " + to.generatedAs() + (to.virtual() ? ", virtual" : ", stored"));
        }
        if (!Objects.equals(from.comment(), to.comment())) {
            changes.add(to.comment() == null ? "no comment" : "comment");
        }
        return changes;
    }

    @Override
    public String createSchema(CreateSchema op) {
        return "add schema " + op.name();
    }

    @Override
    public String dropSchema(DropSchema op) {
        return "drop schema " + op.name();
    }

    @Override
    public String createTable(CreateTable op) {
        return "add table " + op.table().name();
    }

    @Override
    public String dropTable(DropTable op) {
        return "drop table " + op.table().name();
    }

    @Override
    public String addColumn(AddColumn op) {
        return "add column " + op.table() + "." + op.column().name() + " "
                + op.column().type();
    }

    @Override
    public String dropColumn(DropColumn op) {
        return "drop column " + op.table() + "." + op.column().name();
    }

    @Override
    public String alterColumn(AlterColumn op) {
        return "alter column " + op.table() + "." + op.to().name() + ": "
                + String.join(", ", changes(op.from(), op.to()));
    }

    @Override
    public String addNotNullNotValid(AddNotNullNotValid op) {
        return "add not null " + op.constraint() + " to " + op.table() + "."
                + op.column().name() + " not valid";
    }

    @Override
    public String renameColumn(RenameColumn op) {
        return "rename column " + op.table() + "." + op.from() + " to " + op.to();
    }

    @Override
    public String renameConstraint(RenameConstraint op) {
        return "rename constraint " + op.from() + " on " + op.table() + " to " + op.to();
    }

    @Override
    public String renameIndex(RenameIndex op) {
        return "rename index " + op.from() + " on " + op.table() + " to " + op.to();
    }

    @Override
    public String renameTable(RenameTable op) {
        return "rename table " + op.table() + " to " + op.to();
    }

    @Override
    public String setTableSchema(SetTableSchema op) {
        return "move table " + op.table() + " to schema " + op.schema();
    }

    @Override
    public String addPrimaryKey(AddPrimaryKey op) {
        return "add primary key " + op.table() + " " + op.key().columns();
    }

    @Override
    public String addUniqueConstraint(AddUniqueConstraint op) {
        return "add unique constraint " + op.table() + " " + op.constraint().columns()
                + (op.concurrently() ? " through an index built concurrently" : "");
    }

    @Override
    public String addForeignKey(AddForeignKey op) {
        return "add foreign key " + op.table() + " " + op.key().columns() + " -> "
                + op.key().target() + (op.notValid() ? " not valid" : "");
    }

    @Override
    public String addCheckConstraint(AddCheckConstraint op) {
        return "add check constraint " + op.table() + " (" + op.check().expression() + ")"
                + (op.notValid() ? " not valid" : "");
    }

    @Override
    public String dropConstraint(DropConstraint op) {
        return "drop " + kind(op.constraint()) + " " + op.constraint().name() + " on " + op.table();
    }

    @Override
    public String validateConstraint(ValidateConstraint op) {
        return op.undone()
                ? "nothing to undo for the validation of " + op.name() + " on " + op.table()
                : "validate constraint " + op.name() + " on " + op.table();
    }

    @Override
    public String createIndex(CreateIndex op) {
        return "add index " + op.index().name() + " on " + op.table() + (op.concurrently() ? " concurrently" : "");
    }

    @Override
    public String dropIndex(DropIndex op) {
        return "drop index " + op.index().name() + " on " + op.table() + (op.concurrently() ? " concurrently" : "");
    }

    @Override
    public String createSequence(CreateSequence op) {
        return "add sequence " + op.sequence().name();
    }

    @Override
    public String alterSequence(AlterSequence op) {
        return "alter sequence " + op.to().name();
    }

    @Override
    public String dropSequence(DropSequence op) {
        return "drop sequence " + op.sequence().name();
    }

    @Override
    public String createEnumType(CreateEnumType op) {
        return "add enum type " + op.type().name() + " " + op.type().labels();
    }

    @Override
    public String alterEnumType(AlterEnumType op) {
        return "alter enum type " + op.to().name() + " " + op.from().labels() + " -> "
                + op.to().labels();
    }

    @Override
    public String dropEnumType(DropEnumType op) {
        return "drop enum type " + op.type().name();
    }

    @Override
    public String setTableComment(SetTableComment op) {
        return (op.to() == null ? "remove the comment on table " : "set the comment on table ") + op.table();
    }

    @Override
    public String execute(Execute op) {
        return op.sql() == null ? "execute nothing (SQL runs only on the way back)" : "execute " + op.sql();
    }

    @Override
    public String executeJava(ExecuteJava op) {
        return op.step() == null ? "run nothing (Java runs only on the way back)" : "run a Java data step";
    }

    private static String kind(Constraint constraint) {
        if (constraint instanceof PrimaryKey) {
            return "primary key";
        } else if (constraint instanceof UniqueConstraint) {
            return "unique constraint";
        } else if (constraint instanceof ForeignKey) {
            return "foreign key";
        }
        return "check constraint";
    }
}
