package dev.autogen.diff;

import dev.autogen.schema.CheckConstraint;
import dev.autogen.schema.Column;
import dev.autogen.schema.Constraint;
import dev.autogen.schema.ForeignKey;
import dev.autogen.schema.PrimaryKey;
import dev.autogen.schema.Table;
import dev.autogen.schema.UniqueConstraint;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names for constraints that the target model leaves to the database: the names PostgreSQL itself would
 * choose ({@code owner_pkey}, {@code owner_email_key}, {@code visit_animal_id_fkey}), so that a migrated
 * database looks like one Hibernate created, and so that a downgrade can drop them by name.
 */
final class ConstraintNames {

    private static final int MAX_NAME_BYTES = 63;
    private static final Pattern WORD = Pattern.compile("\"((?:[^\"]|\"\")+)\"|([a-z_][a-z0-9_$]*)");

    private final Table table;
    private final Set<String> used = new HashSet<>();

    ConstraintNames(Table table, List<String> takenNames) {
        this.table = table;
        used.addAll(takenNames);
    }

    /** The constraint as it is when it has a name, else under the name PostgreSQL would give it. */
    Constraint name(Constraint constraint) {
        if (constraint.name() != null) {
            used.add(constraint.name());
            return constraint;
        }
        String tableName = table.name().name();
        String name;
        if (constraint instanceof PrimaryKey) {
            name = choose(tableName, null, "pkey");
        } else if (constraint instanceof UniqueConstraint unique) {
            name = choose(tableName, String.join("_", unique.columns()), "key");
        } else if (constraint instanceof ForeignKey key) {
            name = choose(tableName, String.join("_", key.columns()), "fkey");
        } else {
            name = choose(tableName, singleColumn((CheckConstraint) constraint), "check");
        }
        return constraint.withName(name);
    }

    /** PostgreSQL names a check after its column when it mentions exactly one. */
    private String singleColumn(CheckConstraint check) {
        Set<String> mentioned = new HashSet<>();
        Matcher m = WORD.matcher(check.expression().replaceAll("'(?:[^']|'')*'", "''"));
        while (m.find()) {
            String word = m.group(1) != null ? m.group(1).replace("\"\"", "\"") : m.group(2);
            table.columns().stream().map(Column::name).filter(word::equals).forEach(mentioned::add);
        }
        return mentioned.size() == 1 ? mentioned.iterator().next() : null;
    }

    private String choose(String name1, String name2, String label) {
        for (int pass = 0; ; pass++) {
            String candidate = objectName(name1, name2, pass == 0 ? label : label + pass);
            if (used.add(candidate)) {
                return candidate;
            }
        }
    }

    /** PostgreSQL's makeObjectName: shorten the longer part until the whole fits in 63 bytes. */
    static String objectName(String name1, String name2, String label) {
        int available = MAX_NAME_BYTES - label.length() - 1 - (name2 == null ? 0 : 1);
        int length1 = name1.length();
        int length2 = name2 == null ? 0 : name2.length();
        while (length1 + length2 > available) {
            if (length1 > length2) {
                length1--;
            } else {
                length2--;
            }
        }
        return name1.substring(0, length1) + (name2 == null ? "" : "_" + name2.substring(0, length2)) + "_" + label;
    }
}
