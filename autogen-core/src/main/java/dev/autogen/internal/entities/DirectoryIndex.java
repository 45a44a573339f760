package dev.autogen.internal.entities;

import dev.autogen.internal.text.Fingerprint;
import dev.autogen.internal.text.SealedFile;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A classpath directory's {@link Fingerprint#ofFiles fingerprint} that reads only the files written since
 * it was last taken, as git's index does: each file's content fingerprint is kept with its {@link FileStat},
 * and a file whose stat is unchanged is not read again. The rule that makes this safe is git's racy-clean
 * rule, with the moment of reading in place of the index's time: a stat is kept only for a file last
 * written more than {@link #SETTLED} before its content was read. A later write in the same tick of a
 * coarse clock (a second, two on FAT) would leave the stat as it was; a write that long after the stat's
 * times cannot. So a file written just now is read every time until it has settled.
 *
 * <p>The index is a file of the cache, one a directory, written whole and moved into place (commands side
 * by side each keep a true one); one that is missing, cut short or corrupt is passed over. Where the file
 * system gives no change time or inode, nothing is kept and every file is read.
 */
final class DirectoryIndex {

    /** Changes whenever what the index holds changes shape. */
    private static final String FORMAT = "autogen directory index 1";

    private static final long SETTLED = 2_000_000_000L;

    private DirectoryIndex() {}

    private record Kept(FileStat stat, byte[] fingerprint) {}

    /** {@code directory}'s fingerprint, keeping what it read in an index under {@code cache}. */
    static byte[] fingerprint(Path directory, Path cache) throws IOException {
        return take(directory, cache).fingerprint();
    }

    /** A fingerprint, and how many files were read for it. */
    record Taken(byte[] fingerprint, int filesRead) {}

    static Taken take(Path directory, Path cache) throws IOException {
        Path index = cache.resolve(Fingerprint.hex(directory.toString().getBytes(StandardCharsets.UTF_8)) + ".index");
        long readFrom = System.currentTimeMillis() * 1_000_000L - SETTLED;
        Map<String, Kept> before = read(index);
        TreeMap<String, FileStat> files = new TreeMap<>();
        Set<List<Long>> seen = new HashSet<>();
        FileStat root = FileStat.of(directory);
        seen.add(List.of(root.device(), root.inode()));
        walk(directory, "", files, seen);
        TreeMap<String, byte[]> fingerprints = new TreeMap<>();
        Map<String, Kept> after = new HashMap<>();
        int read = 0;
        for (Map.Entry<String, FileStat> file : files.entrySet()) {
            FileStat stat = file.getValue();
            Kept kept = before.get(file.getKey());
            byte[] fingerprint;
            if (kept != null && kept.stat().equals(stat)) {
                fingerprint = kept.fingerprint();
                after.put(file.getKey(), kept);
            } else {
                read++;
                fingerprint = Fingerprint.of(Files.readAllBytes(directory.resolve(file.getKey())));
                if (stat.complete() && stat.writtenBefore(readFrom)) {
                    after.put(file.getKey(), new Kept(stat, fingerprint));
                }
            }
            fingerprints.put(file.getKey(), fingerprint);
        }
        if (read > 0 || after.size() != before.size()) {
            write(index, after);
        }
        return new Taken(Fingerprint.ofFiles(fingerprints), read);
    }

    /** Every regular file below {@code directory}, by its path from the walk's root; links followed once. */
    private static void walk(Path directory, String prefix, Map<String, FileStat> files, Set<List<Long>> seen)
            throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                FileStat stat = FileStat.of(entry);
                String name = prefix + entry.getFileName();
                if (stat.regularFile()) {
                    files.put(name, stat);
                } else if (stat.directory() && (!stat.complete() || seen.add(List.of(stat.device(), stat.inode())))) {
                    walk(entry, name + "/", files, seen);
                }
            }
        }
    }

    private static Map<String, Kept> read(Path index) {
        Map<String, Kept> kept = new HashMap<>();
        Optional<byte[]> sealed = SealedFile.read(index);
        if (sealed.isEmpty()) {
            return kept;
        }
        try {
            ByteBuffer in = ByteBuffer.wrap(sealed.get());
            if (!FORMAT.equals(utf(in))) {
                return kept;
            }
            for (int i = in.getInt(); i > 0; i--) {
                String name = utf(in);
                FileStat stat =
                        new FileStat(true, false, in.getLong(), in.getLong(), in.getLong(), in.getLong(), in.getLong());
                byte[] fingerprint = new byte[Fingerprint.LENGTH];
                in.get(fingerprint);
                kept.put(name, new Kept(stat, fingerprint));
            }
            return kept;
        } catch (RuntimeException e) {
            // Of another build: every file is read, and a new index written.
            return new HashMap<>();
        }
    }

    private static void write(Path index, Map<String, Kept> kept) {
        try {
            ByteArrayOutputStream payload = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(payload)) {
                byte[] format = FORMAT.getBytes(StandardCharsets.UTF_8);
                out.writeInt(format.length);
                out.write(format);
                out.writeInt(kept.size());
                for (Map.Entry<String, Kept> entry : new TreeMap<>(kept).entrySet()) {
                    FileStat stat = entry.getValue().stat();
                    byte[] name = entry.getKey().getBytes(StandardCharsets.UTF_8);
                    out.writeInt(name.length);
                    out.write(name);
                    out.writeLong(stat.size());
                    out.writeLong(stat.modified());
                    out.writeLong(stat.changed());
                    out.writeLong(stat.device());
                    out.writeLong(stat.inode());
                    out.write(entry.getValue().fingerprint());
                }
            }
            byte[] bytes = payload.toByteArray();
            SealedFile.write(index, bytes);
        } catch (IOException e) {
            // The index only saves reading: without it the next command reads every file.
        }
    }

    private static String utf(ByteBuffer in) {
        byte[] bytes = new byte[in.getInt()];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
