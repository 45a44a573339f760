package dev.autogen.internal.runner;

import dev.autogen.api.AutogenException;
import dev.autogen.api.Direction;
import dev.autogen.api.ErrorCode;
import dev.autogen.internal.dialect.Dialect;
import dev.autogen.internal.operations.CanonicalText;
import dev.autogen.internal.operations.Execute;
import dev.autogen.internal.operations.ExecuteJava;
import dev.autogen.internal.operations.Operation;
import dev.autogen.internal.operations.Recorder;
import dev.autogen.internal.revision.RevisionNode;
import dev.autogen.migration.DataStep;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * One revision applied or undone: its operations, the statements that carry them out in order, and the
 * checksum of the revision's upgrade, recorded in the history.
 */
record Step(
        RevisionNode revision,
        Direction direction,
        List<Operation> operations,
        List<Statement> statements,
        String checksum) {

    /** One thing a step runs: an SQL statement, or a Java data step. */
    sealed interface Statement {
        /** What messages show of it. */
        String text();
    }

    record Sql(String text) implements Statement {}

    record Java(DataStep step) implements Statement {
        @Override
        public String text() {
            return "(Java data step)";
        }
    }

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
        List<Operation> operations =
                direction == Direction.UPGRADE ? upgrade : Recorder.downgrade(revision.migration(), defaultSchema);
        if (inTransaction) {
            operations = operations.stream().map(dialect::inTransaction).toList();
        }
        List<Statement> statements = new ArrayList<>();
        for (Operation operation : operations) {
            if (operation instanceof ExecuteJava java) {
                if (java.step() != null) {
                    statements.add(new Java(java.step()));
                }
            } else {
                for (String sql : dialect.render(operation)) {
                    if (operation instanceof Execute && dialect.controlsTransaction(sql)) {
                        throw new AutogenException(
                                ErrorCode.MIGRATION_INVALID,
                                revision.origin() + " runs '" + Runner.shorten(sql)
                                        + "': a migration's transaction is autogen's to begin and end",
                                "remove it; a statement the database runs only outside a transaction (create index concurrently) is run so by autogen");
                    }
                    statements.add(new Sql(sql));
                }
            }
        }
        return new Step(revision, direction, operations, List.copyOf(statements), checksum(upgrade, defaultSchema));
    }

    /** The SHA-256 of the upgrade's canonical text: see {@link CanonicalText} for what it covers. */
    static String checksum(List<Operation> upgrade, String defaultSchema) {
        CanonicalText text = new CanonicalText(defaultSchema);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Operation operation : upgrade) {
                sha.update(text.of(operation).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
