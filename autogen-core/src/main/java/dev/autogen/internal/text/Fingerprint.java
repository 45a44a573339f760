package dev.autogen.internal.text;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * What the caches compare content by: its length, its CRC-32C and its CRC-32 (two different polynomials,
 * so 64 check bits), 16 bytes. Two different contents of one length share a fingerprint with a chance of
 * about one in 2^64, which is what a cache of classes and models built from files on the user's own disk
 * needs: whoever could make a collision on purpose can write those files anyway. A SHA-256 does the same
 * job about 250 times as slowly in a short-lived JVM (its first megabyte runs interpreted, and the C1
 * compiler has no intrinsic for it), and the caches read several megabytes a command.
 */
public final class Fingerprint {

    public static final int LENGTH = 16;

    private Fingerprint() {}

    public static byte[] of(byte[] content) {
        return of(content, 0, content.length);
    }

    /** The fingerprint of {@code length} bytes of {@code content} from {@code offset}. */
    public static byte[] of(byte[] content, int offset, int length) {
        CRC32C castagnoli = new CRC32C();
        castagnoli.update(content, offset, length);
        CRC32 ieee = new CRC32();
        ieee.update(content, offset, length);
        return ByteBuffer.allocate(LENGTH)
                .putLong(length)
                .putInt((int) castagnoli.getValue())
                .putInt((int) ieee.getValue())
                .array();
    }

    public static String hex(byte[] content) {
        return HexFormat.of().formatHex(of(content));
    }

    /**
     * A directory's: every regular file below it, sorted by its path from there, by that path and its
     * content. One stat a file (the walk's own).
     */
    public static byte[] ofDirectory(Path directory) throws IOException {
        List<String> names = new ArrayList<>();
        int prefix = directory.toString().length() + 1;
        Files.walkFileTree(directory, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isRegularFile()) {
                    names.add(file.toString().substring(prefix));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        SortedMap<String, byte[]> files = new TreeMap<>();
        for (String name : names) {
            files.put(name, of(Files.readAllBytes(directory.resolve(name))));
        }
        return ofFiles(files);
    }

    /** A set of files', by each one's path (in order) and the fingerprint of its content. */
    public static byte[] ofFiles(SortedMap<String, byte[]> fingerprints) {
        ByteArrayOutputStream files = new ByteArrayOutputStream();
        fingerprints.forEach((name, fingerprint) -> {
            files.writeBytes(name.getBytes(StandardCharsets.UTF_8));
            files.write(0);
            files.writeBytes(fingerprint);
        });
        return of(files.toByteArray());
    }
}
