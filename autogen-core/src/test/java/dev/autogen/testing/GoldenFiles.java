package dev.autogen.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.stream.Stream;

/**
 * Pins generated text to files under {@code src/test/resources/golden}. Run the tests with
 * {@code -Dautogen.golden.update=true} to rewrite them when a change in the output is intended.
 */
public final class GoldenFiles {

    private static final Path ROOT = Path.of("src/test/resources/golden");

    private GoldenFiles() {}

    /**
     * Every file of {@code folder} is one a test produced ({@code produced}, names relative to the golden
     * root): a golden file no test matches any more is stale, and said so.
     */
    public static void assertNoOthers(String folder, Collection<String> produced) {
        try (Stream<Path> files = Files.list(ROOT.resolve(folder))) {
            assertThat(files.map(f -> folder + "/" + f.getFileName()).sorted().toList())
                    .as("golden files in %s that no test produces (delete them)", ROOT.resolve(folder))
                    .containsExactlyInAnyOrderElementsOf(produced);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void assertMatches(String name, String actual) {
        Path file = ROOT.resolve(name);
        try {
            if (Boolean.getBoolean("autogen.golden.update")) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual);
            }
            assertThat(file)
                    .as("golden file %s (rewrite with -Dautogen.golden.update=true)", file)
                    .exists();
            assertThat(actual).as("generated text against golden file %s", file).isEqualTo(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
