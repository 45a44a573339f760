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

    private final Set<QualifiedName> created;
    private final Set<QualifiedName> rewritten;

    private HeldTables(Set<QualifiedName> created, Set<QualifiedName> rewritten) {
        this.created = created;
        this.rewritten = rewritten;
    }

    /** None: for a script that runs every operation inside its transaction anyway. */
    public static final HeldTables NONE = new HeldTables(Set.of(), Set.of());

    /** Whether {@code operation} works on a table the migration holds. */
    public boolean holds(Operation operation) {
        return TableOf.of(operation)
                .map(t -> created.contains(t) || rewritten.contains(t))
                .orElse(false);
    }

    /** Whether {@code operation} works on a table that was there before and that the migration rewrites. */
    public boolean rewrites(Operation operation) {
        return TableOf.of(operation)
                .map(t -> rewritten.contains(t) && !created.contains(t))
                .orElse(false);
    }

    /** Whether {@code operation} is itself a change that rewrites or checks every row of its table. */
    public static boolean rewritesRows(Operation operation) {
        return operation instanceof AlterColumn alter && scansRows(alter);
    }

    public static HeldTables of(List<Operation> operations) {
        Set<QualifiedName> created = new HashSet<>();
        Set<QualifiedName> rewritten = new HashSet<>();
        for (Operation operation : operations) {
            if (operation instanceof CreateTable create) {
                created.add(create.table().name());
            } else if (rewritesRows(operation)) {
                rewritten.add(((AlterColumn) operation).table());
            }
        }
        return new HeldTables(created, rewritten);
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
