package dev.autogen.internal.autogenerate;

import dev.autogen.api.AutogenException;
import dev.autogen.api.ErrorCode;
import dev.autogen.api.Project;
import dev.autogen.internal.codegen.MigrationSource;
import dev.autogen.internal.revision.GraphError;
import dev.autogen.internal.revision.RevisionGraph;
import dev.autogen.internal.revision.RevisionGraphException;
import dev.autogen.internal.revision.RevisionNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What every command that writes a revision checks and does alike: its message, where it goes in the
 * graph, its id, and its file, which is never written over.
 */
public final class NewRevisions {

    /** The longest message kept: a revision's message is a title and a few lines, not its documentation. */
    static final int MAX_MESSAGE_LENGTH = 2_000;

    private static final SecureRandom RANDOM = new SecureRandom();

    private NewRevisions() {}

    public static void requireMessage(String message) {
        if (message.isBlank()) {
            throw new AutogenException(
                    ErrorCode.BAD_TARGET, "the message is empty", "say in a few words what the change is for");
        }
        if (message.length() > MAX_MESSAGE_LENGTH) {
            throw new AutogenException(
                    ErrorCode.BAD_TARGET,
                    "the message is " + message.length() + " characters long; at most " + MAX_MESSAGE_LENGTH
                            + " are kept",
                    "say it shorter, and put the rest in a comment in the migration");
        }
    }

    public static List<String> parents(RevisionGraph graph, String head) {
        if (head == null) {
            List<String> heads = graph.heads();
            if (heads.size() > 1) {
                throw new RevisionGraphException(new GraphError.MultipleHeads(heads));
            }
            return heads;
        }
        return List.copyOf(new TreeSet<>(graph.resolve(head, Set.of())));
    }

    public static String newId(RevisionGraph graph, String requested) {
        String id = requested;
        if (id == null) {
            byte[] bytes = new byte[6];
            RANDOM.nextBytes(bytes);
            id = HexFormat.of().formatHex(bytes);
        }
        if (!id.matches("[A-Za-z0-9_]{1,64}")) {
            throw new AutogenException(
                    ErrorCode.BAD_TARGET,
                    "revision id '" + id + "' is not 1 to 64 letters, digits and _",
                    "choose an id like 3f2a9c1d07be");
        }
        Optional<RevisionNode> taken = graph.node(id);
        if (taken.isPresent()) {
            throw new AutogenException(
                    ErrorCode.DUPLICATE_REVISION,
                    "revision id " + id + " is taken by " + taken.get().origin(),
                    "choose another --rev-id");
        }
        return id;
    }

    public static Path write(Project project, MigrationSource source) {
        Path file = project.migrationsDir().resolve(source.relativePath());
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.source(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            return file;
        } catch (FileAlreadyExistsException e) {
            throw new AutogenException(
                    ErrorCode.FILE_EXISTS,
                    file + " exists already and would be overwritten",
                    "use another message, or wait a second: file names carry the time",
                    e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
