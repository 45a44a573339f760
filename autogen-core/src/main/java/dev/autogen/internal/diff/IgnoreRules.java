package dev.autogen.internal.diff;

import dev.autogen.internal.schema.Column;
import dev.autogen.internal.schema.Constraint;
import dev.autogen.internal.schema.ForeignKey;
import dev.autogen.internal.schema.PrimaryKey;
import dev.autogen.internal.schema.QualifiedName;
import dev.autogen.internal.schema.Schema;
import dev.autogen.internal.schema.Table;
import dev.autogen.internal.schema.UniqueConstraint;
import dev.autogen.internal.text.Globs;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Objects autogen leaves alone, as Alembic's {@code include_object} does: taken out of both models before
 * they are compared, so they are never created, changed or dropped. Each rule is a kind, alone for every
 * object of that kind ({@code check}), or with a name pattern ({@code index:ix_legacy_*}); {@code *}
 * matches any run of characters. A pattern is tried against the object's name, {@code table.name} and
 * {@code schema.table.name}, so {@code column:audit_log.*} is every column of {@code audit_log}.
 */
public final class IgnoreRules {

    /** What a rule can name. */
    public enum Kind {
        TABLE,
        COLUMN,
        INDEX,
        CONSTRAINT,
        PRIMARY_KEY,
        UNIQUE,
        CHECK,
        FOREIGN_KEY,
        SEQUENCE,
        ENUM_TYPE,
        COMMENT
    }

    private record Rule(Kind kind, Pattern pattern) {
        boolean matches(Kind of, String... names) {
            if (kind != of) {
                return false;
            }
            for (String name : names) {
                if (name != null && pattern.matcher(name).matches()) {
                    return true;
                }
            }
            return false;
        }
    }

    public static final IgnoreRules NONE = new IgnoreRules(List.of());

    private final List<Rule> rules;

    private IgnoreRules(List<Rule> rules) {
        this.rules = rules;
    }

    /** The rules, each {@code KIND} or {@code KIND:PATTERN}; a rule that is neither is an {@link IllegalArgumentException}. */
    public static IgnoreRules parse(List<String> texts) {
        List<Rule> rules = new ArrayList<>();
        for (String text : texts) {
            int colon = text.indexOf(':');
            String kind = (colon < 0 ? text : text.substring(0, colon))
                    .strip()
                    .toUpperCase(Locale.ROOT)
                    .replace('-', '_');
            String pattern = colon < 0 ? "*" : text.substring(colon + 1).strip();
            try {
                rules.add(new Rule(Kind.valueOf(kind), Globs.compile(pattern.isEmpty() ? "*" : pattern)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("ignore rule '" + text + "' does not start with one of "
                        + java.util.Arrays.stream(Kind.values())
                                .map(k -> k.name().toLowerCase(Locale.ROOT))
                                .toList());
            }
        }
        return new IgnoreRules(List.copyOf(rules));
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /** The model without what the rules name. */
    public Schema apply(Schema schema) {
        if (rules.isEmpty()) {
            return schema;
        }
        List<Table> tables = new ArrayList<>();
        for (Table table : schema.tables()) {
            if (!matches(Kind.TABLE, table.name(), table.name().name())) {
                tables.add(table(table));
            }
        }
        return new Schema(
                schema.namespaces(),
                tables,
                schema.sequences().stream()
                        .filter(s -> !matches(Kind.SEQUENCE, s.name(), s.name().name()))
                        .toList(),
                schema.enumTypes().stream()
                        .filter(e -> !matches(Kind.ENUM_TYPE, e.name(), e.name().name()))
                        .toList());
    }

    private Table table(Table table) {
        QualifiedName name = table.name();
        Predicate<Constraint> kept =
                c -> !matches(kind(c), name, c.name()) && !matches(Kind.CONSTRAINT, name, c.name());
        boolean noComments = matches(Kind.COMMENT, name, name.name());
        List<Column> columns = table.columns().stream()
                .filter(c -> !matches(Kind.COLUMN, name, c.name()))
                .map(c -> noComments || matches(Kind.COMMENT, name, c.name()) ? c.withComment(null) : c)
                .toList();
        return new Table(
                name,
                columns,
                table.primaryKey() != null && kept.test(table.primaryKey()) ? table.primaryKey() : null,
                table.uniqueConstraints().stream().filter(kept::test).toList(),
                table.foreignKeys().stream().filter(kept::test).toList(),
                table.checks().stream().filter(kept::test).toList(),
                table.indexes().stream()
                        .filter(i -> !matches(Kind.INDEX, name, i.name()))
                        .toList(),
                noComments ? null : table.comment());
    }

    private static Kind kind(Constraint constraint) {
        if (constraint instanceof PrimaryKey) {
            return Kind.PRIMARY_KEY;
        } else if (constraint instanceof UniqueConstraint) {
            return Kind.UNIQUE;
        } else if (constraint instanceof ForeignKey) {
            return Kind.FOREIGN_KEY;
        }
        return Kind.CHECK;
    }

    /** Whether a rule of {@code kind} matches an object of {@code owner} called {@code name} (any of its spellings). */
    private boolean matches(Kind kind, QualifiedName owner, String name) {
        if (rules.stream().noneMatch(r -> r.kind() == kind)) {
            return false;
        }
        String unnamed = name == null ? "" : name;
        return rules.stream()
                        .anyMatch(r -> r.matches(kind, unnamed, owner.name() + "." + unnamed, owner + "." + unnamed))
                || name != null
                        && owner.name().equals(name)
                        && rules.stream().anyMatch(r -> r.matches(kind, owner.toString()));
    }
}
