package dev.autogen.testing;

import dev.autogen.internal.codegen.MigrationSource;
import dev.autogen.migration.Migration;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.ToolProvider;

/** Compiles generated migration sources with the JDK's compiler, as a build would, and loads them. */
public final class JavaCompiler {

    private JavaCompiler() {}

    /** Compiles the sources into a fresh directory, failing with the compiler's messages. */
    public static Path compile(List<MigrationSource> sources) {
        try {
            Path root = Files.createTempDirectory("autogen-generated");
            Path classes = Files.createDirectories(root.resolve("classes"));
            List<String> arguments = new java.util.ArrayList<>(List.of(
                    "-d",
                    classes.toString(),
                    "-classpath",
                    System.getProperty("java.class.path"),
                    "-Xlint:all",
                    "-Werror"));
            for (MigrationSource source : sources) {
                Path file = root.resolve("src").resolve(source.relativePath());
                Files.createDirectories(file.getParent());
                Files.writeString(file, source.source());
                arguments.add(file.toString());
            }
            StringWriter messages = new StringWriter();
            int result = ToolProvider.getSystemJavaCompiler().run(null, null, null, arguments.toArray(String[]::new));
            if (result != 0) {
                throw new AssertionError("generated source does not compile:\n" + messages);
            }
            return classes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compiles one migration and returns an instance of it. */
    public static Migration load(MigrationSource source) {
        Path classes = compile(List.of(source));
        try {
            URLClassLoader loader =
                    new URLClassLoader(new URL[] {classes.toUri().toURL()}, JavaCompiler.class.getClassLoader());
            return (Migration) loader.loadClass(source.qualifiedName())
                    .getDeclaredConstructor()
                    .newInstance();
        } catch (ReflectiveOperationException | IOException e) {
            throw new AssertionError("cannot load " + source.qualifiedName(), e);
        }
    }
}
