package dev.autogen.internal.entities;

import dev.autogen.api.EntitySource;
import dev.autogen.api.Version;
import dev.autogen.internal.dialect.Dialect;
import dev.autogen.internal.schema.Schema;
import dev.autogen.internal.schema.SequenceUse;
import dev.autogen.internal.schema.ValueDomain;
import dev.autogen.internal.text.Fingerprint;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Keeps the schema model of a set of entities, so that an unchanged classpath does not boot Hibernate
 * again. The key is a {@link Fingerprint} of everything that decides the mapping: every file of every
 * classpath directory (its path and content), every jar (its path, size, modification time and file
 * identity, so a replaced jar is a new one), the packages, naming, default schema and Hibernate settings,
 * the dialect, and the versions and bytes of Hibernate and autogen. An entry carries a fingerprint of itself: one that is cut short, corrupt or of
 * another format is passed over and replaced, never trusted. Entries are written whole, then moved into
 * place, so that commands running side by side never read half of one.
 */
final class EntityModelCache {

    /** Changes whenever what an entry holds changes shape. */
    private static final String FORMAT = "autogen entity model 8";

    private static final int DIGEST_LENGTH = Fingerprint.LENGTH;

    private EntityModelCache() {}

    /** What is kept: the model, and which columns the generators' sequences feed. */
    record Entry(Schema schema, List<SequenceUse> sequenceUses, List<ValueDomain> valueDomains) {}

    static String key(EntitySource source, List<Path> classpath, Dialect dialect) {
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
            file(key, codeSource(EntityModelCache.class));
            file(key, codeSource(org.hibernate.Version.class));
            for (Path entry : classpath) {
                file(key, entry);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Fingerprint.hex(key.toByteArray());
    }

    static Optional<Entry> read(Path directory, String key) {
        Path file = directory.resolve(key);
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length <= DIGEST_LENGTH) {
                return Optional.empty();
            }
            byte[] payload = Arrays.copyOfRange(bytes, DIGEST_LENGTH, bytes.length);
            if (!Arrays.equals(Arrays.copyOf(bytes, DIGEST_LENGTH), Fingerprint.of(payload))) {
                return Optional.empty();
            }
            ByteBuffer in = ByteBuffer.wrap(payload);
            byte[] format = new byte[in.getShort()];
            in.get(format);
            if (!FORMAT.equals(new String(format, StandardCharsets.UTF_8))) {
                return Optional.empty();
            }
            return Optional.of(EntryCodec.decode(in));
        } catch (IOException | RuntimeException e) {
            // Missing, unreadable, corrupt, or written by another build: boot Hibernate instead.
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
            Files.createDirectories(directory);
            Path staging = Files.createTempFile(directory, key, ".tmp");
            try {
                Files.write(staging, Fingerprint.of(bytes));
                Files.write(staging, bytes, java.nio.file.StandardOpenOption.APPEND);
                try {
                    Files.move(staging, directory.resolve(key), StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(staging, directory.resolve(key), StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(staging);
            }
        } catch (IOException | UncheckedIOException e) {
            // The cache only saves time: a model that cannot be kept is read again next time.
        }
    }

    /** A directory by every file's path and content; a jar or other file by path, size, time and identity. */
    private static void file(ByteArrayOutputStream key, Path path) throws IOException {
        if (path == null) {
            text(key, "unknown");
            return;
        }
        text(key, path.toAbsolutePath().toString());
        if (Files.isDirectory(path)) {
            key.writeBytes(Fingerprint.ofDirectory(path));
        } else if (Files.exists(path)) {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            text(key, attributes.size() + " " + attributes.lastModifiedTime().toInstant() + " " + attributes.fileKey());
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
