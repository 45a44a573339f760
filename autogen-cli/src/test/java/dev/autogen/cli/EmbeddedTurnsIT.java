package dev.autogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.api.Configuration;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * On {@code url = embedded}, a command started while another uses the server waits its turn.
 *
 * <p>Alone, not beside another test class: it times one command waiting for another.
 */
@Isolated
class EmbeddedTurnsIT {

    @TempDir
    Path project;

    @Test
    void aSecondCommandWaitsForTheFirstToFinishAndThenRuns() throws Exception {
        Path migration = project.resolve("migrations/turns/M1_Slow.java");
        Files.createDirectories(migration.getParent());
        Files.writeString(migration, """
                package turns;

                import dev.autogen.migration.Migration;
                import dev.autogen.migration.Operations;
                import dev.autogen.migration.Revision;

                @Revision(id = "slow1", message = "Slow", created = "2026-12-07T10:00:00Z")
                public final class M1_Slow implements Migration {
                    @Override
                    public void upgrade(Operations op) {
                        op.execute("select pg_sleep(3)", null);
                    }
                }
                """);
        Files.writeString(
                project.resolve(Configuration.FILE_NAME),
                "url = embedded\nmigrations.dir = migrations\nmigrations.package = turns\n");
        Cli cli = new Cli(project, Map.of());
        Cli.Running upgrade = cli.start("upgrade", "head");
        awaitTurnTaken(project.resolve(".autogen/pgdata.turn"));

        Cli.Result current = cli.run("current");
        Cli.Result upgraded = upgrade.waitFor(120);
        assertThat(upgraded.exitCode()).as(upgraded.toString()).isZero();
        assertThat(current.exitCode()).as(current.toString()).isZero();
        assertThat(current.err()).contains("Waiting for another autogen command that uses the embedded database");
        assertThat(current.out()).contains("slow1 (head)");
    }

    /** Until another process holds the turn file's lock. */
    private static void awaitTurnTaken(Path turn) throws Exception {
        for (int i = 0; i < 600; i++) {
            if (Files.exists(turn)) {
                try (FileChannel channel = FileChannel.open(turn, StandardOpenOption.WRITE);
                        FileLock lock = channel.tryLock()) {
                    if (lock == null) {
                        return;
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the first command never took the embedded database");
    }
}
