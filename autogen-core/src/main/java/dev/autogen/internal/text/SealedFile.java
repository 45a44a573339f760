package dev.autogen.internal.text;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * A cache file whose content follows its own {@link Fingerprint}, written whole and moved into place
 * ({@link AtomicFile}): one that is missing, cut short or corrupt reads as nothing, never as half of itself.
 */
public final class SealedFile {

    private SealedFile() {}

    public static void write(Path target, byte[] content) throws IOException {
        AtomicFile.write(target, Fingerprint.of(content), content);
    }

    /** The content, when the file is there whole; empty when it is missing, cut short or corrupt. */
    public static Optional<byte[]> read(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            int length = Fingerprint.LENGTH;
            if (bytes.length <= length) {
                return Optional.empty();
            }
            byte[] fingerprint = Fingerprint.of(bytes, length, bytes.length - length);
            if (!Arrays.equals(bytes, 0, length, fingerprint, 0, length)) {
                return Optional.empty();
            }
            return Optional.of(Arrays.copyOfRange(bytes, length, bytes.length));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
