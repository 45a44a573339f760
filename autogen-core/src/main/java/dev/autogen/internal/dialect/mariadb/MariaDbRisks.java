package dev.autogen.internal.dialect.mariadb;

import dev.autogen.internal.dialect.Risk;
import dev.autogen.internal.dialect.RunningCodeRisks;
import dev.autogen.internal.operations.AddCheckConstraint;
import dev.autogen.internal.operations.AddColumn;
import dev.autogen.internal.operations.AddForeignKey;
import dev.autogen.internal.operations.AddPrimaryKey;
import dev.autogen.internal.operations.AlterColumn;
import dev.autogen.internal.operations.Operation;
import dev.autogen.internal.schema.Column;
import dev.autogen.internal.schema.Identity;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a change risks on a MariaDB table with rows and traffic. InnoDB's online DDL adds and drops columns
 * and indexes while writes go on; these copy or rebuild the table instead, and writes wait for as long.
 */
final class MariaDbRisks {

    private static final String COPY = "a metadata lock that blocks writes (ALGORITHM=COPY)";

    private MariaDbRisks() {}

    static Optional<Risk> of(Operation operation) {
        Optional<Risk> breaksRunningCode = RunningCodeRisks.of(operation, "a metadata lock");
        if (breaksRunningCode.isPresent()) {
            return breaksRunningCode;
        }
        if (operation instanceof AddColumn add && !add.instantly() && !addsInstantly(add.column())) {
            return risk(
                    "add-column-copies-table",
                    COPY,
                    "copies every row of " + add.table() + " to add "
                            + add.column().name()
                            + " (an auto-increment or stored generated column, or a computed default, is never added"
                            + " instantly); add it nullable with no default, fill it in batches, then change it");
        } else if (operation instanceof AlterColumn alter
                && alter.typeChanged()
                && !MariaDbTypeChanges.labelsAppended(
                        alter.from().type(), alter.to().type())
                && !inPlaceLonger(alter.from().type(), alter.to().type())) {
            return risk(
                    "type-change-copies-table",
                    COPY,
                    "copies every row of " + alter.table() + " into a new table; on a big table add a new column,"
                            + " fill it in batches and switch");
        } else if (operation instanceof AlterColumn alter
                && alter.from().nullable()
                && !alter.to().nullable()) {
            return risk(
                    "set-not-null-rebuilds",
                    "a metadata lock while it checks every row",
                    "rebuilds " + alter.table() + ", checking that no row holds a null");
        } else if (operation instanceof AddForeignKey key) {
            return risk(
                    "add-foreign-key-copies-table",
                    COPY,
                    "copies " + key.table() + " to check every row against "
                            + key.key().target() + " (MariaDB adds a checked foreign key only by copying)");
        } else if (operation instanceof AddCheckConstraint check) {
            return risk("add-check-copies-table", COPY, "copies " + check.table() + " to check every row");
        } else if (operation instanceof AddPrimaryKey key) {
            return risk(
                    "add-primary-key-rebuilds",
                    "a metadata lock while it rebuilds the table",
                    "rebuilds " + key.table() + " around the new key");
        }
        return Optional.empty();
    }

    private static final Pattern LITERAL =
            Pattern.compile("(?i)null|true|false|-?[0-9]+(\\.[0-9]+)?|'([^'\\\\]|''|\\\\.)*'");

    /** Whether MariaDB can add the column by changing the table's definition alone ({@code algorithm=instant}). */
    static boolean addsInstantly(Column column) {
        return column.identity() == Identity.NONE
                && (column.generatedAs() == null || column.virtual())
                && (column.defaultValue() == null
                        || LITERAL.matcher(column.defaultValue().strip()).matches());
    }

    private static final Pattern VARCHAR = Pattern.compile("varchar\\((\\d+)\\)");

    /**
     * A longer {@code varchar} whose length still takes as many bytes to store (up to 255 bytes, or past
     * them, at four bytes a character): InnoDB changes only the table's definition.
     */
    private static boolean inPlaceLonger(String from, String to) {
        Matcher a = VARCHAR.matcher(from);
        Matcher b = VARCHAR.matcher(to);
        if (!a.matches() || !b.matches()) {
            return false;
        }
        int before = Integer.parseInt(a.group(1));
        int after = Integer.parseInt(b.group(1));
        return after >= before && (before * 4 <= 255) == (after * 4 <= 255);
    }

    private static Optional<Risk> risk(String rule, String lock, String what) {
        return Optional.of(new Risk(rule, lock, what));
    }
}
