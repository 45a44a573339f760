package dev.autogen.internal.diff;

import dev.autogen.internal.schema.Column;
import dev.autogen.internal.schema.Index;
import dev.autogen.internal.schema.IndexKey;
import java.util.ArrayList;
import java.util.List;

/**
 * An expression the catalog printed, spelled instead as someone wrote it (the entities, a migration)
 * wherever the two mean the same: the catalog's print is for comparing, the written text for writing.
 */
final class Spellings {

    private Spellings() {}

    /** {@code written} when it means what the catalog {@code printed}, else {@code printed}. */
    static String of(String written, String printed, DiffRules rules) {
        return written != null && printed != null && rules.sameExpression(written, printed) ? written : printed;
    }

    /** The printed column's default and generation expression in {@code written}'s spelling. */
    static Column column(Column written, Column printed, DiffRules rules) {
        return printed.withDefaultValue(of(written.defaultValue(), printed.defaultValue(), rules))
                .withGeneratedAs(of(written.generatedAs(), printed.generatedAs(), rules));
    }

    /** The printed index with its expression keys and predicate in {@code written}'s spelling. */
    static Index index(Index written, Index printed, DiffRules rules) {
        List<IndexKey> keys = new ArrayList<>();
        for (int i = 0; i < printed.keys().size(); i++) {
            IndexKey key = printed.keys().get(i);
            IndexKey own = i < written.keys().size() ? written.keys().get(i) : null;
            keys.add(
                    key.expression() && own != null && own.expression()
                            ? new IndexKey(of(own.text(), key.text(), rules), true, key.descending())
                            : key);
        }
        return new Index(
                printed.name(),
                printed.unique(),
                keys,
                printed.method(),
                of(written.predicate(), printed.predicate(), rules));
    }
}
