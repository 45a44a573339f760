package dev.autogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plain {@code java -jar} of a jar no launcher has prepared records its own start-up archive in the user's
 * cache on its first real command, and the later ones run with it.
 */
class PlainJarArchiveIT {

    @TempDir
    Path project;

    @TempDir
    Path cache;

    @Test
    void theFirstRealCommandRecordsTheArchiveTheNextOnesUse() throws IOException {
        Cli cli = new Cli(project, Map.of("XDG_CACHE_HOME", cache.toString()));
        assertThat(cli.run("init").exitCode()).isZero();

        Cli.Result version = cli.run("--version");
        assertThat(version.exitCode()).as(version.toString()).isZero();
        assertThat(archives()).as("printing the version records nothing").isEmpty();

        Cli.Result listing = cli.run("history");
        assertThat(listing.exitCode()).as(listing.toString()).isZero();
        assertThat(archives())
                .as("a command that loads too little records nothing")
                .isEmpty();

        Cli.Result first = cli.run("revision", "-m", "first", "--rev-id", "first");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(archives()).as("the archive the first real command recorded").hasSize(1);

        Cli.Result second = cli.run("revision", "-m", "second", "--rev-id", "second");
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.out()).contains("Wrote").contains("(revision second, after first)");
        assertThat(archives()).as("one archive, and no recording left behind").hasSize(1);
    }

    @Test
    void recordingAnArchiveRemovesAllButTheNewestFew() throws IOException {
        Path dir = Files.createDirectories(cache.resolve("autogen"));
        for (int build = 1; build <= 5; build++) {
            Path old = Files.write(dir.resolve("autogen-100" + build + "-170000000" + build + ".jsa"), new byte[] {1});
            Files.setLastModifiedTime(old, java.nio.file.attribute.FileTime.fromMillis(build * 1_000_000L));
        }
        Path other = Files.write(dir.resolve("postgres-notes.txt"), new byte[] {1});
        Files.setLastModifiedTime(other, java.nio.file.attribute.FileTime.fromMillis(0));
        Cli cli = new Cli(project, Map.of("XDG_CACHE_HOME", cache.toString()));
        assertThat(cli.run("init").exitCode()).isZero();

        Cli.Result first = cli.run("revision", "-m", "first", "--rev-id", "first");
        assertThat(first.exitCode()).as(first.toString()).isZero();

        assertThat(archives().stream().map(p -> p.getFileName().toString()))
                .as("the new archive, the two newest of the earlier ones, and a file that is no archive")
                .hasSize(TunedJvm.ARCHIVES_KEPT + 1)
                .contains("autogen-1005-1700000005.jsa", "autogen-1004-1700000004.jsa", "postgres-notes.txt")
                .doesNotContain("autogen-1001-1700000001.jsa", "autogen-1003-1700000003.jsa");
    }

    private Stream<Path> archivesIn() throws IOException {
        Path dir = cache.resolve("autogen");
        return Files.isDirectory(dir) ? Files.list(dir) : Stream.empty();
    }

    private java.util.List<Path> archives() throws IOException {
        try (Stream<Path> files = archivesIn()) {
            return files.toList();
        }
    }
}
