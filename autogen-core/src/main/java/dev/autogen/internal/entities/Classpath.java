package dev.autogen.internal.entities;

import dev.autogen.api.AutogenException;
import dev.autogen.api.ErrorCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Expands a user's classpath entries into existing directories and jars. */
final class Classpath {

    private Classpath() {}

    /** The entries as paths, {@code dir/*} expanded to the jars in {@code dir} in name order. */
    static List<Path> expand(List<String> entries) {
        if (entries.isEmpty()) {
            throw new AutogenException(
                    ErrorCode.CLASSPATH_ENTRY_MISSING,
                    "the entity classpath is empty",
                    "set entities.classpath to the directories or jars that hold your @Entity classes");
        }
        List<Path> paths = new ArrayList<>();
        for (String entry : entries) {
            if (entry.endsWith("/*") || entry.equals("*")) {
                Path dir = Path.of(entry.substring(0, entry.length() - 1))
                        .toAbsolutePath()
                        .normalize();
                requireExists(dir, entry);
                paths.addAll(jarsIn(dir));
            } else {
                Path path = Path.of(entry).toAbsolutePath().normalize();
                requireExists(path, entry);
                paths.add(path);
            }
        }
        return paths;
    }

    private static void requireExists(Path path, String entry) {
        if (!Files.exists(path)) {
            throw new AutogenException(
                    ErrorCode.CLASSPATH_ENTRY_MISSING,
                    "classpath entry '" + entry + "' does not exist (" + path + ")",
                    "build the project first, or fix entities.classpath");
        }
    }

    private static List<Path> jarsIn(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
