package dev.autogen.internal.dialect.postgres;

import dev.autogen.internal.dialect.LockSafeForms;
import dev.autogen.internal.operations.AddCheckConstraint;
import dev.autogen.internal.operations.AddForeignKey;
import dev.autogen.internal.operations.AddNotNullNotValid;
import dev.autogen.internal.operations.AddUniqueConstraint;
import dev.autogen.internal.operations.AlterColumn;
import dev.autogen.internal.operations.CreateIndex;
import dev.autogen.internal.operations.DropConstraint;
import dev.autogen.internal.operations.DropIndex;
import dev.autogen.internal.operations.Operation;
import dev.autogen.internal.operations.ValidateConstraint;
import dev.autogen.internal.schema.CheckConstraint;
import dev.autogen.internal.schema.Column;
import dev.autogen.internal.schema.QualifiedName;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The forms of PostgreSQL DDL that let an application go on reading and writing a table that has rows:
 * indexes built and dropped concurrently, a unique constraint taking over an index built so, foreign keys
 * and checks added not valid and validated in a transaction of their own, and NOT NULL proven by such a
 * check first, so that {@code set not null} skips its scan (PostgreSQL 12 to 17), or, from 18, added as a
 * NOT NULL constraint not valid and validated so. A table the migration creates, or rewrites anyway, keeps the
 * plain forms.
 */
final class PostgresLockSafeForms {

    /** Whether NOT NULL can be added not valid (PostgreSQL 18 and later). */
    private final boolean notNullNotValid;

    PostgresLockSafeForms(boolean notNullNotValid) {
        this.notNullNotValid = notNullNotValid;
    }

    List<List<Operation>> of(List<Operation> operations) {
        return LockSafeForms.of(operations, this::lockSafe);
    }

    private List<Operation> lockSafe(Operation operation) {
        if (operation instanceof CreateIndex create) {
            return List.of(new CreateIndex(create.table(), create.index(), true));
        } else if (operation instanceof DropIndex drop) {
            return List.of(new DropIndex(drop.table(), drop.index(), true));
        } else if (operation instanceof AddUniqueConstraint unique) {
            return List.of(new AddUniqueConstraint(unique.table(), unique.constraint(), true));
        } else if (operation instanceof AddForeignKey key && !key.notValid()) {
            return List.of(
                    new AddForeignKey(key.table(), key.key(), true),
                    new ValidateConstraint(key.table(), key.key().name()));
        } else if (operation instanceof AddCheckConstraint check && !check.notValid()) {
            return List.of(
                    new AddCheckConstraint(check.table(), check.check(), true),
                    new ValidateConstraint(check.table(), check.check().name()));
        } else if (operation instanceof AlterColumn alter && provableNotNull(alter)) {
            return notNullNotValid ? notNullNotValid(alter) : notNullThroughCheck(alter);
        }
        return List.of(operation);
    }

    /**
     * A column that only becomes NOT NULL (its type and generation stay, and no default fills its nulls
     * first, which would be an update the check must wait for).
     */
    private static boolean provableNotNull(AlterColumn alter) {
        Column from = alter.from();
        Column to = alter.to();
        return from.nullable()
                && !to.nullable()
                && !alter.typeChanged()
                && alter.using() == null
                && !alter.fillsNulls()
                && Objects.equals(from.generatedAs(), to.generatedAs())
                && from.virtual() == to.virtual();
    }

    /**
     * The NOT NULL constraint added not valid, then validated: under the name the column's target gives it,
     * else the one PostgreSQL gives (the catalog is then the one a plain {@code set not null} leaves).
     */
    private static List<Operation> notNullNotValid(AlterColumn alter) {
        QualifiedName table = alter.table();
        Column to = alter.to();
        String constraint = to.notNullConstraint() != null
                ? to.notNullConstraint()
                : PostgresDiffRules.objectName(table.name(), to.name(), "not_null");
        Column stillNullable = to.withNullable(true);
        List<Operation> steps = new ArrayList<>();
        if (!alter.from().equals(stillNullable)) {
            steps.add(new AlterColumn(table, alter.from(), stillNullable, null));
        }
        steps.add(new AddNotNullNotValid(table, stillNullable, constraint));
        steps.add(new ValidateConstraint(table, constraint));
        return steps;
    }

    private static List<Operation> notNullThroughCheck(AlterColumn alter) {
        QualifiedName table = alter.table();
        Column to = alter.to();
        Column stillNullable = to.withNullable(true);
        CheckConstraint proof =
                new CheckConstraint(proofName(table, to.name()), PostgresNames.quote(to.name()) + " IS NOT NULL");
        List<Operation> steps = new ArrayList<>();
        if (!alter.from().equals(stillNullable)) {
            steps.add(new AlterColumn(table, alter.from(), stillNullable, null));
        }
        steps.add(new AddCheckConstraint(table, proof, true));
        steps.add(new ValidateConstraint(table, proof.name()));
        steps.add(new AlterColumn(table, stillNullable, to, null));
        steps.add(new DropConstraint(table, proof));
        return steps;
    }

    /** {@code <table>_<column>_not_null_proof}, within PostgreSQL's 63 bytes, the same for the same column. */
    static String proofName(QualifiedName table, String column) {
        String name = table.name() + "_" + column + AddCheckConstraint.PROOF_SUFFIX;
        if (name.getBytes(StandardCharsets.UTF_8).length <= PostgresNames.MAX_NAME_BYTES) {
            return name;
        }
        String hash = HexFormat.of().formatHex(sha256(table + "." + column)).substring(0, 8);
        return PostgresNames.clip(name, PostgresNames.MAX_NAME_BYTES - 9) + "_" + hash;
    }

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The form that runs inside a transaction: the concurrent builds and drops become plain ones. */
    static Operation inTransaction(Operation operation) {
        if (operation instanceof CreateIndex create && create.concurrently()) {
            return new CreateIndex(create.table(), create.index());
        } else if (operation instanceof DropIndex drop && drop.concurrently()) {
            return new DropIndex(drop.table(), drop.index());
        } else if (operation instanceof AddUniqueConstraint unique && unique.concurrently()) {
            return new AddUniqueConstraint(unique.table(), unique.constraint());
        }
        return operation;
    }
}
