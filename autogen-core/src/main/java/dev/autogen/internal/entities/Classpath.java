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
import java.util.zip.ZipFile;

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
        if (paths.isEmpty()) {
            throw new AutogenException(
                    ErrorCode.CLASSPATH_ENTRY_MISSING,
                    "the entity classpath " + String.join(":", entries) + " holds no jar: each dir/* there matches"
                            + " none",
                    "build the project first, or point entities.classpath at the classes directory");
        }
        paths.forEach(Classpath::requireReadable);
        return paths;
    }

    /** A jar that cannot be read would hide its entities, and a migration would then drop their tables. */
    private static void requireReadable(Path path) {
        if (Files.isDirectory(path)) {
            if (!Files.isReadable(path)) {
                throw unreadable(path, "the directory cannot be read");
            }
            return;
        }
        try (ZipFile jar = new ZipFile(path.toFile())) {
            jar.size();
        } catch (IOException e) {
            throw unreadable(path, "it is not a readable jar (" + e.getMessage() + ")");
        }
    }

    private static AutogenException unreadable(Path path, String why) {
        return new AutogenException(
                ErrorCode.CLASSPATH_ENTRY_MISSING,
                "classpath entry " + path + " cannot be used: " + why,
                "rebuild it, or take it out of entities.classpath; nothing was read");
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
