package dev.autogen.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Pins generated text to files under {@code src/test/resources/golden}. Run the tests with
 * {@code -Dautogen.golden.update=true} to rewrite them when a change in the output is intended.
 */
public final class GoldenFiles {

    private static final Path ROOT = Path.of("src/test/resources/golden");

    private GoldenFiles() {}

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
