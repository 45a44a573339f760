package dev.autogen.internal.diff;

import dev.autogen.internal.schema.Constraint;
import dev.autogen.internal.schema.Table;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Names for the constraints of one table that the target model leaves to the database: the names the
 * database itself would choose, so that a migrated database looks like one Hibernate created, and so
 * that a downgrade can drop them by name.
 */
final class ConstraintNames {

    private final Table table;
    private final DiffRules rules;
    private final Set<String> used = new HashSet<>();

    ConstraintNames(Table table, List<String> takenNames, DiffRules rules) {
        this.table = table;
        this.rules = rules;
        used.addAll(takenNames);
    }

    /** The constraint as it is when it has a name, else under the name the database would give it. */
    Constraint name(Constraint constraint) {
        if (constraint.name() != null) {
            used.add(constraint.name());
            return constraint;
        }
        String name = rules.constraintName(table, constraint, Set.copyOf(used));
        used.add(name);
        return constraint.withName(name);
    }
}
