package dev.autogen.internal.text;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A file of a cache written whole, then moved into place: commands running side by side each read either
 * the file before or the file after, never half of one.
 */
public final class AtomicFile {

    private AtomicFile() {}

    /** Replaces {@code target} by {@code parts}, one after the other; its directory is made when missing. */
    public static void write(Path target, byte[]... parts) throws IOException {
        Path directory = target.getParent();
        Files.createDirectories(directory);
        Path staging = Files.createTempFile(directory, target.getFileName().toString(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(staging)) {
                for (byte[] part : parts) {
                    out.write(part);
                }
            }
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(staging, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(staging);
        }
    }
}
