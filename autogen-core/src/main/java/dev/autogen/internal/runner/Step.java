package dev.autogen.internal.runner;

import dev.autogen.api.AutogenException;
import dev.autogen.api.Direction;
import dev.autogen.api.ErrorCode;
import dev.autogen.internal.dialect.Dialect;
import dev.autogen.internal.operations.AlterColumn;
import dev.autogen.internal.operations.CanonicalText;
import dev.autogen.internal.operations.Execute;
import dev.autogen.internal.operations.ExecuteJava;
import dev.autogen.internal.operations.HeldTables;
import dev.autogen.internal.operations.Operation;
import dev.autogen.internal.operations.Recorder;
import dev.autogen.internal.operations.RowsUnchanged;
import dev.autogen.internal.revision.RevisionNode;
import dev.autogen.migration.DataStep;
import dev.autogen.migration.Migration;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

/**
 * One revision applied or undone: its operations, the statements that carry them out in order, the proofs
 * that the rows accept what commits on its own, and the checksum of the revision's upgrade, recorded in the
 * history.
 */
record Step(
        RevisionNode revision,
        Direction direction,
        List<Operation> operations,
        List<Statement> statements,
        List<Proof> proofs,
        String checksum) {

    /** One thing a step runs: an SQL statement, or a Java data step, and the operation it carries out. */
    sealed interface Statement {
        /** What messages show of it. */
        String text();

        /** The index of its operation in {@link #operations}. */
        int operation();

        /** Whether it runs on its own, after what came before it is committed. */
        boolean alone();
    }

    record Sql(String text, int operation, boolean alone) implements Statement {}

    record Java(DataStep step, int operation) implements Statement {
        @Override
        public String text() {
            return "(Java data step)";
        }

        @Override
        public boolean alone() {
            return false;
        }
    }

    /**
     * A query over the rows that would refuse statement {@code statement}, which commits on its own: asked
     * in the migration's first transaction before anything else when {@code first} (nothing before it in the
     * migration changes the rows it reads), else just before the commit that precedes the statement.
     */
    record Proof(int statement, String query, boolean first) {}

    static Step of(RevisionNode revision, Direction direction, Dialect dialect, String defaultSchema) {
        return of(revision, direction, dialect, defaultSchema, false);
    }

    /** The step with every operation in a form that runs inside a transaction (no concurrent builds). */
    static Step inTransaction(RevisionNode revision, Direction direction, Dialect dialect, String defaultSchema) {
        return of(revision, direction, dialect, defaultSchema, true);
    }

    private static Step of(
            RevisionNode revision, Direction direction, Dialect dialect, String defaultSchema, boolean inTransaction) {
        List<Operation> upgrade = Recorder.upgrade(revision.migration(), defaultSchema);
        List<Operation> written = withReverseConversions(
                direction == Direction.UPGRADE ? upgrade : Recorder.downgrade(revision.migration(), defaultSchema),
                () -> direction == Direction.UPGRADE
                        ? Recorder.downgrade(revision.migration(), defaultSchema)
                        : upgrade);
        // Where the migration already holds a table for a rewrite, a lock-safe form buys nothing and would
        // only split the migration: it runs inside the transaction, all or nothing.
        HeldTables held = inTransaction ? HeldTables.NONE : HeldTables.of(written);
        List<Operation> operations = written.stream()
                .map(op -> inTransaction || held.holds(op) ? dialect.inTransaction(op) : op)
                .toList();
        List<Statement> statements = new ArrayList<>();
        List<Proof> proofs = new ArrayList<>();
        for (int index = 0; index < operations.size(); index++) {
            Operation operation = operations.get(index);
            if (operation instanceof ExecuteJava java) {
                if (java.step() != null) {
                    statements.add(new Java(java.step(), index));
                }
                continue;
            }
            boolean heldTable = held.holds(operation);
            boolean proven = false;
            for (String sql : dialect.render(operation)) {
                if (operation instanceof Execute && dialect.controlsTransaction(sql)) {
                    throw new AutogenException(
                            ErrorCode.MIGRATION_INVALID,
                            revision.origin() + " runs '" + Runner.shorten(sql)
                                    + "': a migration's transaction is autogen's to begin and end",
                            "remove it; a statement the database runs only outside a transaction (create index concurrently) is run so by autogen");
                }
                boolean alone = dialect.runsOutsideTransaction(sql) || (!heldTable && dialect.runsAlone(sql));
                if (alone && !proven) {
                    List<Operation> before = operations.subList(0, index);
                    int at = statements.size();
                    dialect.refusals(operation, before)
                            .ifPresent(query -> proofs.add(new Proof(
                                    at, query, RowsUnchanged.before(operation, before, dialect.typeChanges()))));
                    proven = true;
                }
                statements.add(new Sql(sql, index, alone));
            }
        }
        return new Step(
                revision,
                direction,
                operations,
                List.copyOf(statements),
                List.copyOf(proofs),
                checksum(revision.migration(), upgrade, defaultSchema));
    }

    /**
     * Each change of a column's type that converts its values, given the conversion back that the other
     * direction of the migration writes for it: undoing the change after a later statement failed must
     * map the values back, not leave the database to cast them (an enum's name back to a position).
     */
    private static List<Operation> withReverseConversions(List<Operation> written, Supplier<List<Operation>> opposite) {
        if (written.stream().noneMatch(op -> op instanceof AlterColumn alter && alter.lacksReverseConversion())) {
            return written;
        }
        List<Operation> other = opposite.get();
        return written.stream()
                .map(op -> op instanceof AlterColumn alter && alter.lacksReverseConversion()
                        ? alter.withReverseConversionFrom(other)
                        : op)
                .toList();
    }

    /**
     * Where a run takes up this migration when its mark says {@code at}: a statement that ran on its own may
     * have taken effect, so the run goes back to the first of its operation's statements that run on their
     * own, which can all run again (a build drops what an earlier try left first).
     */
    int resumeAt(int at) {
        if (at >= statements.size() || !statements.get(at).alone()) {
            return at;
        }
        int operation = statements.get(at).operation();
        while (at > 0
                && statements.get(at - 1).alone()
                && statements.get(at - 1).operation() == operation) {
            at--;
        }
        return at;
    }

    static String ways(Direction direction) {
        return "'autogen " + direction.word() + "' completes it, 'autogen "
                + opposite(direction).word() + "' undoes it";
    }

    /** The way that undoes a step that went {@code direction}. */
    static Direction opposite(Direction direction) {
        return direction == Direction.UPGRADE ? Direction.DOWNGRADE : Direction.UPGRADE;
    }

    /**
     * The SHA-256 of the upgrade's canonical text (see {@link CanonicalText} for what it covers), and, when
     * the upgrade runs Java, of the migration's compiled code ({@link CompiledCode}): the text ends with
     * {@code java_code sha256=<hex>}, the SHA-256 of that code's text, or {@code java_code unreadable}.
     */
    static String checksum(Migration migration, List<Operation> upgrade, String defaultSchema) {
        CanonicalText text = new CanonicalText(defaultSchema);
        List<String> lines = new ArrayList<>();
        upgrade.forEach(operation -> lines.add(text.of(operation)));
        if (upgrade.stream().anyMatch(ExecuteJava.class::isInstance)) {
            String code = CompiledCode.of(migration.getClass());
            lines.add(code == null ? "java_code unreadable" : "java_code sha256=" + sha256(List.of(code), false));
        }
        return sha256(lines, true);
    }

    private static String sha256(List<String> lines, boolean ended) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String line : lines) {
                sha.update(line.getBytes(StandardCharsets.UTF_8));
                if (ended) {
                    sha.update((byte) '\n');
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
