package dev.autogen.internal.dialect;

import dev.autogen.internal.operations.AlterColumn;
import dev.autogen.internal.operations.Operation;
import dev.autogen.internal.schema.ValueDomain;
import java.util.List;
import java.util.Optional;

/**
 * What the reviewer of a generated migration is told, and the forms autogenerate chooses for it: the risks
 * of each operation on a busy table, its lock-safe forms, what the rows say of it, and the conversions that
 * keep the values' meaning.
 */
public interface Review {

    /**
     * What {@code operation} risks on a table that already has rows and traffic (the caller leaves out
     * tables created in the same migration), or nothing worth a remark. {@code before} are the operations
     * the migration runs before it: a step can make a later one safe.
     */
    Optional<Risk> risk(Operation operation, List<Operation> before);

    /**
     * The migration's operations in the forms that let reads and writes go on, for tables that exist before
     * it (a table the migration creates is empty, and keeps the plain forms): for each operation, those
     * that carry it out.
     */
    List<List<Operation>> lockSafe(List<Operation> operations);

    /**
     * What the reviewer is told of {@code form}, an operation in a form {@link #lockSafe} chose: how it lets
     * reads and writes go on, and what it does should the rows or the database refuse.
     */
    List<String> lockSafeRemarks(Operation form);

    /**
     * How this database spells the queries of {@link RowFacts}: what the live database's rows say of each
     * operation, for the reviewer (how much a drop takes, how many rows a new constraint would refuse).
     */
    RowFacts.Queries rowFactQueries();

    /**
     * {@code alter} converting so that the values mean the same after it, both ways: value by value when its
     * column holds the values of {@code domain} (an enum's constants, a boolean's two, a duration, a UUID;
     * {@code null} when the entities say nothing of it) and its old type says how it held them; a
     * conversion for the author to write when a cast would succeed with values whose meaning depends on
     * what the database cannot know (a time zone). Empty when a cast keeps their meaning.
     */
    Optional<ValueConversion> keepMeaning(AlterColumn alter, ValueDomain domain);

    /** An operation in a form that runs inside a transaction, for a script that cannot leave it. */
    Operation inTransaction(Operation operation);
}
