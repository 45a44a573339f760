package dev.autogen.internal.entities;

import dev.autogen.api.EntitySource;
import dev.autogen.api.Version;
import dev.autogen.internal.dialect.Dialect;
import dev.autogen.internal.schema.Schema;
import dev.autogen.internal.schema.SequenceUse;
import dev.autogen.internal.schema.ValueDomain;
import dev.autogen.internal.text.AtomicFile;
import dev.autogen.internal.text.Fingerprint;
import dev.autogen.internal.text.SealedFile;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Keeps the schema model of a set of entities, so that an unchanged classpath does not boot Hibernate
 * again. The key is a {@link Fingerprint} of everything that decides the mapping: every file of every
 * classpath directory (its path and content, read again only where the file changed: {@link
 * DirectoryIndex}), every jar (its path and {@link FileStat}, so a jar replaced or rewritten is a new one),
 * the packages, naming, default schema and Hibernate settings, the dialect, and the versions and bytes of
 * Hibernate and autogen. An entry carries a fingerprint of itself: one that is cut short, corrupt or of
 * another format is passed over and replaced, never trusted. Entries are written whole, then moved into
 * place, so that commands running side by side never read half of one.
 */
final class EntityModelCache {

    /** Changes whenever what an entry holds changes shape. */
    private static final String FORMAT = "autogen entity model 9";

    private static final int DIGEST_LENGTH = Fingerprint.LENGTH;

    /** The file naming the entry last read or written. */
    private static final String LATEST = "latest";

    private static final int KEPT = 8;

    private EntityModelCache() {}

    /** What is kept: the model, and which columns the generators' sequences feed. */
    record Entry(Schema schema, List<SequenceUse> sequenceUses, List<ValueDomain> valueDomains) {}

    static String key(EntitySource source, List<Path> classpath, Dialect dialect, Path directory) {
        ByteArrayOutputStream key = new ByteArrayOutputStream();
        text(key, FORMAT);
        text(key, Version.current());
        text(key, org.hibernate.Version.getVersionString());
        text(key, System.getProperty("java.version"));
        text(key, dialect.name() + " " + dialect.hibernateDatabaseName() + " " + dialect.hibernateDatabaseVersion());
        text(key, source.packages().toString());
        // Not the record's toString: its first call builds method handles, milliseconds in a short-lived JVM.
        text(key, source.naming().physicalStrategy() + " " + source.naming().implicitStrategy());
        text(key, source.defaultSchema());
        text(key, new TreeMap<>(source.settings()).toString());
        try {
            // autogen's own classes (a rebuilt jar may translate differently) and Hibernate's.
            Path indexes = directory.resolve("directories");
            file(key, codeSource(EntityModelCache.class), indexes);
            file(key, codeSource(org.hibernate.Version.class), indexes);
            for (Path entry : classpath) {
                file(key, entry, indexes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Fingerprint.hex(key.toByteArray());
    }

    static Optional<Entry> read(Path directory, String key) {
        Optional<byte[]> sealed = SealedFile.read(directory.resolve(key));
        if (sealed.isEmpty()) {
            return Optional.empty();
        }
        byte[] bytes = sealed.get();
        try {
            // The format's name as DataOutputStream.writeUTF wrote it: its length in two bytes, then ASCII.
            int length = ((bytes[0] & 0xff) << 8) | (bytes[1] & 0xff);
            if (!FORMAT.equals(new String(bytes, 2, Math.min(length, bytes.length - 2), StandardCharsets.UTF_8))) {
                return Optional.empty();
            }
            return Optional.of(EntryCodec.decode(bytes, 2 + length));
        } catch (IOException | RuntimeException e) {
            // Corrupt, or written by another build: boot Hibernate instead.
            return Optional.empty();
        }
    }

    static void write(Path directory, String key, Entry entry) {
        try {
            ByteArrayOutputStream payload = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(payload)) {
                out.writeUTF(FORMAT);
                out.write(EntryCodec.encode(entry));
            }
            byte[] bytes = payload.toByteArray();
            SealedFile.write(directory.resolve(key), bytes);
            markLatest(directory, key);
            prune(directory, key);
        } catch (IOException | UncheckedIOException e) {
            // The cache only saves time: a model that cannot be kept is read again next time.
        }
    }

    /**
     * The entry the last command of this cache read or wrote, with its key, so that it can be read while
     * the key is being worked out: it is the one wanted unless the entities or settings changed since.
     */
    static Optional<Keyed> readLatest(Path directory) {
        try {
            String key = Files.readString(directory.resolve(LATEST), StandardCharsets.US_ASCII);
            if (!isKey(key)) {
                return Optional.empty();
            }
            return read(directory, key).map(entry -> new Keyed(key, entry));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** An entry with its key. */
    record Keyed(String key, Entry entry) {}

    static void markLatest(Path directory, String key) {
        try {
            AtomicFile.write(directory.resolve(LATEST), key.getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            // Only a head start for the next command, which reads the entry after its key without it.
        }
    }

    /**
     * Keeps the newest {@link #KEPT} entries, {@code written} among them: every build of the entities or of
     * autogen makes a new key, and a developer's day of builds would otherwise keep hundreds of models.
     */
    private static void prune(Path directory, String written) throws IOException {
        List<Path> entries;
        try (Stream<Path> files = Files.list(directory)) {
            entries = files.filter(file -> isKey(file.getFileName().toString()))
                    .filter(file -> !file.getFileName().toString().equals(written))
                    .sorted(Comparator.comparing(EntityModelCache::modified).reversed())
                    .toList();
        }
        for (Path stale : entries.subList(Math.min(KEPT - 1, entries.size()), entries.size())) {
            Files.deleteIfExists(stale);
        }
    }

    private static boolean isKey(String name) {
        return name.length() == 2 * DIGEST_LENGTH && name.chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    /**
     * A directory by every file's path and content (read only where its stat changed, see {@link
     * DirectoryIndex}); a jar or other file by path and stat: size, times and identity, so that a jar
     * replaced or rewritten in place is another.
     */
    private static void file(ByteArrayOutputStream key, Path path, Path indexes) throws IOException {
        if (path == null) {
            text(key, "unknown");
            return;
        }
        Path absolute = path.toAbsolutePath();
        text(key, absolute.toString());
        if (Files.isDirectory(absolute)) {
            key.writeBytes(DirectoryIndex.fingerprint(absolute, indexes));
        } else if (Files.exists(absolute)) {
            FileStat stat = FileStat.of(absolute);
            text(
                    key,
                    stat.size() + " " + stat.modified() + " " + stat.changed() + " " + stat.device() + " "
                            + stat.inode());
        } else {
            text(key, "missing");
        }
    }

    private static Path codeSource(Class<?> type) {
        try {
            return Path.of(
                    type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    private static void text(ByteArrayOutputStream key, String text) {
        key.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        key.write(0);
    }
}
