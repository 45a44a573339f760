package dev.autogen.cli;

import dev.autogen.api.Configuration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Edits a project's autogen.properties as a user would in an editor. */
final class Properties {

    private Properties() {}

    static void set(Path project, String key, String value) {
        Path file = project.resolve(Configuration.FILE_NAME);
        try {
            List<String> lines = new ArrayList<>(Files.readAllLines(file));
            boolean replaced = false;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).replaceFirst("^#", "");
                if (line.startsWith(key + " ") || line.startsWith(key + "=")) {
                    lines.set(i, key + " = " + value);
                    replaced = true;
                }
            }
            if (!replaced) {
                lines.add(key + " = " + value);
            }
            Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
