package dev.autogen.internal.dialect.postgres;

import static dev.autogen.internal.dialect.postgres.PostgresSql.name;

import dev.autogen.internal.operations.AddCheckConstraint;
import dev.autogen.internal.operations.AddForeignKey;
import dev.autogen.internal.operations.AddNotNullNotValid;
import dev.autogen.internal.operations.AddUniqueConstraint;
import dev.autogen.internal.operations.CreateIndex;
import dev.autogen.internal.operations.DropIndex;
import dev.autogen.internal.operations.Execute;
import dev.autogen.internal.operations.Operation;
import dev.autogen.internal.operations.ValidateConstraint;
import dev.autogen.internal.schema.CheckConstraint;
import dev.autogen.internal.schema.ForeignKey;
import dev.autogen.internal.schema.IndexKey;
import dev.autogen.internal.schema.QualifiedName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the runner needs to keep a migration all or nothing around the statements that commit on their own:
 * the rows a concurrent build or a validation would refuse, asked before anything commits, and how to undo
 * such a statement when a killed run leaves it unknown whether it took effect.
 */
final class PostgresProofs {

    /** How many refused rows a message shows. */
    private static final int SAMPLES = 3;

    private PostgresProofs() {}

    static Optional<String> refusals(Operation operation, List<Operation> before) {
        if (operation instanceof CreateIndex create && create.index().unique()) {
            return Optional.of(duplicates(
                    create.table(),
                    create.index().keys().stream().map(PostgresProofs::key).toList(),
                    create.index().predicate()));
        } else if (operation instanceof AddUniqueConstraint unique) {
            return Optional.of(duplicates(
                    unique.table(),
                    unique.constraint().columns().stream()
                            .map(PostgresNames::quote)
                            .toList(),
                    null));
        } else if (operation instanceof ValidateConstraint validate) {
            return addedBy(validate, before).flatMap(PostgresProofs::violations);
        }
        return Optional.empty();
    }

    /** The addition, earlier in the migration, of the constraint a validation validates. */
    private static Optional<Operation> addedBy(ValidateConstraint validate, List<Operation> before) {
        for (int i = before.size() - 1; i >= 0; i--) {
            Operation op = before.get(i);
            if (op instanceof AddCheckConstraint check
                    && check.table().equals(validate.table())
                    && validate.name().equals(check.check().name())) {
                return Optional.of(op);
            } else if (op instanceof AddNotNullNotValid notNull
                    && notNull.table().equals(validate.table())
                    && validate.name().equals(notNull.constraint())) {
                return Optional.of(op);
            } else if (op instanceof AddForeignKey key
                    && key.table().equals(validate.table())
                    && validate.name().equals(key.key().name())) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> violations(Operation addition) {
        if (addition instanceof AddCheckConstraint add) {
            CheckConstraint check = add.check();
            // A check refuses a row only when it is false: null passes, as in the constraint itself.
            return Optional.of(
                    refused("select r from " + name(add.table()) + " as r where not (" + check.expression() + ")"));
        }
        if (addition instanceof AddNotNullNotValid notNull) {
            return Optional.of(refused("select r from " + name(notNull.table()) + " as r where "
                    + PostgresNames.quote(notNull.column().name()) + " is null"));
        }
        AddForeignKey add = (AddForeignKey) addition;
        ForeignKey key = add.key();
        List<String> here =
                key.columns().stream().map(c -> "r." + PostgresNames.quote(c)).toList();
        List<String> there = key.targetColumns().stream()
                .map(c -> "t." + PostgresNames.quote(c))
                .toList();
        List<String> match = new ArrayList<>();
        for (int i = 0; i < here.size(); i++) {
            match.add(there.get(i) + " = " + here.get(i));
        }
        // MATCH SIMPLE, PostgreSQL's default: a row with a null in the key refers to nothing.
        return Optional.of(refused("select r from " + name(add.table()) + " as r where "
                + here.stream().map(c -> c + " is not null").collect(Collectors.joining(" and "))
                + " and not exists (select 1 from " + name(key.target()) + " as t where "
                + String.join(" and ", match) + ")"));
    }

    /** Key values held by more than one row: nulls are distinct, as a unique index has them by default. */
    private static String duplicates(QualifiedName table, List<String> keys, String predicate) {
        String notNull = keys.stream().map(k -> "(" + k + ") is not null").collect(Collectors.joining(" and "));
        String where = predicate == null ? notNull : notNull + " and (" + predicate + ")";
        String tuple = keys.size() == 1 ? keys.get(0) : "row(" + String.join(", ", keys) + ")";
        return refused("select " + tuple + " as r from " + name(table) + " where " + where + " group by "
                + String.join(", ", keys) + " having count(*) > 1");
    }

    private static String key(IndexKey key) {
        return key.expression() ? key.text() : PostgresNames.quote(key.text());
    }

    /** How many rows {@code rows} (one column, {@code r}) yields, and a few of them as text. */
    private static String refused(String rows) {
        return "select count(*) over () as refused, left(r::text, 200) as sample from (" + rows + ") as refused_rows"
                + " limit " + SAMPLES;
    }

    /** A {@code do} block that raises, naming the rows, when {@code refusals} returns any. */
    static String guard(String refusals, String what, String then) {
        String body = "declare refused bigint; samples text; begin"
                + " select max(q.refused), string_agg(q.sample, ', ') into refused, samples from (" + refusals
                + ") as q; if refused > 0 then raise exception '%', " + PostgresNames.literal("autogen: " + what)
                + " || ' would fail on ' || refused || ' row(s), such as ' || samples"
                + " || '; ' || " + PostgresNames.literal(then) + ";"
                + " end if; end";
        return "do " + Dollars.quote(body);
    }

    /**
     * Statements that undo {@code operation} in a transaction whether or not it took effect; empty when it
     * changes nothing that needs undoing, absent when that cannot be known.
     */
    static Optional<List<String>> undoUncertain(Operation operation) {
        if (operation instanceof CreateIndex create) {
            return Optional.of(
                    List.of(dropIfExists(create.table(), create.index().name())));
        } else if (operation instanceof AddUniqueConstraint unique) {
            return Optional.of(List.of(
                    "alter table " + name(unique.table()) + " drop constraint if exists "
                            + PostgresNames.quote(unique.constraint().name()),
                    dropIfExists(unique.table(), unique.constraint().name())));
        } else if (operation instanceof DropIndex drop) {
            return Optional.of(List.of(PostgresSql.createIndex(drop.table(), drop.index(), " if not exists")));
        } else if (operation instanceof ValidateConstraint) {
            return Optional.of(List.of());
        } else if (operation instanceof Execute execute) {
            // The author's way back, as a downgrade would run it: it may fail if the statement never ran.
            return Optional.of(execute.reverseSql() == null ? List.of() : List.of(execute.reverseSql()));
        }
        return Optional.empty();
    }

    private static String dropIfExists(QualifiedName table, String index) {
        return "drop index if exists " + name(new QualifiedName(table.schema(), index));
    }
}
