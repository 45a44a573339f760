package dev.autogen.internal.diff;

import dev.autogen.internal.schema.Constraint;
import dev.autogen.internal.schema.QualifiedName;
import dev.autogen.internal.schema.Table;
import java.util.Set;

/** What the differ must know of a database, supplied by its dialect. */
public interface DiffRules {

    /** The name {@code constraint} on {@code table} would get from the database, given the names already {@code taken}. */
    String constraintName(Table table, Constraint constraint, Set<String> taken);

    /**
     * Whether two SQL expressions (defaults, checks, index keys and predicates; either may be {@code null})
     * mean the same to the database.
     */
    boolean sameExpression(String a, String b);

    /** Whether a column of type {@code columnType}, as the model spells it, is of the user-defined type {@code type}. */
    boolean isOfType(String columnType, QualifiedName type);

    /**
     * Whether the database renames {@code constraint} in place; where it cannot, a new name is the
     * constraint dropped and added again.
     */
    boolean renamesInPlace(Constraint constraint);
}
