package dev.autogen.api;

import dev.autogen.operations.AddCheckConstraint;
import dev.autogen.operations.AddColumn;
import dev.autogen.operations.AddForeignKey;
import dev.autogen.operations.AddPrimaryKey;
import dev.autogen.operations.AddUniqueConstraint;
import dev.autogen.operations.AlterColumn;
import dev.autogen.operations.AlterEnumType;
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
import dev.autogen.operations.RenameColumn;
import dev.autogen.operations.SetTableComment;
import dev.autogen.schema.Column;
import dev.autogen.schema.Constraint;
import dev.autogen.schema.ForeignKey;
import dev.autogen.schema.PrimaryKey;
import dev.autogen.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** One line per operation, for people: what {@code revision --autogenerate} and {@code check} print. */
public final class Changes {

    private Changes() {}

    public static String describe(Operation operation) {
        String line = line(operation);
        return operation.dataLoss().map(loss -> line + "  [data loss: " + loss + "]").orElse(line);
    }

    private static String line(Operation operation) {
        if (operation instanceof CreateSchema op) {
            return "add schema " + op.name();
        } else if (operation instanceof DropSchema op) {
            return "drop schema " + op.name();
        } else if (operation instanceof CreateTable op) {
            return "add table " + op.table().name();
        } else if (operation instanceof DropTable op) {
            return "drop table " + op.table().name();
        } else if (operation instanceof AddColumn op) {
            return "add column " + op.table() + "." + op.column().name() + " " + op.column().type();
        } else if (operation instanceof DropColumn op) {
            return "drop column " + op.table() + "." + op.column().name();
        } else if (operation instanceof AlterColumn op) {
            return "alter column " + op.table() + "." + op.to().name() + ": " + String.join(", ", alterations(op.from(), op.to()));
        } else if (operation instanceof RenameColumn op) {
            return "rename column " + op.table() + "." + op.from() + " to " + op.to() + " (a guess: check it)";
        } else if (operation instanceof AddPrimaryKey op) {
            return "add primary key " + op.table() + " " + op.key().columns();
        } else if (operation instanceof AddUniqueConstraint op) {
            return "add unique constraint " + op.table() + " " + op.constraint().columns();
        } else if (operation instanceof AddForeignKey op) {
            return "add foreign key " + op.table() + " " + op.key().columns() + " -> " + op.key().target();
        } else if (operation instanceof AddCheckConstraint op) {
            return "add check constraint " + op.table() + " (" + op.check().expression() + ")";
        } else if (operation instanceof DropConstraint op) {
            return "drop " + kind(op.constraint()) + " " + op.constraint().name() + " on " + op.table();
        } else if (operation instanceof CreateIndex op) {
            return "add index " + op.index().name() + " on " + op.table();
        } else if (operation instanceof DropIndex op) {
            return "drop index " + op.index().name() + " on " + op.table();
        } else if (operation instanceof CreateSequence op) {
            return "add sequence " + op.sequence().name();
        } else if (operation instanceof AlterSequence op) {
            return "alter sequence " + op.to().name();
        } else if (operation instanceof DropSequence op) {
            return "drop sequence " + op.sequence().name();
        } else if (operation instanceof CreateEnumType op) {
            return "add enum type " + op.type().name() + " " + op.type().labels();
        } else if (operation instanceof AlterEnumType op) {
            return "alter enum type " + op.to().name() + " " + op.from().labels() + " -> " + op.to().labels();
        } else if (operation instanceof DropEnumType op) {
            return "drop enum type " + op.type().name();
        } else if (operation instanceof SetTableComment op) {
            return "set comment on table " + op.table();
        } else if (operation instanceof Execute op) {
            return "execute " + op.sql();
        }
        throw new IllegalArgumentException(operation.toString());
    }

    private static List<String> alterations(Column from, Column to) {
        List<String> changes = new ArrayList<>();
        if (!from.type().equals(to.type())) {
            changes.add("type " + from.type() + " -> " + to.type());
        }
        if (from.nullable() != to.nullable()) {
            changes.add(to.nullable() ? "nullable" : "not null");
        }
        if (!Objects.equals(from.defaultValue(), to.defaultValue())) {
            changes.add("default " + from.defaultValue() + " -> " + to.defaultValue());
        }
        if (from.identity() != to.identity()) {
            changes.add("identity " + from.identity() + " -> " + to.identity());
        }
        if (!Objects.equals(from.comment(), to.comment())) {
            changes.add("comment");
        }
        if (!Objects.equals(from.generatedAs(), to.generatedAs())) {
            changes.add("generated expression");
        }
        return changes;
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
