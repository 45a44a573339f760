package dev.autogen.runner;

import dev.autogen.dialect.Dialect;
import dev.autogen.migration.RecordingOperations;
import dev.autogen.operations.Operation;
import dev.autogen.revision.RevisionNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One revision applied or undone: its operations, their SQL, and the checksum recorded in the history.
 */
record Step(RevisionNode revision, Direction direction, List<Operation> operations, List<String> statements, String checksum) {

    /** Statements PostgreSQL refuses to run inside a transaction block. */
    private static final Pattern OUTSIDE_TRANSACTION = Pattern.compile(
            "(?is)\\s*(create\\s+(unique\\s+)?index\\s+concurrently|drop\\s+index\\s+concurrently|reindex\\b.*\\bconcurrently"
                    + "|vacuum\\b|create\\s+database|drop\\s+database|alter\\s+system).*");

    static Step of(RevisionNode revision, Direction direction, Dialect dialect) {
        List<Operation> operations = direction == Direction.UPGRADE
                ? RecordingOperations.upgrade(revision.migration())
                : RecordingOperations.downgrade(revision.migration());
        List<String> statements = operations.stream().flatMap(o -> dialect.render(o).stream()).toList();
        return new Step(revision, direction, operations, statements, checksum(operations));
    }

    /** Statements whose rows pgjdbc will not take in a batch; they run on their own. */
    private static final Pattern RETURNS_ROWS = Pattern.compile("(?is)\\s*\\(*\\s*(select|with|values|show|explain|table)\\b.*");

    static boolean returnsRows(String statement) {
        return RETURNS_ROWS.matcher(statement).matches();
    }

    static boolean runsOutsideTransaction(String statement) {
        return OUTSIDE_TRANSACTION.matcher(statement).matches();
    }

    private static String checksum(List<Operation> operations) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Operation operation : operations) {
                sha.update(operation.toString().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
