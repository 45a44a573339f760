package dev.autogen.internal.autogenerate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.api.Project;
import dev.autogen.internal.dialect.Dialect;
import dev.autogen.internal.dialect.postgres.PostgresDialect;
import dev.autogen.internal.entities.EntityModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The entities are read for the server's version: at the one seen last time while connecting, and again
 * only when the server turns out to be another.
 */
class PendingEntityModelTest {

    @TempDir
    Path cache;

    /** The versions the entities were read for, in order. */
    private final List<String> reads = new CopyOnWriteArrayList<>();

    private final Function<Dialect, EntityModel> read = dialect -> {
        reads.add(dialect.hibernateDatabaseVersion());
        return null;
    };

    @Test
    void withNoVersionKeptTheReadWaitsForTheServersAndKeepsIt() throws Exception {
        Project project = new Project(cache.resolve("migrations"), "migrations", cache, null);
        try (PendingEntityModel pending = PendingEntityModel.startForServer(read, PostgresDialect.INSTANCE, project)) {
            Thread.sleep(50);
            assertThat(reads)
                    .as("nothing read before the server's version is known")
                    .isEmpty();
            pending.confirm("17");
            pending.get();
            assertThat(reads).containsExactly("17");
        }
        assertThat(Files.readString(cache.resolve("server-version"))).isEqualTo("17");
    }

    @Test
    void theVersionKeptIsReadAtOnceAndAnotherServerReadsAgain() throws Exception {
        Files.writeString(cache.resolve("server-version"), "17");
        Project project = new Project(cache.resolve("migrations"), "migrations", cache, null);
        try (PendingEntityModel same = PendingEntityModel.startForServer(read, PostgresDialect.INSTANCE, project)) {
            same.confirm("17");
            same.get();
        }
        assertThat(reads).as("read once, at the version kept").containsExactly("17");
        try (PendingEntityModel other = PendingEntityModel.startForServer(read, PostgresDialect.INSTANCE, project)) {
            other.confirm("18");
            other.get();
        }
        // The read at the kept version and the one for the other server run on threads of their own: the
        // first is not waited for (its model is dropped), so it may be recorded after get() returns.
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (reads.size() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(reads).as("read again for the other server").containsExactlyInAnyOrder("17", "17", "18");
        assertThat(Files.readString(cache.resolve("server-version"))).isEqualTo("18");
    }

    @Test
    void withNoServerTheDialectIsReadAsItIs() {
        try (PendingEntityModel pending = PendingEntityModel.start(read, PostgresDialect.INSTANCE)) {
            pending.get();
        }
        assertThat(reads).containsExactly(PostgresDialect.INSTANCE.hibernateDatabaseVersion());
    }
}
