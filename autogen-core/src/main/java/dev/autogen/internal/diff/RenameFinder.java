package dev.autogen.internal.diff;

import dev.autogen.internal.schema.Column;
import dev.autogen.internal.schema.QualifiedName;
import dev.autogen.internal.schema.Schema;
import dev.autogen.internal.schema.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides which tables and columns that disappeared were renamed to ones that appeared, in passes: what
 * the author states (a hint); then a definition identical to exactly one that appeared, and to no other
 * that disappeared; then, with someone to ask, a question for each likely pair. An ambiguous case is never
 * guessed. A table that only changed schema is a move, not a rename, and is left to the differ.
 */
public final class RenameFinder {

    /** Asks the author a yes-or-no question; {@code true} only on a clear yes. */
    @FunctionalInterface
    public interface Questioner {
        boolean confirm(String question);
    }

    private final Schema current;
    private final Schema target;
    private final DiffRules rules;
    private final String defaultSchema;
    private final List<RenameHint> hints;
    private final Questioner questioner;
    private final Set<RenameHint> used = new HashSet<>();
    private final List<Rename> renames = new ArrayList<>();
    private final Map<String, String> notTaken = new LinkedHashMap<>();

    private RenameFinder(
            Schema current,
            Schema target,
            DiffRules rules,
            String defaultSchema,
            List<RenameHint> hints,
            Questioner questioner) {
        this.current = current;
        this.target = target;
        this.rules = rules;
        this.defaultSchema = defaultSchema;
        this.hints = hints;
        this.questioner = questioner;
    }

    /** The guesses alone: hints none, nobody to ask. */
    public static RenamePlan guesses(Schema current, Schema target, DiffRules rules) {
        return plan(current, target, rules, "public", List.of(), null);
    }

    /**
     * The renames from {@code current} to {@code target}. {@code questioner} may be {@code null} (nobody to
     * ask). A hint given for this run that matches nothing is an {@link IllegalArgumentException}.
     */
    public static RenamePlan plan(
            Schema current,
            Schema target,
            DiffRules rules,
            String defaultSchema,
            List<RenameHint> hints,
            Questioner questioner) {
        RenameFinder finder = new RenameFinder(current, target, rules, defaultSchema, hints, questioner);
        Map<QualifiedName, Table> pairs = finder.tables();
        finder.columns(pairs);
        for (RenameHint hint : hints) {
            if (hint.explicit() && !finder.used.contains(hint)) {
                throw new IllegalArgumentException("the rename hint '" + hint.text()
                        + "' names no table or column that disappeared while one of that new name appeared");
            }
        }
        return new RenamePlan(finder.renames, finder.notTaken);
    }

    // ---------------------------------------------------------------- tables

    /** The tables on both sides, current to target, renamed ones included. */
    private Map<QualifiedName, Table> tables() {
        List<Table> allGone = current.tables().stream()
                .filter(t -> target.table(t.name()).isEmpty())
                .toList();
        List<Table> allAppeared = target.tables().stream()
                .filter(t -> current.table(t.name()).isEmpty())
                .toList();
        List<Table> movedFrom = moved(allGone, allAppeared);
        List<Table> movedTo = moved(allAppeared, allGone);
        List<Table> gone = allGone.stream().filter(t -> !movedFrom.contains(t)).toList();
        List<Table> appeared =
                allAppeared.stream().filter(t -> !movedTo.contains(t)).toList();

        Map<QualifiedName, Table> pairs = new LinkedHashMap<>();
        for (Table table : current.tables()) {
            target.table(table.name()).ifPresent(t -> pairs.put(table.name(), t));
        }
        Set<Table> taken = new HashSet<>();
        for (Table old : gone) {
            List<Table> candidates = appeared.stream()
                    .filter(t -> !taken.contains(t)
                            && t.name().schema().equals(old.name().schema()))
                    .toList();
            Optional<Rename> rename = hinted(old, candidates)
                    .or(() -> identical(old, candidates, gone))
                    .or(() -> asked(old, candidates));
            if (rename.isPresent()) {
                renames.add(rename.get());
                Table to = candidates.stream()
                        .filter(t -> t.name().name().equals(rename.get().to()))
                        .findFirst()
                        .orElseThrow();
                taken.add(to);
                pairs.put(old.name(), to);
            } else if (!candidates.isEmpty()) {
                notTaken.put(
                        RenamePlan.tableKey(old.name()),
                        "Not taken as renamed: " + names(candidates) + " appeared. If " + old.name()
                                + " was renamed, run revision again with --rename " + old.name() + "="
                                + candidates.get(0).name().name() + " and its rows stay.");
            }
        }
        return pairs;
    }

    /** The tables of {@code from} that only changed schema: one of that name goes, one appears elsewhere. */
    private static List<Table> moved(List<Table> from, List<Table> to) {
        return from.stream()
                .filter(t -> from.stream()
                                        .filter(o ->
                                                o.name().name().equals(t.name().name()))
                                        .count()
                                == 1
                        && to.stream()
                                        .filter(o ->
                                                o.name().name().equals(t.name().name()))
                                        .count()
                                == 1)
                .toList();
    }

    private Optional<Rename> hinted(Table old, List<Table> candidates) {
        for (RenameHint hint : hints) {
            if (namesTable(hint.from(), old.name())
                    && candidates.stream().anyMatch(t -> t.name().name().equals(hint.to()))) {
                used.add(hint);
                return Optional.of(new Rename(old.name(), null, hint.to(), said(hint)));
            }
        }
        return Optional.empty();
    }

    private Optional<Rename> identical(Table old, List<Table> candidates, List<Table> gone) {
        List<Table> alike = candidates.stream().filter(t -> sameColumns(old, t)).toList();
        if (alike.size() == 1
                && gone.stream().filter(g -> sameColumns(g, alike.get(0))).count() == 1) {
            return Optional.of(new Rename(
                    old.name(),
                    null,
                    alike.get(0).name().name(),
                    "Renamed: it has exactly the columns of " + old.name()
                            + ", and no other table that disappeared or appeared does."));
        }
        return Optional.empty();
    }

    private Optional<Rename> asked(Table old, List<Table> candidates) {
        if (questioner == null) {
            return Optional.empty();
        }
        List<Table> likely = candidates.stream()
                .filter(t -> overlap(old, t) >= 0.5)
                .sorted(Comparator.comparingDouble((Table t) -> -overlap(old, t)))
                .toList();
        for (Table to : likely) {
            if (questioner.confirm(
                    "Did you rename table " + old.name() + " to " + to.name().name() + "?")) {
                return Optional.of(new Rename(old.name(), null, to.name().name(), "Renamed: confirmed when asked."));
            }
        }
        return Optional.empty();
    }

    private boolean sameColumns(Table a, Table b) {
        return a.columns().size() == b.columns().size()
                && a.columns().stream()
                        .allMatch(c -> b.column(c.name())
                                .filter(d -> SchemaDiffer.sameColumn(rules, c, d))
                                .isPresent());
    }

    /** The share of column names the two tables have in common. */
    private static double overlap(Table a, Table b) {
        Set<String> names = a.columns().stream().map(Column::name).collect(Collectors.toSet());
        long common = b.columns().stream().filter(c -> names.contains(c.name())).count();
        return (double) common / Math.max(a.columns().size(), b.columns().size());
    }

    // ---------------------------------------------------------------- columns

    private void columns(Map<QualifiedName, Table> pairs) {
        for (Map.Entry<QualifiedName, Table> pair : pairs.entrySet()) {
            Table old = current.table(pair.getKey()).orElseThrow();
            Table wanted = pair.getValue();
            List<Column> gone = old.columns().stream()
                    .filter(c -> wanted.column(c.name()).isEmpty())
                    .toList();
            List<Column> appeared = wanted.columns().stream()
                    .filter(c -> old.column(c.name()).isEmpty())
                    .toList();
            Set<Column> taken = new HashSet<>();
            for (Column column : gone) {
                List<Column> candidates =
                        appeared.stream().filter(c -> !taken.contains(c)).toList();
                Optional<Rename> rename = hinted(old.name(), wanted.name(), column, candidates)
                        .or(() -> identical(wanted.name(), column, candidates, gone))
                        .or(() -> asked(wanted.name(), column, candidates));
                if (rename.isPresent()) {
                    renames.add(rename.get());
                    candidates.stream()
                            .filter(c -> c.name().equals(rename.get().to()))
                            .forEach(taken::add);
                } else if (!candidates.isEmpty()) {
                    notTaken.put(
                            RenamePlan.columnKey(wanted.name(), column.name()),
                            "Not taken as renamed: "
                                    + candidates.stream().map(Column::name).collect(Collectors.joining(", "))
                                    + " appeared in " + wanted.name() + ". If " + column.name()
                                    + " was renamed, run revision again with --rename " + wanted.name() + "."
                                    + column.name()
                                    + "=" + candidates.get(0).name() + " and its values stay.");
                }
            }
        }
    }

    private Optional<Rename> hinted(
            QualifiedName oldTable, QualifiedName newTable, Column column, List<Column> candidates) {
        for (RenameHint hint : hints) {
            List<String> from = hint.from();
            if (from.size() < 2 || !from.get(from.size() - 1).equals(column.name())) {
                continue;
            }
            List<String> table = from.subList(0, from.size() - 1);
            if ((namesTable(table, oldTable) || namesTable(table, newTable))
                    && candidates.stream().anyMatch(c -> c.name().equals(hint.to()))) {
                used.add(hint);
                return Optional.of(new Rename(newTable, column.name(), hint.to(), said(hint)));
            }
        }
        return Optional.empty();
    }

    private Optional<Rename> identical(QualifiedName table, Column column, List<Column> candidates, List<Column> gone) {
        List<Column> alike = candidates.stream()
                .filter(c -> SchemaDiffer.sameColumn(rules, column.withName(c.name()), c))
                .toList();
        if (alike.size() == 1
                && gone.stream()
                                .filter(g -> SchemaDiffer.sameColumn(
                                        rules, g.withName(alike.get(0).name()), alike.get(0)))
                                .count()
                        == 1) {
            return Optional.of(new Rename(
                    table,
                    column.name(),
                    alike.get(0).name(),
                    "Guess: " + column.name() + " disappeared and "
                            + alike.get(0).name()
                            + " appeared with the same definition, and no other column did. If they are different"
                            + " columns, drop the one and add the other instead."));
        }
        return Optional.empty();
    }

    private Optional<Rename> asked(QualifiedName table, Column column, List<Column> candidates) {
        if (questioner == null) {
            return Optional.empty();
        }
        for (Column to : candidates) {
            String change = column.type().equals(to.type()) ? "" : " (" + column.type() + " to " + to.type() + ")";
            if (questioner.confirm(
                    "Did you rename column " + table + "." + column.name() + " to " + to.name() + change + "?")) {
                return Optional.of(new Rename(table, column.name(), to.name(), "Renamed: confirmed when asked."));
            }
        }
        return Optional.empty();
    }

    // ---------------------------------------------------------------- hints

    /** Whether {@code parts} ({@code table} or {@code schema.table}) name {@code table}. */
    private boolean namesTable(List<String> parts, QualifiedName table) {
        return parts.size() == 1
                        && table.schema().equals(defaultSchema)
                        && parts.get(0).equals(table.name())
                || parts.size() == 2
                        && parts.get(0).equals(table.schema())
                        && parts.get(1).equals(table.name());
    }

    private static String said(RenameHint hint) {
        return (hint.explicit() ? "Renamed as asked with --rename " : "Renamed as the renames setting says: ")
                + hint.text() + ".";
    }

    private static String names(List<Table> tables) {
        return tables.stream().map(t -> t.name().toString()).collect(Collectors.joining(", "));
    }
}
