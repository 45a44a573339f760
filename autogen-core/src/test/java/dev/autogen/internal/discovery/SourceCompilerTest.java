package dev.autogen.internal.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first command after a revision compiles only the new file, against the classes of the earlier
 * build; an edited or removed file makes a whole build; the same sources never compile twice.
 */
class SourceCompilerTest {

    @TempDir
    Path work;

    private Path write(String name, String source) throws IOException {
        Path file = work.resolve("src/m/" + name + ".java");
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "package m;\n" + source + "\n");
    }

    private Path compile() {
        return SourceCompiler.compile(work.resolve("src"), work.resolve("cache"));
    }

    @Test
    void whatADeadProcessLeftStagedIsSweptAndALiveOnesIsLeft() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path abandoned = Files.createDirectories(work.resolve("cache/0123abcd.tmp" + gone.pid() + "/m"));
        Path running = Files.createDirectories(
                work.resolve("cache/4567cdef.tmp" + ProcessHandle.current().pid()));
        write("A", "public class A {}");

        compile();

        assertThat(abandoned.getParent()).doesNotExist();
        assertThat(running).exists();
    }

    @Test
    void anAddedFileIsCompiledAloneAgainstTheEarlierClasses() throws IOException {
        write("A", "public class A { public static int one() { return 1; } }");
        write("B", "public class B {}");
        Path first = compile();
        assertThat(compile()).as("the same sources").isEqualTo(first);

        write("C", "public class C { int value = A.one(); }");
        Path second = compile();
        assertThat(second).isNotEqualTo(first);
        assertThat(second.resolve("m/C.class")).exists();
        // A and B were not compiled again: their class files are the earlier build's.
        assertThat(sameBytesAndTime(first.resolve("m/A.class"), second.resolve("m/A.class")))
                .isTrue();
        assertThat(sameBytesAndTime(first.resolve("m/B.class"), second.resolve("m/B.class")))
                .isTrue();

        write("A", "public class A { public static int one() { return 1; } public static int two() { return 2; } }");
        Path edited = compile();
        assertThat(sameBytesAndTime(second.resolve("m/A.class"), edited.resolve("m/A.class")))
                .isFalse();
        assertThat(classes(edited)).containsExactlyInAnyOrder("m/A.class", "m/B.class", "m/C.class");
    }

    @Test
    void aRemovedFileMakesAWholeBuildWithoutItsClasses() throws IOException {
        write("A", "public class A {}");
        Path b = write("B", "public class B {}");
        compile();
        Files.delete(b);
        assertThat(classes(compile())).containsExactly("m/A.class");
    }

    @Test
    void anAddedFileThatDoesNotCompileIsNamedAndLeavesNoBuild() throws IOException {
        write("A", "public class A {}");
        compile();
        write("Broken", "public class Broken { int x = ; }");
        assertThatThrownBy(this::compile).hasMessageContaining("Broken.java:2 does not compile");
        try (Stream<Path> builds = Files.list(work.resolve("cache"))) {
            assertThat(builds.filter(p -> p.getFileName().toString().contains(".tmp")))
                    .isEmpty();
        }
    }

    private static boolean sameBytesAndTime(Path a, Path b) throws IOException {
        return Files.mismatch(a, b) == -1 && Files.getLastModifiedTime(a).equals(Files.getLastModifiedTime(b));
    }

    private static java.util.List<String> classes(Path build) throws IOException {
        try (Stream<Path> walk = Files.walk(build)) {
            return walk.filter(p -> p.toString().endsWith(".class"))
                    .map(p -> build.relativize(p).toString())
                    .toList();
        }
    }
}
