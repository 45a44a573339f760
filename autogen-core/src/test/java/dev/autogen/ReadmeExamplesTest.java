package dev.autogen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every Java example in README.md compiles as written, against autogen's own classes. */
class ReadmeExamplesTest {

    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern PUBLIC_CLASS = Pattern.compile("public (?:final )?class (\\w+)");

    @TempDir
    Path work;

    @Test
    void everyJavaExampleCompiles() throws IOException {
        String readme = Files.readString(Path.of("../README.md"));
        Matcher blocks = JAVA_BLOCK.matcher(readme);
        List<Path> sources = new ArrayList<>();
        while (blocks.find()) {
            String code = blocks.group(1);
            Matcher name = PUBLIC_CLASS.matcher(code);
            assertThat(name.find())
                    .as("an example with a public class:%n%s", code)
                    .isTrue();
            Path file = work.resolve("src/example" + sources.size()).resolve(name.group(1) + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, code);
            sources.add(file);
        }
        assertThat(sources).as("README.md's Java examples").hasSizeGreaterThanOrEqualTo(3);
        for (Path source : sources) {
            StringWriter errors = new StringWriter();
            int result = ToolProvider.getSystemJavaCompiler()
                            .getTask(
                                    errors,
                                    null,
                                    null,
                                    List.of(
                                            "-d",
                                            work.resolve("classes").toString(),
                                            "-classpath",
                                            System.getProperty("java.class.path"),
                                            "-proc:none"),
                                    null,
                                    ToolProvider.getSystemJavaCompiler()
                                            .getStandardFileManager(null, null, null)
                                            .getJavaFileObjects(source))
                            .call()
                    ? 0
                    : 1;
            assertThat(result)
                    .as("%s:%n%s%n%s", source.getFileName(), Files.readString(source), errors)
                    .isZero();
        }
    }
}
