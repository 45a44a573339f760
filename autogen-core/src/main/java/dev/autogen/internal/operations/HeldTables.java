package dev.autogen.internal.operations;

import dev.autogen.internal.schema.QualifiedName;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tables a migration holds locked against all traffic for as long as a scan or a rewrite takes anyway:
 * those it creates (nobody uses them yet) and those where it changes a column's type in a way that
 * rewrites or checks every row. Only a varchar made longer, or turned into text, is a change of the
 * catalog alone.
 */
public final class HeldTables {

    private static final Pattern VARCHAR = Pattern.compile("character varying(?:\\((\\d+)\\))?");

    private final Set<QualifiedName> held;

    private HeldTables(Set<QualifiedName> held) {
        this.held = held;
    }

    /** None: for a script that runs every operation inside its transaction anyway. */
    public static final HeldTables NONE = new HeldTables(Set.of());

    /** Whether {@code operation} works on a table the migration holds. */
    public boolean holds(Operation operation) {
        return TableOf.of(operation).map(held::contains).orElse(false);
    }

    public static HeldTables of(List<Operation> operations) {
        Set<QualifiedName> held = new HashSet<>();
        for (Operation operation : operations) {
            if (operation instanceof CreateTable create) {
                held.add(create.table().name());
            } else if (operation instanceof AlterColumn alter && scansRows(alter)) {
                held.add(alter.table());
            }
        }
        return new HeldTables(held);
    }

    private static boolean scansRows(AlterColumn alter) {
        if (!alter.typeChanged()) {
            return false;
        }
        if (alter.using() != null) {
            return true;
        }
        Matcher from = VARCHAR.matcher(alter.from().type());
        if (!from.matches()) {
            return true;
        }
        if (alter.to().type().equals("text")) {
            return false;
        }
        Matcher to = VARCHAR.matcher(alter.to().type());
        if (!to.matches()) {
            return true;
        }
        return to.group(1) != null
                && (from.group(1) == null || Long.parseLong(to.group(1)) < Long.parseLong(from.group(1)));
    }
}
