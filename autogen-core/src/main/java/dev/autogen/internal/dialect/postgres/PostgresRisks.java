package dev.autogen.internal.dialect.postgres;

import dev.autogen.internal.dialect.Risk;
import dev.autogen.internal.dialect.RunningCodeRisks;
import dev.autogen.internal.operations.AddCheckConstraint;
import dev.autogen.internal.operations.AddColumn;
import dev.autogen.internal.operations.AddForeignKey;
import dev.autogen.internal.operations.AddNotNullNotValid;
import dev.autogen.internal.operations.AddPrimaryKey;
import dev.autogen.internal.operations.AddUniqueConstraint;
import dev.autogen.internal.operations.AlterColumn;
import dev.autogen.internal.operations.AlterEnumType;
import dev.autogen.internal.operations.AlterSequence;
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
import dev.autogen.internal.operations.Operation;
import dev.autogen.internal.operations.OperationVisitor;
import dev.autogen.internal.operations.RenameColumn;
import dev.autogen.internal.operations.RenameConstraint;
import dev.autogen.internal.operations.RenameIndex;
import dev.autogen.internal.operations.RenameTable;
import dev.autogen.internal.operations.SetTableComment;
import dev.autogen.internal.operations.SetTableSchema;
import dev.autogen.internal.operations.ValidateConstraint;
import dev.autogen.internal.schema.Identity;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lock each operation takes in PostgreSQL and what it does under it, for a table that already has
 * rows: the operations that hold a busy table for as long as the table is big, or that break the
 * application still running against the old schema. What takes a moment (a rename of a constraint, a
 * comment, a new nullable column) is no risk here.
 */
final class PostgresRisks implements OperationVisitor<Optional<Risk>> {

    /** Functions whose value changes per row: as a new column's default they make PostgreSQL rewrite the table. */
    private static final Pattern VOLATILE = Pattern.compile(
            "\\b(random|gen_random_uuid|uuid_generate_v[14]|clock_timestamp|timeofday|nextval|txid_current)\\s*\\(",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern SIZED =
            Pattern.compile("(character varying|numeric|character)\\((\\d+)(?:,(\\d+))?\\)");

    private static final Set<String> UNBOUNDED_TEXT = Set.of("text", "character varying");

    private final List<Operation> before;

    /** @param before the operations the migration runs before the one asked about */
    PostgresRisks(List<Operation> before) {
        this.before = before;
    }

    @Override
    public Optional<Risk> createIndex(CreateIndex op) {
        if (op.concurrently()) {
            return Optional.empty();
        }
        return risk(
                "create-index-blocks-writes",
                "SHARE",
                "blocks every write to " + op.table() + " while the index"
                        + " builds; on a busy table build it with create index concurrently, outside the transaction");
    }

    @Override
    public Optional<Risk> addUniqueConstraint(AddUniqueConstraint op) {
        if (op.concurrently()) {
            return Optional.empty();
        }
        return risk(
                "add-unique-builds-index",
                "ACCESS EXCLUSIVE",
                "builds its index over every row of " + op.table()
                        + " while nothing reads or writes it; build a unique index concurrently first, then add the"
                        + " constraint using it");
    }

    @Override
    public Optional<Risk> addPrimaryKey(AddPrimaryKey op) {
        return risk(
                "add-unique-builds-index",
                "ACCESS EXCLUSIVE",
                "builds its index over every row of " + op.table() + " while nothing reads or writes it");
    }

    @Override
    public Optional<Risk> addForeignKey(AddForeignKey op) {
        if (op.notValid()) {
            return Optional.empty();
        }
        return risk(
                "add-foreign-key-validates",
                "SHARE ROW EXCLUSIVE",
                "checks every row of " + op.table()
                        + ", blocking writes to it and to " + op.key().target() + "; add it not valid, then validate it"
                        + " in a later transaction");
    }

    @Override
    public Optional<Risk> addCheckConstraint(AddCheckConstraint op) {
        if (op.notValid()) {
            return Optional.empty();
        }
        return risk(
                "add-check-validates",
                "ACCESS EXCLUSIVE",
                "checks every row of " + op.table()
                        + " while nothing reads or writes it; add it not valid, then validate it in a later transaction");
    }

    @Override
    public Optional<Risk> alterColumn(AlterColumn op) {
        if (op.typeChanged() && rewrites(op.from().type(), op.to().type())) {
            return risk(
                    "type-change-rewrites",
                    "ACCESS EXCLUSIVE",
                    "rewrites " + op.table()
                            + " and its indexes while nothing reads or writes it; on a big table add a new column, fill"
                            + " it in batches and switch");
        }
        if (op.from().nullable() && !op.to().nullable() && !provenNotNull(op)) {
            return risk(
                    "set-not-null-scans",
                    "ACCESS EXCLUSIVE",
                    "scans every row of " + op.table()
                            + " while nothing reads or writes it; a validated check ("
                            + op.to().name()
                            + " is not null) added first lets PostgreSQL skip the scan");
        }
        return Optional.empty();
    }

    @Override
    public Optional<Risk> addColumn(AddColumn op) {
        String value = op.column().defaultValue();
        // A serial column's default is nextval of its sequence: volatile too.
        if ((value != null && VOLATILE.matcher(value).find()) || op.column().identity() == Identity.SERIAL) {
            return risk(
                    "volatile-default-rewrites",
                    "ACCESS EXCLUSIVE",
                    "rewrites " + op.table()
                            + " to give every row its own default while nothing reads or writes it; add the column"
                            + " without it, fill it in batches, then set the default");
        }
        return Optional.empty();
    }

    @Override
    public Optional<Risk> dropColumn(DropColumn op) {
        return RunningCodeRisks.of(op, "ACCESS EXCLUSIVE");
    }

    @Override
    public Optional<Risk> dropTable(DropTable op) {
        return RunningCodeRisks.of(op, "ACCESS EXCLUSIVE");
    }

    @Override
    public Optional<Risk> renameColumn(RenameColumn op) {
        return RunningCodeRisks.of(op, "ACCESS EXCLUSIVE");
    }

    @Override
    public Optional<Risk> renameTable(RenameTable op) {
        return RunningCodeRisks.of(op, "ACCESS EXCLUSIVE");
    }

    @Override
    public Optional<Risk> setTableSchema(SetTableSchema op) {
        return RunningCodeRisks.of(op, "ACCESS EXCLUSIVE");
    }

    /** Whether a check validated earlier in the migration proves the column holds no null, so no scan is needed. */
    private boolean provenNotNull(AlterColumn op) {
        Set<String> validated = new java.util.HashSet<>();
        for (Operation earlier : before) {
            if (earlier instanceof ValidateConstraint validate
                    && validate.table().equals(op.table())) {
                validated.add(validate.name());
            }
        }
        String proof = PostgresNames.quote(op.to().name()) + " IS NOT NULL";
        for (Operation earlier : before) {
            if (earlier instanceof AddCheckConstraint check
                    && check.table().equals(op.table())
                    && proof.equalsIgnoreCase(check.check().expression())
                    && (!check.notValid() || validated.contains(check.check().name()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether PostgreSQL rewrites the table for the change: every change does, but a longer or unbounded
     * string, or more digits before the point at the same scale.
     */
    static boolean rewrites(String from, String to) {
        if (UNBOUNDED_TEXT.contains(to) && (from.startsWith("character varying") || from.equals("text"))) {
            return false;
        }
        Matcher a = SIZED.matcher(from);
        Matcher b = SIZED.matcher(to);
        if (a.matches()
                && b.matches()
                && a.group(1).equals(b.group(1))
                && !a.group(1).equals("character")) {
            boolean longer = Integer.parseInt(b.group(2)) >= Integer.parseInt(a.group(2));
            boolean sameScale = java.util.Objects.equals(a.group(3), b.group(3));
            return !(longer && sameScale);
        }
        return !(a.matches() && to.equals(a.group(1)) && !a.group(1).equals("character"));
    }

    private static Optional<Risk> risk(String rule, String lock, String what) {
        return Optional.of(new Risk(rule, lock, what));
    }

    // ---------------------------------------------------------------- no risk worth a remark

    @Override
    public Optional<Risk> createSchema(CreateSchema op) {
        return Optional.empty();
    }

    @Override
    public Optional<Risk> dropSchema(DropSchema op) {
        return Optional.empty();
    }

    @Override
    public Optional<Risk> createTable(CreateTable op) {
        return Optional.empty();
    }

    @Override
    public Optional<Risk> renameConstraint(RenameConstraint op) {
        return Optional.empty();
    }

    @Override
    public Optional<Risk> renameIndex(RenameIndex op) {
        return Optional.empty();
    }

    @Override
    public Optional<Risk> dropConstraint(DropConstraint op) {
        return Optional.empty();
    }

    @Override
    public Optional<Risk> addNotNullNotValid(AddNotNullNotValid op) {
        return Optional.empty();
    }

    @Override
    public Optional<Risk> validateConstraint(ValidateConstraint op) {
        return Optional.empty();
    }

    @Override
    public Optional<Risk> dropIndex(DropIndex op) {
        return Optional.empty();
    }

    @Override
    public Optional<Risk> createSequence(CreateSequence op) {
        return Optional.empty();
    }

    @Override
    public Optional<Risk> alterSequence(AlterSequence op) {
        return Optional.empty();
    }

    @Override
    public Optional<Risk> dropSequence(DropSequence op) {
        return Optional.empty();
    }

    @Override
    public Optional<Risk> createEnumType(CreateEnumType op) {
        return Optional.empty();
    }

    @Override
    public Optional<Risk> alterEnumType(AlterEnumType op) {
        return Optional.empty();
    }

    @Override
    public Optional<Risk> dropEnumType(DropEnumType op) {
        return Optional.empty();
    }

    @Override
    public Optional<Risk> setTableComment(SetTableComment op) {
        return Optional.empty();
    }

    @Override
    public Optional<Risk> execute(Execute op) {
        return Optional.empty();
    }

    @Override
    public Optional<Risk> executeJava(ExecuteJava op) {
        return Optional.empty();
    }
}
