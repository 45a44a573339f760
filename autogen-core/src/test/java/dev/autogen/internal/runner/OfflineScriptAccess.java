package dev.autogen.internal.runner;

import dev.autogen.api.RevisionInfo;
import dev.autogen.api.RunOptions;
import dev.autogen.internal.dialect.postgres.PostgresDialect;
import dev.autogen.internal.operations.Operation;
import dev.autogen.internal.revision.RevisionGraph;
import dev.autogen.internal.revision.RevisionNode;
import java.time.Instant;
import java.util.List;

/** The offline script of one revision made of {@code operations}, for tests outside this package. */
public final class OfflineScriptAccess {

    private OfflineScriptAccess() {}

    public static String script(List<Operation> operations, String message) {
        RevisionNode node = new RevisionNode(
                RevisionInfo.of("r1", List.of(), message, Instant.EPOCH), "r1", RunnerTest.migration(operations));
        return new OfflineScript(
                        RevisionGraph.of(List.of(node)),
                        PostgresDialect.INSTANCE,
                        "public",
                        "autogen_version",
                        RunOptions.DEFAULT)
                .upgrade("base:head");
    }
}
