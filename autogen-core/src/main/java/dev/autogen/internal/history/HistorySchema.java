package dev.autogen.internal.history;

import dev.autogen.internal.operations.CreateSchema;
import dev.autogen.internal.operations.Execute;
import dev.autogen.internal.operations.ExecuteJava;
import dev.autogen.internal.operations.Operation;
import dev.autogen.internal.operations.Recorder;
import dev.autogen.internal.revision.RevisionGraph;
import dev.autogen.internal.revision.RevisionNode;
import dev.autogen.internal.schema.Schema;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The schema the migrations build, from base up to some revisions, replayed in memory: each operation
 * applies itself to the model as it would to a database.
 */
public final class HistorySchema {

    private HistorySchema() {}

    /** A revision whose SQL or Java steps only a database can run. */
    public static final class Unreplayable extends RuntimeException {
        private final transient RevisionNode revision;

        Unreplayable(RevisionNode revision) {
            super("revision " + revision.id() + " (" + revision.origin()
                    + ") runs SQL or Java that only a database can run");
            this.revision = revision;
        }

        public RevisionNode revision() {
            return revision;
        }
    }

    /**
     * The schema at {@code revisions} (none: the empty schema), in a database whose default schema is
     * {@code defaultSchema}; {@link Unreplayable} when a migration on the way runs SQL or Java.
     */
    public static Schema at(RevisionGraph graph, List<String> revisions, String defaultSchema) {
        Schema schema = Schema.empty().withNamespaces(List.of(defaultSchema));
        for (RevisionNode node : graph.upgradePlan(Set.of(), Set.copyOf(revisions))) {
            for (Operation operation : Recorder.upgrade(node.migration(), defaultSchema)) {
                if (operation instanceof Execute || operation instanceof ExecuteJava) {
                    throw new Unreplayable(node);
                }
                schema = operation.applyTo(schema);
            }
        }
        return schema;
    }

    /**
     * The schemas any migration of {@code graph} creates: autogen made them, so it keeps managing them after
     * the entities stop naming them (their tables are dropped or moved, and they are dropped when empty).
     */
    public static Set<String> createdSchemas(RevisionGraph graph, String defaultSchema) {
        Set<String> schemas = new TreeSet<>();
        for (RevisionNode node : graph.revisions()) {
            for (Operation operation : Recorder.upgrade(node.migration(), defaultSchema)) {
                if (operation instanceof CreateSchema create) {
                    schemas.add(create.name());
                }
            }
        }
        return schemas;
    }
}
